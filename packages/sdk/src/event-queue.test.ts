import { expect } from 'chai';
import type { TallyError } from '@tally/core';
import { collector, sleep, waitFor, waitForStored } from './__test-support__/collector.js';
import { openTab, type Tab } from './__test-support__/tabs.js';
import { createTracker } from './create-tracker.js';
import type { Tracker } from './tracker.js';

describe('event queue', () => {
  let tab: Tab | undefined;
  let tally: Tracker | undefined;

  const put = IDBObjectStore.prototype.put;

  afterEach(async () => {
    IDBObjectStore.prototype.put = put;
    await tab?.tally.shutdown({ timeoutMs: 500 });
    tab?.close();
    await tally?.shutdown({ timeoutMs: 500 });
    tab = undefined;
    tally = undefined;
  });

  it('keeps events in memory and delivers them where IndexedDB is missing', async () => {
    const target = await collector.fresh();
    tab = await openTab({ ...target, noIndexedDb: true, flushIntervalMs: 200 });
    const ids = Array.from({ length: 12 }, () => tab!.tally.track('chat.message'));
    const stats = await waitForStored(12, 5000);
    expect(stats.duplicates).to.equal(0);
    expect((await collector.events()).map((event) => event.id).sort()).to.deep.equal(ids.sort());
    expect(tab.errors).to.deep.equal([]);
  });

  it('falls back to memory, and says so, when IndexedDB refuses to open', async () => {
    const target = await collector.fresh();
    tab = await openTab({ ...target, brokenIndexedDb: true, flushIntervalMs: 200 });
    const ids = Array.from({ length: 12 }, () => tab!.tally.track('chat.message'));
    await waitForStored(12, 5000);
    expect((await collector.events()).map((event) => event.id).sort()).to.deep.equal(ids.sort());
    expect(tab.errors.map((error) => error.code)).to.deep.equal(['storage_failed']);
  });

  it('keeps delivering every event when the storage quota is exceeded', async () => {
    const target = await collector.fresh();
    const errors: TallyError[] = [];
    tally = createTracker({
      ...target,
      flushAt: 1000,
      flushIntervalMs: 60_000,
      onError: (error) => errors.push(error),
    });
    const early = tally.track('before.quota')!;
    await sleep(100);
    // The storage is full from now on: IndexedDB refuses every write as browsers do then.
    // (DevTools' quota override proved unreliable once the origin already stores data.)
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const ids: string[] = [];
    for (let index = 0; index < 40; index += 1) {
      ids.push(tally.track('chat.message', { properties: { index } })!);
      await sleep(5);
    }
    await tally.flush();
    const stats = await waitForStored(41, 10_000);
    expect((await collector.events()).map((event) => event.id).sort()).to.deep.equal(
      [early, ...ids].sort(),
    );
    expect(stats.duplicates).to.equal(0);
    expect(errors.map((error) => error.code)).to.deep.equal(['storage_failed']);
    expect(errors[0].message).to.match(/QuotaExceededError/);
  });

  it('drops, counts and reports events beyond maxQueue, never silently', async () => {
    const target = await collector.fresh();
    const errors: TallyError[] = [];
    tally = createTracker({
      ...target,
      persist: 'memory',
      maxQueue: 5,
      flushIntervalMs: 60_000,
      onError: (error) => errors.push(error),
    });
    const ids = Array.from({ length: 8 }, () => tally!.track('chat.message'));
    expect(ids.filter(Boolean)).to.have.length(5);
    expect(tally.stats.dropped).to.equal(3);
    expect(errors.map((error) => error.code)).to.deep.equal([
      'queue_full',
      'queue_full',
      'queue_full',
    ]);
    await tally.flush();
    expect((await collector.stats()).stored).to.equal(5);
  });

  it('drops events beyond maxQueueBytes held in memory', async () => {
    const target = await collector.fresh();
    tally = createTracker({
      ...target,
      persist: 'memory',
      maxQueueBytes: 3000,
      flushIntervalMs: 60_000,
      onError: () => {},
    });
    const ids = Array.from({ length: 10 }, () =>
      tally!.track('chat.message', { properties: { text: 'x'.repeat(900) } }),
    );
    expect(ids.filter(Boolean).length).to.be.within(2, 3);
    expect(tally.stats.dropped).to.equal(10 - ids.filter(Boolean).length);
  });

  it('keeps queued events in IndexedDB for the next tracker when the server is down', async () => {
    const target = await collector.fresh();
    await collector.faults([{ status: 500, times: 1000 }]);
    const errors: TallyError[] = [];
    tally = createTracker({
      ...target,
      flushIntervalMs: 60_000,
      onError: (error) => errors.push(error),
    });
    const ids = Array.from({ length: 6 }, () => tally!.track('chat.message'));
    await tally.shutdown({ timeoutMs: 300 });
    expect(errors.map((error) => error.code)).to.deep.equal(['undelivered']);
    await collector.faults([]);
    tally = createTracker({ ...target, flushIntervalMs: 100 });
    await waitFor(
      async () => (await collector.stats()).stored === 6,
      'the next tracker sent the queue',
    );
    expect((await collector.events()).map((event) => event.id).sort()).to.deep.equal(ids.sort());
  });
});
