import { expect, fixture, html } from '@open-wc/testing';
import '../leaderboard/leaderboard.js';
import type { TallyLeaderboard } from '../leaderboard/leaderboard.js';
import '../provider/provider.js';
import type { TallyProvider } from '../provider/provider.js';
import {
  $,
  $$,
  click,
  failingSource,
  pendingSource,
  textOf,
} from '../__test-support__/interact.js';
import { HOSTILE, ROSTER, usageSource } from '../__test-support__/usage-data.js';
import type { DataSource } from '../data/data-source.js';
import './user-filter.js';
import type { TallyUserFilter } from './user-filter.js';

async function mount(theme = 'light', source: DataSource = usageSource(), wait = true) {
  const provider = await fixture<TallyProvider>(html`
    <tally-provider .source=${source} tz="UTC" theme=${theme}>
      <tally-user-filter></tally-user-filter>
      <tally-leaderboard></tally-leaderboard>
    </tally-provider>
  `);
  const filter = provider.querySelector('tally-user-filter') as TallyUserFilter;
  const board = provider.querySelector('tally-leaderboard') as TallyLeaderboard;
  if (wait) {
    await filter.loadComplete;
    await board.loadComplete;
  }
  return { provider, filter, board };
}

describe('<tally-user-filter>', () => {
  it('lists every user of the range, idle licensed users included', async () => {
    const { filter } = await mount();
    await click($(filter, '[part="trigger"]'));
    await filter.updateComplete;
    const listed = $$(filter, '[part="option"] input').map((input) => input.dataset.user);
    const expected = ROSTER.filter((user) => user.id !== 'u6' || true).map((user) => user.id);
    expect([...listed].sort()).to.deep.equal(expected.sort());
    expect(filter.shadowRoot?.querySelector('img')).to.equal(null);
    expect($$(filter, '.name').map((name) => name.textContent)).to.include(HOSTILE);
  });

  it('narrows the leaderboard to the users ticked, and clears', async () => {
    const { provider, filter, board } = await mount();
    await click($(filter, '[part="trigger"]'));
    await filter.updateComplete;
    await click($(filter, 'input[data-user="u3"]'));
    await click($(filter, 'input[data-user="u1"]'));
    await provider.updateComplete;
    await board.loadComplete;
    expect(provider.filters.users).to.deep.equal(['u3', 'u1']);
    expect(board.data?.rows.map((row) => row.userId)).to.deep.equal(['u1', 'u3']);
    expect(textOf($(filter, '[part="trigger"]'))).to.equal('2 users 2');
    await click($$(filter, '.panel-actions button')[0]);
    await provider.updateComplete;
    await board.loadComplete;
    expect(provider.filters.users).to.equal(undefined);
    expect(board.data?.rows).to.have.length(6);
  });

  it('narrows its own list by typing', async () => {
    const { filter } = await mount();
    filter.open = true;
    await filter.updateComplete;
    const input = $(filter, '[part="filter-input"]') as HTMLInputElement;
    input.value = 'grace@';
    input.dispatchEvent(new Event('input'));
    await filter.updateComplete;
    expect($$(filter, '[part="option"] input').map((option) => option.dataset.user)).to.deep.equal([
      'u3',
    ]);
  });

  it('says when the users are loading and when they failed', async () => {
    const loading = await mount('light', pendingSource(), false);
    loading.filter.open = true;
    await loading.filter.updateComplete;
    expect(textOf($(loading.filter, '[role="status"]'))).to.equal('Loading users…');
    const failing = await mount('light', failingSource(usageSource()), false);
    await failing.filter.loadComplete;
    failing.filter.open = true;
    await failing.filter.updateComplete;
    expect(textOf($(failing.filter, '[role="alert"]'))).to.contain('Could not load the users');
  });

  it('is accessible in the light and dark themes', async () => {
    for (const theme of ['light', 'dark']) {
      const { filter } = await mount(theme);
      filter.open = true;
      await filter.updateComplete;
      await expect(filter).to.be.accessible();
    }
  });
});
