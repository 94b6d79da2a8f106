import { expect } from 'chai';
import type { TallyError } from '@tally/core';
import {
  collector,
  goOffline,
  sleep,
  waitFor,
  waitForStored,
} from './__test-support__/collector.js';
import { createTracker } from './create-tracker.js';
import type { TrackerOptions } from './options.js';
import type { Tracker } from './tracker.js';

// The fault matrix: each case counts what the collector stored. Every event must arrive, and
// after the collector's dedup by id none may be counted twice.
describe('delivery', () => {
  let tally: Tracker | undefined;
  let errors: TallyError[];

  async function start(options: Partial<TrackerOptions> = {}): Promise<Tracker> {
    const target = await collector.fresh();
    errors = [];
    tally = createTracker({
      ...target,
      flushIntervalMs: 60_000,
      retry: { minMs: 50, maxMs: 2000 },
      onError: (error) => errors.push(error),
      ...options,
    });
    return tally;
  }

  function trackMany(count: number, name = 'chat.message'): string[] {
    return Array.from({ length: count }, (_, index) =>
      tally!.track(name, { properties: { index } }),
    ) as string[];
  }

  async function expectExactlyStored(ids: string[]) {
    const stored = (await collector.events()).map((event) => event.id);
    expect(stored.slice().sort()).to.deep.equal(ids.slice().sort());
  }

  afterEach(async () => {
    await tally?.shutdown({ timeoutMs: 1000 });
    tally = undefined;
  });

  it('holds events while offline and sends them all when the browser is back online', async () => {
    await start();
    void goOffline(1500);
    await waitFor(() => !navigator.onLine, 'the browser went offline');
    const ids = trackMany(30);
    await tally!.flush();
    await waitFor(() => navigator.onLine, 'the browser came back online');
    const online = Date.now();
    const stats = await waitForStored(30);
    await expectExactlyStored(ids);
    expect(stats.duplicates).to.equal(0);
    // Nothing reached the collector while offline; delivery resumed on its own.
    expect(stats.times.every((time) => time >= online - 50)).to.equal(true);
  });

  it('retries after 500s with growing delays until the server recovers', async () => {
    await start();
    await collector.faults([{ status: 500, times: 3 }]);
    const ids = trackMany(25);
    const stats = await waitForStored(25);
    await expectExactlyStored(ids);
    expect(stats.statuses.slice(0, 4)).to.deep.equal([500, 500, 500, 200]);
    const [first, second, third, fourth] = stats.times;
    // Backoff doubles from 50 ms, each delay between half and all of its step.
    expect(second - first).to.be.within(20, 1000);
    expect(fourth - third).to.be.greaterThan(second - first);
    expect(stats.duplicates).to.equal(0);
    expect(errors).to.deep.equal([]);
  });

  it('waits as long as Retry-After says after a 429', async () => {
    await start();
    await collector.faults([{ status: 429, retryAfter: 1 }]);
    const ids = trackMany(5);
    await tally!.flush();
    const stats = await waitForStored(5);
    await expectExactlyStored(ids);
    expect(stats.statuses).to.deep.equal([429, 200]);
    expect(stats.times[1] - stats.times[0]).to.be.at.least(950);
  });

  it('honours Retry-After on a 503 too', async () => {
    await start();
    await collector.faults([{ status: 503, retryAfter: 1 }]);
    trackMany(3);
    await tally!.flush();
    const stats = await waitForStored(3);
    expect(stats.times[1] - stats.times[0]).to.be.at.least(950);
  });

  it('splits a batch the server finds too large (413) until every part fits', async () => {
    await start();
    await collector.maxBatch(7);
    const ids = trackMany(30);
    await tally!.flush();
    const stats = await waitForStored(30);
    await expectExactlyStored(ids);
    const accepted = stats.batchSizes.filter((_, index) => stats.statuses[index] === 200);
    expect(Math.max(...accepted)).to.be.at.most(7);
    expect(accepted.reduce((sum, size) => sum + size, 0)).to.equal(30);
    expect(stats.duplicates).to.equal(0);
  });

  it('dead-letters a batch refused with another 4xx, with the server reason, and goes on', async () => {
    await start();
    await collector.faults([{ status: 400 }]);
    const [refused] = trackMany(1, 'doc.generate');
    await tally!.flush();
    const later = trackMany(2);
    await tally!.flush();
    await expectExactlyStored(later);
    expect(errors.map((error) => [error.code, error.message])).to.deep.equal([
      ['event_rejected', `event ${refused} refused by the server: HTTP 400: scripted 400`],
    ]);
    expect(tally!.stats).to.deep.equal({ sent: 2, dropped: 0, deadLettered: 1 });
  });

  it('dead-letters only the events the server rejected in an accepted batch', async () => {
    await start();
    await collector.rejectNames(['doc.bad']);
    const good = trackMany(3);
    const [bad] = trackMany(1, 'doc.bad');
    await tally!.flush();
    await expectExactlyStored(good);
    expect(errors.map((error) => [error.code, error.field, error.message])).to.deep.equal([
      [
        'event_rejected',
        'name',
        `event ${bad} refused by the server: name: is refused by this collector`,
      ],
    ]);
    await tally!.flush();
    expect((await collector.stats()).requests).to.equal(1);
  });

  it('sends flushAt events without waiting for the interval', async () => {
    await start({ flushAt: 10 });
    trackMany(9);
    await sleep(200);
    expect((await collector.stats()).requests).to.equal(0);
    trackMany(1);
    await waitForStored(10, 3000);
  });

  it('sends on the interval when fewer than flushAt events wait', async () => {
    await start({ flushIntervalMs: 300 });
    const ids = trackMany(2);
    await waitForStored(2, 3000);
    await expectExactlyStored(ids);
  });

  it('stamps each batch with sentAt from the client clock', async () => {
    await start();
    const before = Date.now();
    trackMany(2);
    await tally!.flush();
    for (const event of await collector.events()) {
      expect(event.receivedSentAt).to.be.within(before, Date.now());
      expect(event.receivedSentAt).to.be.at.least(event.timestamp as number);
    }
  });

  it('delivers a burst of 10,000 events, each exactly once', async function () {
    this.timeout(120_000);
    await start();
    const ids = trackMany(10_000);
    expect(new Set(ids).size).to.equal(10_000);
    const stats = await waitForStored(10_000, 90_000);
    expect(stats.received).to.equal(10_000);
    expect(stats.duplicates).to.equal(0);
    expect(Math.max(...stats.batchSizes)).to.be.at.most(500);
    expect(tally!.stats.dropped).to.equal(0);
    expect(errors).to.deep.equal([]);
  });
});
