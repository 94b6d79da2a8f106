import { expect } from 'chai';
import { collector, sleep, waitFor, waitForStored } from './__test-support__/collector.js';
import { openTab, type Tab } from './__test-support__/tabs.js';

// Real pages in frames of the test page: they share the origin's IndexedDB and Web Locks, reload
// and go away like tabs of the host app.
describe('page lifecycle', () => {
  let tabs: Tab[] = [];

  async function open(query: Record<string, string | number | boolean>): Promise<Tab> {
    const tab = await openTab(query);
    tabs.push(tab);
    return tab;
  }

  function trackMany(tab: Tab, count: number, name = 'chat.message'): string[] {
    return Array.from({ length: count }, (_, index) =>
      tab.tally.track(name, { properties: { index } }),
    ) as string[];
  }

  async function storedIds(): Promise<string[]> {
    return (await collector.events()).map((event) => event.id).sort();
  }

  afterEach(async () => {
    for (const tab of tabs) {
      if (tab.frame.isConnected) await tab.tally.shutdown({ timeoutMs: 500 });
      tab.close();
    }
    tabs = [];
  });

  it('delivers every event of a page reloaded in the middle of a flush, each counted once', async () => {
    const target = await collector.fresh();
    const tab = await open({ ...target, flushIntervalMs: 300 });
    await collector.faults([{ delayMs: 1500 }]);
    const ids = trackMany(tab, 40);
    void tab.tally.flush();
    await waitFor(
      async () => (await collector.stats()).requests === 0,
      'the flush is in flight',
      500,
    ).catch(() => {});
    await sleep(200);
    await tab.reload();
    const stats = await waitForStored(40, 15_000);
    expect(await storedIds()).to.deep.equal(ids.sort());
    // The interrupted batch may arrive twice (at least once); dedup by id keeps one of each.
    expect(stats.received - stats.duplicates).to.equal(40);
  });

  it('sends the queued events by beacon when the tab is closed', async () => {
    const target = await collector.fresh();
    const tab = await open({ ...target, flushAt: 100, flushIntervalMs: 60_000 });
    const ids = trackMany(tab, 25);
    await sleep(100);
    tab.close();
    const stats = await waitForStored(25, 5000);
    expect(await storedIds()).to.deep.equal(ids.sort());
    expect(stats.beacons).to.be.at.least(1);
    expect(stats.duplicates).to.equal(0);
  });

  it('delivers events of a closed tab on the next load when the beacon failed', async () => {
    const target = await collector.fresh();
    const first = await open({ ...target, flushIntervalMs: 60_000 });
    const ids = trackMany(first, 15);
    await sleep(100);
    await collector.faults([{ status: 503, times: 5 }]);
    first.close();
    await waitFor(async () => (await collector.stats()).requests > 0, 'the beacon was sent', 5000);
    expect((await collector.stats()).stored).to.equal(0);
    await collector.faults([]);
    await open({ ...target, flushIntervalMs: 200 });
    const stats = await waitForStored(15, 10_000);
    expect(await storedIds()).to.deep.equal(ids.sort());
    expect(stats.duplicates).to.equal(0);
  });

  it('lets only one of two tabs send, so no event is sent twice', async () => {
    const target = await collector.fresh();
    const one = await open({ ...target, flushAt: 25, flushIntervalMs: 200 });
    const two = await open({ ...target, flushAt: 25, flushIntervalMs: 200 });
    const ids: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      ids.push(...trackMany(one, 20, 'tab.one'), ...trackMany(two, 20, 'tab.two'));
      await sleep(20);
    }
    const stats = await waitForStored(400, 15_000);
    expect(await storedIds()).to.deep.equal(ids.sort());
    expect(stats.received).to.equal(400);
    expect(stats.duplicates).to.equal(0);
  });

  it('hands delivery to the other tab when the sending tab closes', async () => {
    const target = await collector.fresh();
    const one = await open({ ...target, flushIntervalMs: 200 });
    await sleep(100);
    const two = await open({ ...target, flushIntervalMs: 200 });
    await one.tally.shutdown({ timeoutMs: 500 });
    one.close();
    const ids = trackMany(two, 30);
    await waitForStored(30, 10_000);
    expect(await storedIds()).to.deep.equal(ids.sort());
  });
});
