/**
 * The server benchmark (`npm run bench -- server`): sustained ingest over HTTP on loopback
 * beside the store's and DuckDB's raw appender rates, and the usage tab's query latency over
 * 10M stored events beside the same SQL run directly.
 *
 * Figures (`bench:` lines):
 * - `server.ingest-http`: events/s through `POST /v1/batch` (batches of 100 from `--clients`
 *   concurrent keep-alive clients, 8 by default; every 20th batch sent twice, so dedup works),
 *   the server in its own process on a DuckDB file. `vs.appender` and `vs.store` are this rate
 *   divided by theirs (below 1: slower than the raw path).
 * - `server.ingest-store`: events/s through `Store.insertEvents` directly (4 writers, batches
 *   of 100); `server.ingest-appender`: DuckDB's appender writing the same rows in one
 *   transaction, the floor of what any ingest path can do.
 * - `server.query.<view>` and `server.query.<view>.p95`: the median and the 95th percentile
 *   (the `median` field holds the p95 for `.p95` figures) of `POST /v1/query` for the usage
 *   tab's views (leaderboard, stats, timeline, breakdown; 30-day range), over a DuckDB file of
 *   `--query-events` (10M) generated events, built once and kept in the temp folder. `vs.directSql`
 *   is the time of the very statements the view sent to DuckDB, replayed on two connections
 *   without the server, divided by the server's time (the share of the answer spent in SQL).
 *
 * Flags: `--quick` (50k ingested, 1M stored, fewer runs, targets not judged), `--ingest-events=N`,
 * `--query-events=N`, `--clients=N`, `--runs=N` (timed runs per view, default 20), `--no-build`.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { round } from './lib/measure.mjs';
import { printTable } from './lib/report.mjs';
import { measureIngest } from './server/ingest.mjs';
import { measureQueries } from './server/query.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'packages/server/dist');

/** Targets from the server issue. */
const TARGETS = { ingestPerSecond: 50_000, queryP95Ms: 250 };

function readFlag(flags, name, fallback) {
  const flag = flags.find((candidate) => candidate.startsWith(`--${name}=`));
  if (flag === undefined) return fallback;
  const value = Number(flag.slice(name.length + 3));
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`--${name}: must be a positive whole number`);
  return value;
}

/** Runs the server benchmark. */
export async function run({ flags }) {
  const log = (...parts) => console.log(...parts);
  const quick = flags.includes('--quick');
  if (!flags.includes('--no-build')) {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const built = spawnSync(process.execPath, [tsc, '--build', 'packages/server'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (built.status !== 0)
      throw new Error(`building packages/server failed:\n${built.stdout}${built.stderr}`);
  }
  const load = loadavg()[0];
  if (load > cpus().length / 2) {
    log(
      `warning: the machine is busy (load ${load.toFixed(1)} on ${cpus().length} cores); the figures are pessimistic`,
    );
  }

  const ingestEvents = readFlag(flags, 'ingest-events', quick ? 50_000 : 300_000);
  const clients = readFlag(flags, 'clients', 8);
  log(
    `ingest: ${ingestEvents.toLocaleString('en-US')} events in batches of 100 from ${clients} clients over loopback`,
  );
  const ingest = await measureIngest({ count: ingestEvents, clients, dist, log });
  printTable([
    ['path', 'events/s', 'vs appender'],
    [
      'HTTP POST /v1/batch (server in its own process)',
      round(ingest.httpRate, 0),
      round(ingest.httpRate / ingest.appenderRate, 3),
    ],
    [
      'Store.insertEvents (no HTTP)',
      round(ingest.storeRate, 0),
      round(ingest.storeRate / ingest.appenderRate, 3),
    ],
    ['DuckDB appender, one transaction', round(ingest.appenderRate, 0), 1],
  ]);
  log(`  server CPU per event over HTTP: ${ingest.httpCpuPerEvent.toFixed(1)} µs`);

  const queryEvents = readFlag(flags, 'query-events', quick ? 1_000_000 : 10_000_000);
  log(
    `\nquery: the usage tab over ${queryEvents.toLocaleString('en-US')} stored events (30 days of 180)`,
  );
  const queries = await measureQueries({
    count: queryEvents,
    runs: quick ? 5 : 20,
    warmup: quick ? 1 : 3,
    dist,
    log,
  });
  printTable([
    [
      'view',
      'SQL statements',
      'HTTP median ms',
      'HTTP p95 ms',
      'direct SQL p95 ms',
      'direct ÷ HTTP',
    ],
    ...queries.map((result) => [
      result.view,
      result.statements,
      round(result.http.median, 1),
      round(result.http.p95, 1),
      round(result.direct.p95, 1),
      round(result.direct.p95 / result.http.p95, 2),
    ]),
  ]);

  const figures = [
    {
      name: 'server.ingest-http',
      median: round(ingest.httpRate, 0),
      unit: 'events/s',
      vs: {
        appender: round(ingest.httpRate / ingest.appenderRate, 3),
        store: round(ingest.httpRate / ingest.storeRate, 3),
      },
    },
    {
      name: 'server.ingest-store',
      median: round(ingest.storeRate, 0),
      unit: 'events/s',
      vs: { appender: round(ingest.storeRate / ingest.appenderRate, 3) },
    },
    { name: 'server.ingest-appender', median: round(ingest.appenderRate, 0), unit: 'events/s' },
  ];
  for (const result of queries) {
    figures.push({
      name: `server.query.${result.view}`,
      median: round(result.http.median, 1),
      unit: 'ms',
      vs: { directSql: round(result.direct.median / result.http.median, 2) },
    });
    figures.push({
      name: `server.query.${result.view}.p95`,
      median: round(result.http.p95, 1),
      unit: 'ms',
      vs: { directSql: round(result.direct.p95 / result.http.p95, 2) },
    });
  }
  const judged = !quick;
  const targets = judged
    ? [
        {
          label: 'ingest over HTTP',
          actual: round(ingest.httpRate, 0),
          limit: TARGETS.ingestPerSecond,
          kind: 'min',
          unit: ' events/s',
        },
        ...queries.map((result) => ({
          label: `${result.view} p95 over ${queryEvents.toLocaleString('en-US')} events`,
          actual: round(result.http.p95, 1),
          limit: TARGETS.queryP95Ms,
          kind: 'max',
          unit: ' ms',
        })),
      ]
    : [];
  return { figures, targets };
}
