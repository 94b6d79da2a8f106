import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../leaderboard/leaderboard.js';
import type { TallyLeaderboard } from '../leaderboard/leaderboard.js';
import '../provider/provider.js';
import type { TallyProvider } from '../provider/provider.js';
import { $, click } from '../__test-support__/interact.js';
import { NOW, ROSTER, usageSource } from '../__test-support__/usage-data.js';
import './search.js';
import type { TallySearch } from './search.js';

async function mount(theme = 'light') {
  const provider = await fixture<TallyProvider>(html`
    <tally-provider .source=${usageSource()} tz="UTC" theme=${theme}>
      <tally-search .delay=${10}></tally-search>
      <tally-leaderboard></tally-leaderboard>
    </tally-provider>
  `);
  const search = provider.querySelector('tally-search') as TallySearch;
  const board = provider.querySelector('tally-leaderboard') as TallyLeaderboard;
  await board.loadComplete;
  return { provider, search, board };
}

describe('<tally-search>', () => {
  it('filters every widget by name or email as the reader types', async () => {
    const { provider, search, board } = await mount();
    await click($(search, 'input'));
    await sendKeys({ type: 'EXAMPLE.COM' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await provider.updateComplete;
    await board.loadComplete;
    expect(provider.filters.search).to.equal('EXAMPLE.COM');
    ($(search, 'input') as HTMLInputElement).select();
    await sendKeys({ type: 'hopper' });
    await sendKeys({ press: 'Enter' });
    await provider.updateComplete;
    await board.loadComplete;
    const expected = ROSTER.filter((user) => user.name?.toLowerCase().includes('hopper')).map(
      (user) => user.id,
    );
    expect(board.data?.rows.map((row) => row.userId)).to.deep.equal(expected);
    expect(NOW).to.be.a('number');
  });

  it('removes the filter when cleared', async () => {
    const { provider, search } = await mount();
    provider.filters = { search: 'ada' };
    await provider.updateComplete;
    await search.updateComplete;
    expect(($(search, 'input') as HTMLInputElement).value).to.equal('ada');
    search.value = '';
    search.commit();
    await provider.updateComplete;
    expect(provider.filters.search).to.equal(undefined);
  });

  it('is accessible in the light and dark themes', async () => {
    for (const theme of ['light', 'dark']) {
      const { search } = await mount(theme);
      await expect(search).to.be.accessible();
    }
  });
});
