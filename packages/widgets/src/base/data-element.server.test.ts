import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LeaderboardResult } from '@tally/core';
import { executeServerCommand } from '@web/test-runner-commands';
import { $$ } from '../__test-support__/interact.js';
import { HttpSource } from '../data/http-source.js';
import '../leaderboard/leaderboard.js';
import type { TallyLeaderboard } from '../leaderboard/leaderboard.js';

/** What the `tally-server` command of the server plugin answers (the part used here). */
interface ServerInfo {
  url: string;
  adminToken: string;
}

/**
 * `fetch` to the real server that holds every request until `release()` (or its cancellation),
 * recording the range preset each one asked for and the ones cancelled.
 */
function heldFetch() {
  const sent: string[] = [];
  const cancelled: string[] = [];
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = (await request.clone().json()) as { range: { preset: string } };
    sent.push(body.range.preset);
    await new Promise<void>((resolve, reject) => {
      const cancel = () => {
        cancelled.push(body.range.preset);
        reject(new DOMException('The request was cancelled.', 'AbortError'));
      };
      if (request.signal.aborted) cancel();
      request.signal.addEventListener('abort', cancel, { once: true });
      void gate.then(resolve);
    });
    return globalThis.fetch(request);
  };
  return { fetch, sent, cancelled, release: () => release() };
}

describe('DataElement over a real HttpSource', () => {
  it('asks again when the source cancels its query for another block’s new range', async () => {
    const info = await executeServerCommand<ServerInfo, Record<string, never>>('tally-server', {});
    const held = heldFetch();
    const source = new HttpSource({
      endpoint: info.url,
      token: info.adminToken,
      fetch: held.fetch,
    });
    const page = await fixture<HTMLElement>(
      html`<div>
        <tally-leaderboard id="fixed" .source=${source} range="30d" tz="UTC"></tally-leaderboard>
        <tally-leaderboard id="moving" .source=${source} range="30d" tz="UTC"></tally-leaderboard>
      </div>`,
    );
    const fixed = page.querySelector<TallyLeaderboard>('#fixed')!;
    const moving = page.querySelector<TallyLeaderboard>('#moving')!;
    // Both blocks share one request for the 30 days.
    await waitUntil(() => held.sent.length === 1, 'the 30-day request is sent');

    moving.range = { preset: '7d' };
    // The 7-day request cancels the 30-day one still in flight, which the fixed block still
    // wants: it asks again, and that request cancels nothing in turn.
    await waitUntil(() => held.sent.length === 3, 'the fixed block asks again');
    held.release();
    await waitUntil(
      () => fixed.status === 'ready' && moving.status === 'ready',
      'both blocks show their answer',
    );
    // Nothing more is sent: the two ranges do not keep cancelling each other.
    await aTimeout(300);
    expect(held.sent).to.deep.equal(['30d', '7d', '30d']);
    expect(held.cancelled).to.deep.equal(['30d']);

    const direct = new HttpSource({ endpoint: info.url, token: info.adminToken });
    const expected: Record<string, LeaderboardResult> = {
      fixed: await direct.query('leaderboard', { range: { preset: '30d' }, tz: 'UTC' }),
      moving: await direct.query('leaderboard', { range: { preset: '7d' }, tz: 'UTC' }),
    };
    for (const element of [fixed, moving]) {
      const answer = expected[element.id];
      expect(element.data?.range, element.id).to.deep.equal(answer.range);
      expect(element.data?.totals, element.id).to.deep.equal(answer.totals);
      expect($$(element, '[part="table"]'), element.id).to.have.length(1);
      expect($$(element, '[part="skeleton"]'), element.id).to.have.length(0);
    }
  });
});
