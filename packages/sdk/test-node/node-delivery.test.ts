import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { TallyError } from '@tally/core';
import { createTracker } from '../src/index.js';
import { startCollector } from '../test-support/collector.mjs';

const sourceIndex = fileURLToPath(new URL('../src/index.ts', import.meta.url));

describe('the tracker in Node', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;

  before(async () => {
    collector = await startCollector();
  });
  after(async () => {
    await collector.close();
  });
  beforeEach(() => collector.reset());

  const start = (options: Partial<Parameters<typeof createTracker>[0]> = {}) => {
    const errors: TallyError[] = [];
    const tally = createTracker({
      endpoint: collector.url,
      writeKey: collector.writeKey,
      retry: { minMs: 20, maxMs: 200 },
      onError: (error) => errors.push(error),
      ...options,
    });
    return { tally, errors };
  };

  it('keeps its queue in memory, since Node has no IndexedDB', async () => {
    const { tally, errors } = start();
    const ids = Array.from({ length: 5 }, () => tally.track('job.run', { category: 'automation' }));
    await tally.flush();
    assert.deepEqual(
      collector
        .events()
        .map((event) => event.id)
        .sort(),
      ids.sort(),
    );
    assert.deepEqual(errors, []);
    await tally.shutdown();
  });

  it('sends everything queued on shutdown', async () => {
    const { tally } = start({ flushIntervalMs: 60_000 });
    for (let index = 0; index < 45; index += 1) tally.system('nightly-digest').track('email.send');
    await tally.shutdown({ timeoutMs: 2000 });
    assert.equal(collector.stats().stored, 45);
    const [event] = collector.events();
    assert.equal(event.actor, 'system');
    assert.equal(event.agent, 'nightly-digest');
  });

  it('retries within the shutdown timeout until the server recovers', async () => {
    collector.setFaults([{ status: 500, times: 3 }]);
    const { tally, errors } = start({ flushIntervalMs: 60_000 });
    tally.track('job.run');
    await tally.shutdown({ timeoutMs: 3000 });
    assert.equal(collector.stats().stored, 1);
    assert.deepEqual(collector.stats().statuses, [500, 500, 500, 200]);
    assert.deepEqual(errors, []);
  });

  it('stops at the shutdown timeout and reports what is left', async () => {
    collector.setFaults([{ status: 503, retryAfter: 30, times: 10 }]);
    const { tally, errors } = start({ flushIntervalMs: 60_000 });
    tally.track('job.run');
    const started = Date.now();
    await tally.shutdown({ timeoutMs: 300 });
    assert.ok(Date.now() - started < 1500, 'shutdown kept its timeout');
    assert.deepEqual(
      errors.map((error) => error.code),
      ['undelivered'],
    );
    assert.equal(tally.track('job.after'), undefined);
  });

  it('hands each delivery to waitUntil, for serverless runtimes', async () => {
    const pending: Promise<unknown>[] = [];
    const { tally } = start({ flushAt: 1, waitUntil: (promise) => pending.push(promise) });
    tally.track('api.request');
    assert.ok(pending.length >= 1);
    await Promise.all(pending);
    assert.equal(collector.stats().stored, 1);
    await tally.shutdown();
  });

  it('flushes before the process exits even without shutdown', async () => {
    const script = `
      import { createTracker } from ${JSON.stringify(sourceIndex)};
      const tally = createTracker({ endpoint: ${JSON.stringify(collector.url)}, writeKey: ${JSON.stringify(collector.writeKey)} });
      for (let index = 0; index < 3; index += 1) tally.track('cli.command');
    `;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        stdio: 'inherit',
      },
    );
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 0);
    assert.equal(collector.stats().stored, 3);
  });
});
