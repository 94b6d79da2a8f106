import type { ComparisonRow } from '@tally/core';

/** The columns whose values add up across rows (the rest are rates, means or distinct counts). */
const ADDITIVE = [
  'events',
  'sessions',
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'costNanos',
  'costUsd',
  'unpricedEvents',
  'credits',
  'ratings',
  'positiveFeedback',
  'negativeFeedback',
  'latencyEvents',
] as const satisfies readonly (keyof ComparisonRow)[];

/** The sums and exact ratios of some comparison rows; `undefined` where no subtotal makes sense. */
export type ComparisonSubtotal = Partial<Record<keyof ComparisonRow, number | null>>;

/** One group of rows (for instance the models of one provider) with its subtotal. */
export interface ComparisonGroup {
  /** The group's name (`null` when the rows name none). */
  key: string | null;
  /** The rows, in the order given. */
  rows: ComparisonRow[];
  /** The group's subtotal. */
  subtotal: ComparisonSubtotal;
}

/**
 * Adds up comparison rows: the additive columns are summed, and the ratios that can be rebuilt
 * exactly from sums (credits and tokens per event, mean response time weighted by the events
 * that report one) are recomputed; rates over statuses, ratings, users and multipliers are left
 * out, since the rows do not carry what they would need.
 */
export function subtotalOf(rows: readonly ComparisonRow[]): ComparisonSubtotal {
  const subtotal: ComparisonSubtotal = {};
  for (const column of ADDITIVE) subtotal[column] = 0;
  let latencySum = 0;
  for (const row of rows) {
    for (const column of ADDITIVE) subtotal[column] = (subtotal[column] ?? 0) + row[column];
    latencySum += (row.averageLatencyMs ?? 0) * row.latencyEvents;
  }
  const events = subtotal.events ?? 0;
  const timed = subtotal.latencyEvents ?? 0;
  subtotal.creditsPerEvent = events === 0 ? null : (subtotal.credits ?? 0) / events;
  subtotal.tokensPerEvent = events === 0 ? null : (subtotal.totalTokens ?? 0) / events;
  subtotal.averageLatencyMs = timed === 0 ? null : latencySum / timed;
  return subtotal;
}

/**
 * Splits rows into groups by `key` (keeping each group's rows in the given order), the groups
 * ordered by their subtotal of `orderBy`, largest first (ties and unnamed groups: by name, with
 * the unnamed group last).
 */
export function groupRows(
  rows: readonly ComparisonRow[],
  key: (row: ComparisonRow) => string | null,
  orderBy: keyof ComparisonRow,
): ComparisonGroup[] {
  const byKey = new Map<string | null, ComparisonRow[]>();
  for (const row of rows) {
    const name = key(row);
    const list = byKey.get(name) ?? [];
    list.push(row);
    byKey.set(name, list);
  }
  const groups = [...byKey].map(([name, list]) => ({
    key: name,
    rows: list,
    subtotal: subtotalOf(list),
  }));
  const weight = (group: ComparisonGroup) => {
    const value = group.subtotal[orderBy];
    return typeof value === 'number' ? value : (group.subtotal.events ?? 0);
  };
  return groups.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? 0 : a.key === null ? 1 : -1;
    return weight(b) - weight(a) || a.key.localeCompare(b.key);
  });
}
