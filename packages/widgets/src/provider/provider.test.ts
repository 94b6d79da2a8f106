import { expect, fixture, html } from '@open-wc/testing';
import '../leaderboard/leaderboard.js';
import type { TallyLeaderboard } from '../leaderboard/leaderboard.js';
import '../stat-cards/stat-cards.js';
import type { TallyStatCards } from '../stat-cards/stat-cards.js';
import { TallyFilterChangeEvent, TallyRangeChangeEvent } from '../events/tally-events.js';
import { failingSource } from '../__test-support__/interact.js';
import { usageSource } from '../__test-support__/usage-data.js';
import './provider.js';
import type { TallyProvider } from './provider.js';

describe('<tally-provider>', () => {
  it('shares its source, range, zone and locale with every element inside', async () => {
    const source = usageSource();
    const provider = await fixture<TallyProvider>(html`
      <tally-provider .source=${source} range="7d" tz="Europe/Paris" locale="fr-FR">
        <div><tally-leaderboard></tally-leaderboard></div>
        <tally-stat-cards></tally-stat-cards>
      </tally-provider>
    `);
    const board = provider.querySelector('tally-leaderboard') as TallyLeaderboard;
    const cards = provider.querySelector('tally-stat-cards') as TallyStatCards;
    await board.loadComplete;
    await cards.loadComplete;
    expect(board.effectiveSource).to.equal(source);
    expect(board.data?.range.preset).to.equal('7d');
    expect(board.data?.range.tz).to.equal('Europe/Paris');
    expect(cards.data?.range.tz).to.equal('Europe/Paris');
    expect(board.effectiveLocale).to.equal('fr-FR');
  });

  it('lets an element override the shared range with its own', async () => {
    const provider = await fixture<TallyProvider>(html`
      <tally-provider .source=${usageSource()} tz="UTC">
        <tally-leaderboard range="90d"></tally-leaderboard>
      </tally-provider>
    `);
    const board = provider.querySelector('tally-leaderboard') as TallyLeaderboard;
    await board.loadComplete;
    expect(board.data?.range.preset).to.equal('90d');
    provider.range = { preset: '7d' };
    await provider.updateComplete;
    await board.loadComplete;
    expect(board.data?.range.preset).to.equal('90d');
  });

  it('applies range and filter events from inside, merging filters', async () => {
    const provider = await fixture<TallyProvider>(html`
      <tally-provider .source=${usageSource()}><span></span></tally-provider>
    `);
    const child = provider.querySelector('span') as HTMLElement;
    child.dispatchEvent(new TallyRangeChangeEvent({ preset: '180d' }, 'Asia/Tokyo'));
    child.dispatchEvent(new TallyFilterChangeEvent({ search: 'ada' }));
    child.dispatchEvent(new TallyFilterChangeEvent({ users: ['u1'] }));
    expect(provider.range).to.deep.equal({ preset: '180d' });
    expect(provider.tz).to.equal('Asia/Tokyo');
    expect(provider.filters).to.deep.equal({ search: 'ada', users: ['u1'] });
  });

  it('leaves an event to the nearest provider', async () => {
    const outer = await fixture<TallyProvider>(html`
      <tally-provider range="30d"
        ><tally-provider range="7d"><span></span></tally-provider
      ></tally-provider>
    `);
    const inner = outer.querySelector('tally-provider') as TallyProvider;
    (inner.querySelector('span') as HTMLElement).dispatchEvent(
      new TallyRangeChangeEvent({ preset: '90d' }),
    );
    expect(inner.range).to.deep.equal({ preset: '90d' });
    expect(outer.range).to.deep.equal({ preset: '30d' });
  });

  it('makes every element fetch again on refresh', async () => {
    const source = failingSource(usageSource(), 0);
    const provider = await fixture<TallyProvider>(html`
      <tally-provider .source=${source} tz="UTC">
        <tally-leaderboard></tally-leaderboard>
        <tally-stat-cards></tally-stat-cards>
      </tally-provider>
    `);
    const board = provider.querySelector('tally-leaderboard') as TallyLeaderboard;
    const cards = provider.querySelector('tally-stat-cards') as TallyStatCards;
    await board.loadComplete;
    await cards.loadComplete;
    expect(source.calls).to.equal(2);
    provider.refresh();
    await provider.updateComplete;
    await board.loadComplete;
    await cards.loadComplete;
    expect(source.calls).to.equal(4);
  });

  it('takes the data floor and zone from the source settings, and paints its theme', async () => {
    const provider = await fixture<TallyProvider>(
      html`<tally-provider .source=${usageSource()} theme="dark"></tally-provider>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    await provider.updateComplete;
    expect(provider.state.dataFloor).to.equal('2026-06-01');
    expect(provider.state.tz).to.equal('UTC');
    expect(provider.dataset.tallyTheme).to.equal('dark');
    expect(getComputedStyle(provider).backgroundColor).to.equal('rgb(13, 17, 23)');
  });
});
