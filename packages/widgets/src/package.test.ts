import { expect } from '@open-wc/testing';
import * as widgets from '@tally/widgets';

// Imports the package by its name, from the build: proves the exports map and the entry point.
describe('@tally/widgets', () => {
  it('defines every element and exports both data sources from its entry point', () => {
    for (const tag of [
      'tally-provider',
      'tally-date-range',
      'tally-search',
      'tally-user-filter',
      'tally-stat-cards',
      'tally-leaderboard',
      'tally-timeline',
      'tally-breakdown',
      'tally-table',
      'tally-donut',
      'tally-agent-analytics',
      'tally-credit-analytics',
      'tally-comparison',
      'tally-health',
      'tally-gauge',
      'tally-latency-by-hour',
      'tally-response-times',
    ]) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
    expect(widgets.LocalSource).to.be.a('function');
    expect(widgets.HttpSource).to.be.a('function');
    expect(widgets.TallyRangeChangeEvent.type).to.equal('tally-range-change');
  });

  it('runs a view in the page through its LocalSource', async () => {
    const source = new widgets.LocalSource({
      events: [{ id: 'e1', name: 'chat.message', timestamp: Date.UTC(2026, 0, 2), userId: 'u1' }],
      now: () => Date.UTC(2026, 0, 3),
    });
    const board = await source.query('leaderboard', { tz: 'UTC' });
    expect(board.rows.map((row) => [row.userId, row.total])).to.deep.equal([['u1', 1]]);
  });
});
