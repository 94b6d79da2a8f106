/**
 * The usage tab straight on core's Engine interface (`aggregate` only), shaped by the same
 * helpers as the peers: used when core's views are not built, so the engine can still be
 * measured. Its queries mirror the ones the views make.
 */
import {
  hourBuckets,
  shapeBreakdown,
  shapeLeaderboard,
  shapeStats,
  shapeTimeline,
} from './usage-tab.mjs';

const PERIOD_MEASURES = [
  ['events', { op: 'count' }],
  ['ips', { op: 'countDistinct', field: 'ip' }],
  ['conversations', { op: 'countDistinct', field: 'conversationId' }],
  ['input', { op: 'sum', field: 'tokensInput' }],
  ['output', { op: 'sum', field: 'tokensOutput' }],
  ['tokens', { op: 'sum', field: 'tokensTotal' }],
  ['users', { op: 'countDistinct', field: 'userId', where: { actor: ['user'] } }],
  ['ok', { op: 'count', where: { status: ['ok'] } }],
  ['errors', { op: 'count', where: { status: ['error'] } }],
  ['p50', { op: 'quantile', field: 'latencyMs', q: 0.5 }],
  ['p95', { op: 'quantile', field: 'latencyMs', q: 0.95 }],
  ['p99', { op: 'quantile', field: 'latencyMs', q: 0.99 }],
  ['costNanos', { op: 'sum', field: 'costNanos' }],
  ['credits', { op: 'sum', field: 'credits' }],
];

/** Turns aggregate rows into `{ [name]: column }`, key columns first, then measure columns. */
function columnsOf(result, keyNames, valueNames) {
  const columns = Object.fromEntries([...keyNames, ...valueNames].map((name) => [name, []]));
  for (const { key, values } of result.rows) {
    keyNames.forEach((name, index) => columns[name].push(key[index]));
    valueNames.forEach((name, index) => columns[name].push(values[index]));
  }
  return columns;
}

/** The usage tab on `engine` over `ranges` (`{ range, previous }`, epoch ms). */
export async function engineUsageTab(engine, roster, { range, previous }) {
  const interval = { from: range.from, to: range.to };
  const period = async (span) => {
    const result = await engine.aggregate({
      range: { from: span.from, to: span.to },
      measures: PERIOD_MEASURES.map(([, measure]) => measure),
    });
    const values = result.rows[0]?.values ?? [];
    return Object.fromEntries(
      PERIOD_MEASURES.map(([name], index) => [name, values[index] ?? null]),
    );
  };
  const [users, system, current, before, hours, categories] = await Promise.all([
    engine.aggregate({
      range: interval,
      filters: { actor: ['user'] },
      groupBy: ['userId', 'category', 'name'],
      measures: [
        { op: 'count' },
        { op: 'sum', field: 'credits' },
        { op: 'max', field: 'timestamp' },
      ],
    }),
    engine.aggregate({
      range: interval,
      filters: { actor: ['system'] },
      groupBy: ['category', 'agent'],
      measures: [{ op: 'count' }, { op: 'sum', field: 'credits' }],
    }),
    period(range),
    period(previous),
    engine.aggregate({
      range: interval,
      groupBy: [{ boundaries: hourBuckets(range).map((bucket) => bucket.start) }],
      measures: [{ op: 'count' }],
    }),
    engine.aggregate({ range: interval, groupBy: ['category'], measures: [{ op: 'count' }] }),
  ]);
  const totals = [];
  for (const { key, values } of hours.rows) totals[key[0]] = values[0];
  const slices = columnsOf(categories, ['category'], ['count']);
  return {
    leaderboard: shapeLeaderboard(
      columnsOf(users, ['userId', 'category', 'name'], ['count', 'credits', 'last']),
      columnsOf(system, ['category', 'agent'], ['count', 'credits']),
      roster,
      range,
    ),
    stats: shapeStats(current, before, range, previous),
    timeline: shapeTimeline(range, totals),
    breakdown: shapeBreakdown(range, slices.category, slices.count),
  };
}
