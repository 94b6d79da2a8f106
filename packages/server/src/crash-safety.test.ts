import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { spawnServer } from './__test-support__/spawn-server.js';
import { tempFolder } from './__test-support__/temp-folder.js';
import { KEYS, testConfig } from './__test-support__/test-config.js';
import { wireEvent } from './__test-support__/test-server.js';
import { DuckDbStore } from './store/duckdb-store.js';

/** Runs a server in a child process, ingests from four clients, and sends `signal` midway. */
async function ingestUntil(signal: NodeJS.Signals) {
  const folder = await tempFolder('crash');
  const configPath = join(folder.path, 'tally.config.json');
  const dbPath = join(folder.path, 'tally.duckdb');
  await writeFile(configPath, JSON.stringify(testConfig()));
  const server = await spawnServer(['--config', configPath, '--db', dbPath]);
  const acknowledged: string[] = [];
  const refusals = new Set<number>();
  let sent = 0;
  let signalled = false;
  const client = async (name: number) => {
    for (let batch = 0; batch < 200; batch += 1) {
      const events = Array.from({ length: 100 }, (_, index) =>
        wireEvent({ id: `c${name}-b${batch}-e${index}`, timestamp: Date.now() - 1000 }),
      );
      sent += events.length;
      try {
        const response = await fetch(`${server.url}/v1/batch`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${KEYS.acme.write}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ batch: events, sentAt: Date.now() }),
        });
        const answer = (await response.json()) as { accepted: number; duplicates: number };
        if (response.status !== 200) {
          refusals.add(response.status);
        } else {
          assert.equal(answer.accepted + answer.duplicates, events.length);
          acknowledged.push(...events.map((event) => event.id as string));
        }
      } catch (error) {
        // After the signal, connections may be refused or cut: those events were never acknowledged.
        if (!signalled) throw error;
        return;
      }
      if (acknowledged.length >= 4000 && !signalled) {
        signalled = true;
        server.child.kill(signal);
      }
    }
  };
  await Promise.all([1, 2, 3, 4].map(client));
  const exit = await server.exited;
  return { folder, dbPath, acknowledged, sent, exit, refusals, output: server.output() };
}

/** Acknowledged ids missing from the database file. */
async function lostEvents(dbPath: string, acknowledged: readonly string[]): Promise<string[]> {
  const store = await DuckDbStore.open(dbPath);
  try {
    const stored = await store
      .engine('acme')
      .rows({ range: { from: 0, to: 8.64e15 }, limit: 1_000_000 });
    const ids = new Set(stored.rows.map((event) => event.id));
    return acknowledged.filter((id) => !ids.has(id));
  } finally {
    await store.close();
  }
}

describe('crash safety', () => {
  it('loses no acknowledged event when the server is killed with SIGKILL during ingest', async () => {
    const run = await ingestUntil('SIGKILL');
    try {
      assert.equal(run.exit, 'SIGKILL');
      assert.ok(run.acknowledged.length >= 4000, `only ${run.acknowledged.length} acknowledged`);
      assert.ok(run.sent > run.acknowledged.length, 'batches were in flight when the server died');
      const lost = await lostEvents(run.dbPath, run.acknowledged);
      assert.deepEqual(lost.slice(0, 10), [], `${lost.length} acknowledged events were lost`);
    } finally {
      await run.folder.remove();
    }
  });

  it('finishes the batches in flight on SIGTERM, then exits cleanly', async () => {
    const run = await ingestUntil('SIGTERM');
    try {
      assert.equal(run.exit, 0, run.output);
      assert.match(run.output, /SIGTERM, shutting down[\s\S]*stopped/);
      assert.deepEqual(
        [...run.refusals].filter((status) => status !== 503),
        [],
      );
      const lost = await lostEvents(run.dbPath, run.acknowledged);
      assert.deepEqual(lost.slice(0, 10), [], `${lost.length} acknowledged events were lost`);
    } finally {
      await run.folder.remove();
    }
  });
});
