/**
 * The ingest half of the server benchmark: sustained `POST /v1/batch` over loopback from several
 * concurrent clients (batches of 100, some sent twice so dedup is exercised), beside the store's
 * own insert rate and DuckDB's raw appender on the same rows.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateDataset, toWireEvent } from '../generate-events.mjs';
import { BENCH_KEYS } from './bench-config.mjs';
import { createClient } from './http-client.mjs';

const child = fileURLToPath(new URL('./ingest-child.mjs', import.meta.url));

/** Events per batch, as the SDK sends them. */
export const BATCH_SIZE = 100;

/**
 * Measures ingest of `count` events: over HTTP with `clients` concurrent clients, through
 * `Store.insertEvents` directly, and through DuckDB's appender. Returns events per second.
 */
export async function measureIngest({ count, clients, dist, log }) {
  const now = Date.now();
  const { events } = generateDataset({ count, now, days: 30, seed: 4242 });
  const bodies = [];
  for (let start = 0; start < events.length; start += BATCH_SIZE) {
    const batch = events.slice(start, start + BATCH_SIZE).map(toWireEvent);
    bodies.push(JSON.stringify({ batch, sentAt: now }));
  }
  // Every 20th batch is sent again, as a client whose answer was lost would.
  const schedule = bodies.flatMap((body, index) => (index % 20 === 19 ? [body, body] : [body]));
  const folder = await mkdtemp(join(tmpdir(), 'tally-bench-ingest-'));
  try {
    const http = await httpIngest({
      schedule,
      clients,
      dist,
      path: join(folder, 'http.duckdb'),
      log,
    });
    const direct = await storeIngest({ events, dist, path: join(folder, 'store.duckdb') });
    const appender = await appenderIngest({ events, dist, path: join(folder, 'raw.duckdb') });
    return {
      events: schedule.length * BATCH_SIZE,
      httpRate: http.rate,
      httpCpuPerEvent: http.cpuPerEventUs,
      storeRate: direct.rate,
      appenderRate: appender.rate,
      stored: http.stored,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function httpIngest({ schedule, clients, dist, path, log }) {
  const server = spawn(process.execPath, [child, path, dist], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  const url = await new Promise((resolve, reject) => {
    server.once('exit', () => reject(new Error(`the ingest server exited: ${output}`)));
    server.stdout.on('data', () => {
      const match = /listening (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
  });
  const client = createClient(url, clients);
  let next = 0;
  let accepted = 0;
  let duplicates = 0;
  const worker = async () => {
    while (next < schedule.length) {
      const body = schedule[next++];
      const answer = await client.post('/v1/batch', body, {
        authorization: `Bearer ${BENCH_KEYS.secret}`,
      });
      if (answer.status !== 200) throw new Error(`batch answered ${answer.status}: ${answer.text}`);
      const parsed = JSON.parse(answer.text);
      accepted += parsed.accepted;
      duplicates += parsed.duplicates;
    }
  };
  // A short warm-up (JIT, first DuckDB pages) that is not timed.
  const warm = schedule.splice(0, Math.min(50, Math.floor(schedule.length / 10)));
  for (const body of warm)
    await client.post('/v1/batch', body, { authorization: `Bearer ${BENCH_KEYS.secret}` });
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = performance.now() - start;
  client.close();
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  const cpu = Number(/cpu (\S+)/.exec(output)?.[1] ?? NaN);
  const events = schedule.length * BATCH_SIZE;
  log(
    `  http: ${events.toLocaleString('en-US')} events in ${(elapsed / 1000).toFixed(1)} s (${accepted.toLocaleString('en-US')} new, ${duplicates.toLocaleString('en-US')} duplicates)`,
  );
  return {
    rate: (events / elapsed) * 1000,
    cpuPerEventUs: (cpu * 1000) / (events + warm.length * BATCH_SIZE),
    stored: accepted,
  };
}

async function storeIngest({ events, dist, path }) {
  const { DuckDbStore } = await import(pathToFileURL(join(dist, 'index.js')).href);
  const store = await DuckDbStore.open(path);
  try {
    // The same batches, four writers at a time, as the server would pass them on.
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < events.length) {
          const batch = events.slice(next, next + BATCH_SIZE);
          next += BATCH_SIZE;
          await store.insertEvents('bench', batch);
        }
      }),
    );
    return { rate: (events.length / (performance.now() - start)) * 1000 };
  } finally {
    await store.close();
  }
}

async function appenderIngest({ events, dist, path }) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const { SCHEMA_STATEMENTS, EVENT_COLUMNS } = await import(
    pathToFileURL(join(dist, 'store/schema.js')).href
  );
  const { toEventRow } = await import(pathToFileURL(join(dist, 'store/event-row.js')).href);
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    for (const statement of SCHEMA_STATEMENTS) await connection.run(statement);
    // Rows prepared outside the timing: the appender alone, one transaction, then commit.
    const rows = events.map((event, index) =>
      toEventRow('bench', event, index).values.map((value, column) =>
        column === 3 ? index : value,
      ),
    );
    const start = performance.now();
    await connection.run('BEGIN TRANSACTION');
    const appender = await connection.createAppender('events');
    for (const values of rows) {
      for (let column = 0; column < values.length; column += 1) {
        const value = values[column];
        if (value === null) appender.appendNull();
        else {
          const kind = EVENT_COLUMNS[column].kind;
          if (kind === 'bigint') appender.appendBigInt(BigInt(value));
          else if (kind === 'double') appender.appendDouble(value);
          else if (kind === 'boolean') appender.appendBoolean(value);
          else appender.appendVarchar(value);
        }
      }
      appender.endRow();
    }
    appender.closeSync();
    await connection.run('COMMIT');
    return { rate: (events.length / (performance.now() - start)) * 1000 };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
