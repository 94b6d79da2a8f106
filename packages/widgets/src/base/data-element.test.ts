import { expect, fixture, html } from '@open-wc/testing';
import { $, textOf } from '../__test-support__/interact.js';
import type { DataSource } from '../data/data-source.js';
import '../leaderboard/leaderboard.js';
import type { TallyLeaderboard } from '../leaderboard/leaderboard.js';

/** A source that cancels every query it is asked (as if a newer range always superseded it). */
function cancellingSource(): DataSource & { calls: number } {
  const source = {
    calls: 0,
    query: () => {
      source.calls += 1;
      return Promise.reject(new DOMException('The request was cancelled.', 'AbortError'));
    },
    export: () => Promise.reject(new DOMException('The request was cancelled.', 'AbortError')),
  };
  return source as unknown as DataSource & { calls: number };
}

describe('DataElement', () => {
  it('asks again after the source cancels, but gives up with an error after 5 times in a row', async () => {
    const source = cancellingSource();
    const element = await fixture<TallyLeaderboard>(html`
      <tally-leaderboard .source=${source} range="7d" tz="UTC"></tally-leaderboard>
    `);
    await element.loadComplete;
    // The first query and 5 more.
    expect(source.calls).to.equal(6);
    expect(element.status).to.equal('error');
    expect(textOf($(element, '[part="error"] p'))).to.contain(
      'the data source cancelled the leaderboard query 6 times in a row',
    );
  });
});
