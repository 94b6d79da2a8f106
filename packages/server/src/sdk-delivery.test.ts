import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TallyError } from '@tally/core';
import { createTracker } from '@tally/sdk';
import { startFaultProxy, type Fault } from './__test-support__/fault-proxy.js';
import { tempFolder } from './__test-support__/temp-folder.js';
import { KEYS } from './__test-support__/test-config.js';
import { startTestServer } from './__test-support__/test-server.js';
import { DuckDbStore } from './store/duckdb-store.js';

/** Tracks `count` events through the SDK in Node, with `faults` between it and the server. */
async function deliver(count: number, faults: Fault[]) {
  const folder = await tempFolder('sdk');
  const server = await startTestServer({
    store: await DuckDbStore.open(join(folder.path, 'tally.duckdb')),
  });
  const proxy = await startFaultProxy(server.url);
  proxy.script(faults);
  const errors: TallyError[] = [];
  const tracker = createTracker({
    endpoint: proxy.url,
    writeKey: KEYS.acme.write,
    persist: 'memory',
    flushAt: 25,
    flushIntervalMs: 20,
    retry: { minMs: 5, maxMs: 40 },
    timeoutMs: 2000,
    onError: (error) => errors.push(error),
  });
  try {
    tracker.identify('ada', { name: 'Ada Lovelace', email: 'ada@example.com' });
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const id =
        index % 2 === 0
          ? tracker.track('chat.message', { category: 'chat', conversationId: `c${index % 7}` })
          : tracker.usage({
              name: 'chat.completion',
              category: 'chat',
              model: 'gpt-4o',
              provider: 'openai',
              tokens: { input: 100 + index, output: 20 },
              latencyMs: 300,
              status: 'ok',
            });
      if (id !== undefined) ids.push(id);
    }
    await tracker.shutdown({ timeoutMs: 15_000 });
    const stored = await server.store
      .engine('acme')
      .rows({ range: { from: 0, to: 8.64e15 }, limit: 100_000 });
    const roster = await server.store.engine('acme').roster();
    return {
      ids,
      stored: stored.rows,
      roster,
      errors,
      stats: tracker.stats,
      counts: { ...proxy.counts },
      unusedFaults: proxy.remaining(),
    };
  } finally {
    await proxy.close();
    await server.close();
    await folder.remove();
  }
}

describe('the SDK delivering to the server', () => {
  it('delivers every event exactly once through a clean connection', async () => {
    const run = await deliver(120, []);
    assert.equal(run.ids.length, 120);
    assert.deepEqual(run.stored.map((event) => event.id).sort(), [...run.ids].sort());
    assert.ok(run.stored.every((event) => event.userId === 'ada' && event.actor === 'user'));
    assert.equal(run.stored.filter((event) => event.pricing === 'catalog').length, 60);
    assert.deepEqual(
      run.roster.map((user) => [user.id, user.name]),
      [['ada', 'Ada Lovelace']],
    );
    assert.equal(run.stats.sent, 120);
    assert.deepEqual(run.errors, []);
  });

  it('stores every event exactly once through 5xx, 429, cut connections and lost answers', async () => {
    const run = await deliver(150, [
      { kind: 'status', status: 503 },
      { kind: 'drop-answer' },
      { kind: 'status', status: 429, retryAfter: 1 },
      { kind: 'reset-before' },
      { kind: 'drop-answer' },
      { kind: 'status', status: 500 },
      { kind: 'drop-answer' },
    ]);
    assert.equal(run.ids.length, 150);
    const storedIds = run.stored.map((event) => event.id);
    assert.equal(new Set(storedIds).size, storedIds.length);
    assert.deepEqual([...storedIds].sort(), [...run.ids].sort());
    assert.equal(run.unusedFaults, 0);
    // Three scripted statuses and one cut before forwarding; the lost answers reached the server.
    assert.equal(run.counts.forwarded, run.counts.requests - 4);
    assert.equal(run.stats.deadLettered, 0);
  });
});
