/**
 * The "usage tab" every implementation computes: leaderboard (with per-category and per-name
 * counts and the system summary), stats with previous-period values, an hourly timeline of
 * events and a category breakdown, over the last 90 local (UTC) days.
 *
 * Peers (DuckDB, arquero, the typed-array baseline) answer in the same shapes as core's views
 * (the subset the answers are compared on), using the shaping helpers below, so every
 * implementation does the same work, from scan to JS objects ready for a widget.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The range preset and zone the usage tab asks for. */
export const USAGE_TAB_RANGE = { preset: '90d', tz: 'UTC' };

/** The stat cards of the usage tab. */
export const USAGE_TAB_STATS = [
  'requests',
  'uniqueIps',
  'uniqueConversations',
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'activeUsers',
  'errorRate',
  'latencyP50',
  'latencyP95',
  'latencyP99',
  'costUsd',
  'credits',
];

/** Rows shown in the category breakdown before the rest fold into `other`. */
export const BREAKDOWN_TOP = 10;

/**
 * The range and previous period when core is not available to resolve them: the 90 UTC days
 * ending with the day holding `now`, and the 90 days before.
 */
export function fallbackRanges(now) {
  const to = Math.floor(now / DAY) * DAY + DAY;
  const from = to - 90 * DAY;
  return { range: { from, to }, previous: { from: from - (to - from), to: from } };
}

const compareText = (a, b) => (a === b ? 0 : a < b ? -1 : 1);

function add(record, key, amount) {
  record[key] = (record[key] ?? 0) + amount;
}

/**
 * Builds leaderboard rows like core's view: per-user totals, credits, counts per category and
 * name, competition ranks (ties share a rank, ordered by id), then licensed active roster users
 * without events by name; and the system summary.
 *
 * @param {{ userId: string[], category: (string|null)[], name: string[], count: number[],
 *   credits: number[], last: number[] }} users per (user, category, name) group, as columns
 * @param {{ category: (string|null)[], agent: (string|null)[], count: number[],
 *   credits: number[] }} system per (category, agent) group, as columns
 */
export function shapeLeaderboard(users, system, roster, range) {
  const byUser = new Map();
  const rosterById = new Map(roster.map((user) => [user.id, user]));
  const totals = { total: 0, credits: 0, activeUsers: 0, byCategory: {}, byName: {} };
  const groups = users.userId.length;
  for (let index = 0; index < groups; index += 1) {
    const userId = users.userId[index];
    let row = byUser.get(userId);
    if (row === undefined) {
      row = emptyRow(userId, rosterById.get(userId));
      byUser.set(userId, row);
    }
    const count = users.count[index];
    const credits = users.credits[index];
    const category = users.category[index] ?? 'uncategorized';
    const name = users.name[index] ?? 'unknown';
    row.total += count;
    row.credits += credits;
    add(row.byCategory, category, count);
    add(row.byName, name, count);
    const last = users.last[index];
    if (row.lastEventAt === null || last > row.lastEventAt) row.lastEventAt = last;
    totals.total += count;
    totals.credits += credits;
    add(totals.byCategory, category, count);
    add(totals.byName, name, count);
  }
  const ranked = [...byUser.values()].sort(
    (a, b) => b.total - a.total || compareText(a.userId, b.userId),
  );
  ranked.forEach((row, index) => {
    const previous = ranked[index - 1];
    row.rank = previous !== undefined && previous.total === row.total ? previous.rank : index + 1;
  });
  totals.activeUsers = ranked.length;
  const idle = roster
    .filter((user) => user.licensed && user.active && !byUser.has(user.id))
    .sort(
      (a, b) =>
        compareText(a.name.toLowerCase(), b.name.toLowerCase()) ||
        compareText(a.name, b.name) ||
        compareText(a.id, b.id),
    )
    .map((user) => emptyRow(user.id, user));

  let summary = null;
  for (let index = 0; index < system.count.length; index += 1) {
    summary ??= { total: 0, credits: 0, byCategory: {}, byAgent: {} };
    const count = system.count[index];
    summary.total += count;
    summary.credits += system.credits[index];
    add(summary.byCategory, system.category[index] ?? 'uncategorized', count);
    add(summary.byAgent, system.agent[index] ?? 'unknown', count);
  }
  return { range, rows: [...ranked, ...idle], system: summary, totals };
}

function emptyRow(userId, user) {
  return {
    rank: null,
    userId,
    name: user?.name ?? null,
    email: user?.email ?? null,
    total: 0,
    credits: 0,
    byCategory: {},
    byName: {},
    lastEventAt: null,
    inRoster: user !== undefined,
    licensed: user?.licensed ?? false,
    active: user?.active ?? true,
  };
}

/**
 * The stat cards from one period's raw figures, like core's stats view.
 *
 * @param {object} current `{ events, ips, conversations, input, output, tokens, users, ok,
 *   errors, p50, p95, p99, costNanos, credits }`
 * @param {object | null} previous the same for the previous period
 */
export function shapeStats(current, previous, range, previousRange) {
  const compute = {
    requests: (figures) => figures.events,
    uniqueIps: (figures) => figures.ips,
    uniqueConversations: (figures) => figures.conversations,
    inputTokens: (figures) => figures.input ?? 0,
    outputTokens: (figures) => figures.output ?? 0,
    totalTokens: (figures) => figures.tokens ?? 0,
    activeUsers: (figures) => figures.users,
    errorRate: (figures) =>
      figures.ok + figures.errors === 0 ? null : figures.errors / (figures.ok + figures.errors),
    latencyP50: (figures) => figures.p50 ?? null,
    latencyP95: (figures) => figures.p95 ?? null,
    latencyP99: (figures) => figures.p99 ?? null,
    costUsd: (figures) => (figures.costNanos ?? 0) / 1e9,
    credits: (figures) => figures.credits ?? 0,
  };
  const stats = {};
  for (const key of USAGE_TAB_STATS) {
    const value = compute[key](current);
    const before = previous === null ? null : compute[key](previous);
    const delta = value === null || before === null ? null : value - before;
    const change = delta === null || before === 0 ? null : delta / Math.abs(before);
    stats[key] = { value, previous: before, change, delta };
  }
  return { range, previousRange, stats };
}

/** Hourly buckets of `[from, to)` in UTC (whole hours: every UTC day has 24). */
export function hourBuckets(range) {
  const count = Math.ceil((range.to - range.from) / HOUR);
  return Array.from({ length: count }, (_, index) => ({
    start: range.from + index * HOUR,
    end: Math.min(range.from + (index + 1) * HOUR, range.to),
    total: 0,
  }));
}

/** A timeline answer from per-bucket totals (`totals[i]` for bucket i), with its peak. */
export function shapeTimeline(range, totals) {
  const buckets = hourBuckets(range);
  let peak = null;
  buckets.forEach((bucket, index) => {
    bucket.total = totals[index] ?? 0;
    if (bucket.total > 0 && (peak === null || bucket.total > peak.total)) {
      peak = { index, start: bucket.start, end: bucket.end, total: bucket.total };
    }
  });
  return { range, measure: 'events', size: '1h', interval: '1h', buckets, peak, series: [] };
}

/** A breakdown answer from (key, value) pairs: top rows by value (ties by key), `other`, shares. */
export function shapeBreakdown(range, keys, values) {
  const totals = new Map();
  keys.forEach((key, index) => {
    const slice = key ?? 'uncategorized';
    totals.set(slice, (totals.get(slice) ?? 0) + values[index]);
  });
  const ordered = [...totals]
    .filter(([, total]) => total !== 0)
    .sort(([a, totalA], [b, totalB]) => totalB - totalA || compareText(a, b));
  const shown = ordered.slice(0, BREAKDOWN_TOP);
  const rest = ordered.slice(BREAKDOWN_TOP);
  const rows = shown.map(([key, value]) => ({ key, kind: 'value', value, share: null, groups: 1 }));
  if (rest.length > 0) {
    const value = rest.reduce((sum, [, total]) => sum + total, 0);
    rows.push({ key: 'other', kind: 'other', value, share: null, groups: rest.length });
  }
  const sum = rows.reduce((total, row) => total + row.value, 0);
  for (const row of rows) row.share = sum === 0 ? null : row.value / sum;
  const total = [...totals.values()].reduce((all, value) => all + value, 0);
  return { range, dimension: 'category', measure: 'events', total, rows };
}

/**
 * The comparable essence of a usage tab (core's view results or a peer's): the figures a user
 * sees, reduced enough to compare and print.
 */
export function answerOf(tab) {
  const { leaderboard, stats, timeline, breakdown } = tab;
  const ranked = leaderboard.rows.filter((row) => row.rank !== null);
  const idle = leaderboard.rows.filter((row) => row.rank === null);
  const byName = {};
  for (const row of ranked)
    for (const [name, count] of Object.entries(row.byName)) add(byName, name, count);
  const values = timeline.buckets.map((bucket) => bucket.total ?? 0);
  return {
    range: [stats.range.from, stats.range.to],
    previousRange: [stats.previousRange.from, stats.previousRange.to],
    leaderboard: {
      ranked: ranked.length,
      idle: idle.length,
      top: ranked.slice(0, 20).map((row) => ({
        rank: row.rank,
        userId: row.userId,
        total: row.total,
        credits: row.credits,
        byCategory: sortedRecord(row.byCategory),
        lastEventAt: row.lastEventAt,
      })),
      lastRanked: ranked.slice(-3).map((row) => [row.rank, row.userId, row.total]),
      idleHead: idle.slice(0, 5).map((row) => row.userId),
      sums: {
        total: ranked.reduce((sum, row) => sum + row.total, 0),
        credits: ranked.reduce((sum, row) => sum + row.credits, 0),
        byName: sortedRecord(byName),
      },
      system:
        leaderboard.system === null
          ? null
          : {
              total: leaderboard.system.total,
              credits: leaderboard.system.credits,
              byCategory: sortedRecord(leaderboard.system.byCategory),
              byAgent: sortedRecord(leaderboard.system.byAgent),
            },
    },
    stats: Object.fromEntries(
      USAGE_TAB_STATS.map((key) => [
        key,
        { value: stats.stats[key]?.value ?? null, previous: stats.stats[key]?.previous ?? null },
      ]),
    ),
    timeline: {
      buckets: values.length,
      firstStart: timeline.buckets[0]?.start ?? null,
      total: values.reduce((sum, value) => sum + value, 0),
      values,
      peak:
        timeline.peak === null ? null : { index: timeline.peak.index, total: timeline.peak.total },
    },
    breakdown: breakdown.rows.map((row) => ({ key: row.key, value: row.value, share: row.share })),
  };
}

function sortedRecord(record) {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

/**
 * Differences between two answers, as `path: expected vs actual` strings. Numbers match within
 * a relative 1e-9 (sums and interpolated percentiles may differ in the last bits).
 */
export function compareAnswers(expected, actual, path = '', differences = []) {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(1, Math.abs(expected), Math.abs(actual));
    if (Math.abs(expected - actual) > 1e-9 * scale) {
      differences.push(`${path}: ${expected} vs ${actual}`);
    }
  } else if (
    expected !== null &&
    actual !== null &&
    typeof expected === 'object' &&
    typeof actual === 'object'
  ) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) {
      compareAnswers(expected[key], actual[key], path === '' ? key : `${path}.${key}`, differences);
    }
  } else if (expected !== actual) {
    differences.push(`${path}: ${JSON.stringify(expected)} vs ${JSON.stringify(actual)}`);
  }
  return differences;
}
