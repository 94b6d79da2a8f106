/**
 * The usage tab on DuckDB (in-memory, `@duckdb/node-api`): the events loaded into one table,
 * each view one SQL query plus the same JS shaping the other implementations do.
 */
import {
  BIGINT,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBInstance,
  INTEGER,
  VARCHAR,
} from '@duckdb/node-api';
import { EVENT_COLUMNS } from './columns.mjs';
import { shapeBreakdown, shapeLeaderboard, shapeStats, shapeTimeline } from './usage-tab.mjs';

const TYPES = { VARCHAR, BIGINT, DOUBLE, INTEGER };
const CHUNK_ROWS = 2048; // DuckDB's vector size: one data chunk holds at most this many rows

/**
 * Creates an in-memory DuckDB holding `columns` (see columns.mjs) in a table `events`.
 * Returns `{ usageTab(ranges), close(), memoryBytes() }`.
 */
export async function createDuckdbPeer(columns, roster, { threads } = {}) {
  const instance = await DuckDBInstance.create(
    ':memory:',
    threads ? { threads: String(threads) } : {},
  );
  const connection = await instance.connect();
  const definitions = EVENT_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ');
  await connection.run(`CREATE TABLE events (${definitions})`);

  const appender = await connection.createAppender('events');
  const types = EVENT_COLUMNS.map(([, type]) => TYPES[type]);
  const names = EVENT_COLUMNS.map(([name]) => name);
  const bigints = EVENT_COLUMNS.map(([, type]) => type === 'BIGINT');
  const rows = columns.ts.length;
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const end = Math.min(start + CHUNK_ROWS, rows);
    const chunk = DuckDBDataChunk.create(types, end - start);
    chunk.setColumns(
      names.map((name, index) => {
        const slice = columns[name].slice(start, end);
        return bigints[index]
          ? slice.map((value) => (value === null ? null : BigInt(value)))
          : slice;
      }),
    );
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();

  // One connection per view, so the tab's four requests can run side by side as they would
  // on a server answering a page's parallel requests.
  const connections = await Promise.all([0, 1, 2, 3].map(() => instance.connect()));

  async function select(index, sql) {
    const reader = await connections[index].runAndReadAll(sql);
    return reader.getColumnsObjectJS();
  }

  async function leaderboard({ range }) {
    const where = `ts >= ${range.from} AND ts < ${range.to}`;
    const [users, system] = await Promise.all([
      select(
        0,
        `SELECT user_id AS "userId", category, name, count(*)::DOUBLE AS count,
           sum(credits) AS credits, max(ts)::DOUBLE AS last
         FROM events WHERE ${where} AND actor = 'user' AND user_id IS NOT NULL
         GROUP BY ALL`,
      ),
      select(
        0,
        `SELECT category, agent, count(*)::DOUBLE AS count, sum(credits) AS credits
         FROM events WHERE ${where} AND actor = 'system' GROUP BY ALL`,
      ),
    ]);
    return shapeLeaderboard(users, system, roster, range);
  }

  async function stats({ range, previous }) {
    // Both periods in one scan: the previous period ends where the range starts.
    const result = await select(
      1,
      `SELECT ts >= ${range.from} AS current,
         count(*)::DOUBLE AS events,
         count(DISTINCT ip)::DOUBLE AS ips,
         count(DISTINCT conversation_id)::DOUBLE AS conversations,
         sum(tokens_input)::DOUBLE AS input,
         sum(tokens_output)::DOUBLE AS output,
         sum(tokens_total)::DOUBLE AS tokens,
         count(DISTINCT user_id) FILTER (WHERE actor = 'user')::DOUBLE AS users,
         count(*) FILTER (WHERE status = 'ok')::DOUBLE AS ok,
         count(*) FILTER (WHERE status = 'error')::DOUBLE AS errors,
         quantile_cont(latency_ms, 0.5) AS p50,
         quantile_cont(latency_ms, 0.95) AS p95,
         quantile_cont(latency_ms, 0.99) AS p99,
         sum(cost_nanos)::DOUBLE AS "costNanos",
         sum(credits) AS credits
       FROM events WHERE ts >= ${previous.from} AND ts < ${range.to}
       GROUP BY ALL`,
    );
    const periods = { current: null, previous: null };
    result.current.forEach((current, index) => {
      const figures = Object.fromEntries(
        Object.keys(result).map((key) => [key, result[key][index]]),
      );
      periods[current ? 'current' : 'previous'] = figures;
    });
    const empty = { events: 0, ips: 0, conversations: 0, users: 0, ok: 0, errors: 0 };
    return shapeStats(periods.current ?? empty, periods.previous ?? empty, range, previous);
  }

  async function timeline({ range }) {
    const result = await select(
      2,
      `SELECT ((ts - ${range.from}) // 3600000)::INTEGER AS bucket, count(*)::DOUBLE AS total
       FROM events WHERE ts >= ${range.from} AND ts < ${range.to} GROUP BY ALL`,
    );
    const totals = [];
    result.bucket.forEach((bucket, index) => {
      totals[bucket] = result.total[index];
    });
    return shapeTimeline(range, totals);
  }

  async function breakdown({ range }) {
    const result = await select(
      3,
      `SELECT category, count(*)::DOUBLE AS total
       FROM events WHERE ts >= ${range.from} AND ts < ${range.to} GROUP BY ALL`,
    );
    return shapeBreakdown(range, result.category, result.total);
  }

  return {
    rows,
    /** Runs any SQL and returns its columns (for inspecting the loaded table). */
    query: (sql) => select(0, sql),
    async usageTab(ranges) {
      const [board, cards, line, slices] = await Promise.all([
        leaderboard(ranges),
        stats(ranges),
        timeline(ranges),
        breakdown(ranges),
      ]);
      return { leaderboard: board, stats: cards, timeline: line, breakdown: slices };
    },
    async memoryBytes() {
      const reader = await connection.runAndReadAll(
        'SELECT sum(memory_usage_bytes)::DOUBLE AS bytes FROM duckdb_memory()',
      );
      return reader.getColumnsObjectJS().bytes[0];
    },
    close() {
      for (const each of connections) each.closeSync();
      connection.closeSync();
      instance.closeSync();
    },
  };
}
