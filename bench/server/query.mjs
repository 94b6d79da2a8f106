/**
 * The query half of the server benchmark: the usage tab's views over HTTP (`POST /v1/query`)
 * on a DuckDB file of many events, beside the very SQL statements those views ran, replayed
 * directly on DuckDB connections.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_NOW, generateDataset } from '../generate-events.mjs';
import { BENCH_KEYS, benchConfig } from './bench-config.mjs';
import { createClient } from './http-client.mjs';

/** The usage tab (DESIGN §5) as the widgets ask for it: the default 30-day range. */
export const USAGE_TAB = [
  { view: 'leaderboard', range: '30d' },
  { view: 'stats', range: '30d' },
  { view: 'timeline', range: '30d', measure: 'events' },
  { view: 'breakdown', range: '30d', dimension: 'category' },
];

/** Events generated per `generateDataset` call while filling the database. */
const CHUNK = 1_000_000;

/**
 * Opens (building once, then reusing from the temp folder) a DuckDB file holding `count`
 * generated events, 180 days ending at the benchmark's fixed now.
 */
export async function openDatabase({ count, dist, log }) {
  const { DuckDbStore } = await import(pathToFileURL(join(dist, 'index.js')).href);
  const path = join(tmpdir(), `tally-bench-server-${count}-v1.duckdb`);
  if (existsSync(path)) {
    const store = await DuckDbStore.open(path);
    if (store.size === count) {
      log(`  reusing ${path} (${count.toLocaleString('en-US')} events; delete it to rebuild)`);
      return { store, settings: generateDataset({ count: 1000, now: BENCH_NOW }).settings };
    }
    await store.close();
    await rm(path, { force: true });
    await rm(`${path}.wal`, { force: true });
  }
  const store = await DuckDbStore.open(path);
  const started = performance.now();
  let settings;
  for (let offset = 0; offset < count; offset += CHUNK) {
    const part = generateDataset({
      count: Math.min(CHUNK, count - offset),
      now: BENCH_NOW,
      seed: 20261123 + offset / CHUNK,
    });
    if (offset === 0) {
      settings = part.settings;
      await store.upsertUsers('bench', part.roster);
    }
    for (let start = 0; start < part.events.length; start += 20_000) {
      await store.insertEvents('bench', part.events.slice(start, start + 20_000));
    }
    log(`  stored ${(offset + part.events.length).toLocaleString('en-US')} events`);
  }
  await store.checkpoint();
  log(`  built ${path} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { store, settings };
}

/** The `q` quantile of `values` with linear interpolation. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/**
 * Times each usage-tab view over HTTP and its SQL replayed directly; returns per view the
 * median and p95 of both, in ms.
 */
export async function measureQueries({ count, runs, warmup, dist, log }) {
  const server = await import(pathToFileURL(join(dist, 'index.js')).href);
  const { store, settings } = await openDatabase({ count, dist, log });
  // Every statement the views send to DuckDB, to replay them without the server around them.
  let captured = null;
  const read = store.read.bind(store);
  store.read = (sql, params) => {
    captured?.push({ sql, params });
    return read(sql, params);
  };
  // Value series (time-ordered columns some ungrouped measures are computed from).
  const readSeries = store.readSeries.bind(store);
  store.readSeries = (sql, params) => {
    captured?.push({ sql, params });
    return readSeries(sql, params);
  };
  const tally = server.createTallyServer({
    store,
    config: benchConfig(settings),
    now: () => BENCH_NOW,
  });
  const listening = await server.listen(tally, { port: 0 });
  const client = createClient(listening.url, 1);
  const replay = await directReplay(store);
  const results = [];
  try {
    for (const request of USAGE_TAB) {
      const body = JSON.stringify(request);
      const ask = async () => {
        const answer = await client.post('/v1/query', body, {
          authorization: `Bearer ${BENCH_KEYS.secret}`,
        });
        if (answer.status !== 200)
          throw new Error(`${request.view} answered ${answer.status}: ${answer.text}`);
      };
      captured = [];
      await ask();
      const statements = captured;
      captured = null;
      const http = await sample(ask, runs, warmup);
      const direct = await sample(() => replay(statements), runs, warmup);
      results.push({ view: request.view, statements: statements.length, http, direct });
    }
  } finally {
    client.close();
    await replay.close();
    await listening.close();
    await store.close();
  }
  return results;
}

async function sample(task, runs, warmup) {
  const samples = [];
  for (let index = 0; index < warmup + runs; index += 1) {
    const start = performance.now();
    await task();
    if (index >= warmup) samples.push(performance.now() - start);
  }
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}

/**
 * Runs captured statements on two fresh connections of the store's database, as many at once
 * as the store's read pool allows (two), reading every row into JS values as the store does.
 */
async function directReplay(store) {
  const connections = [await store.instance.connect(), await store.instance.connect()];
  const replay = async (statements) => {
    let next = 0;
    await Promise.all(
      connections.map(async (connection) => {
        while (next < statements.length) {
          const { sql, params } = statements[next++];
          const reader = await connection.runAndReadAll(sql, params.values, params.types);
          reader.getRows();
        }
      }),
    );
  };
  replay.close = async () => {
    for (const connection of connections) connection.closeSync();
  };
  return replay;
}
