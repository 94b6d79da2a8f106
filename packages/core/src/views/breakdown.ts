import type { Dimension, Measure } from '../query.js';
import type { ResolvedRange } from '../time/types.js';
import { groupKey, OTHER, readDimension, type ViewDimension } from './dimension-keys.js';
import { mergeFilters } from './filters.js';
import { ExactSum } from './exact-sum.js';
import { numberOf } from './sorted-rows.js';
import { topKeys } from './top-keys.js';
import type { ViewContext, ViewRequest } from './types.js';
import { openView } from './view-scope.js';
import {
  ENGINE_MEASURES,
  readCount,
  readMeasure,
  reported,
  UNPRICED_MEASURE,
  type ViewMeasure,
} from './view-measures.js';

/** What a breakdown measures. Percentiles do not split into shares, so `latencyP95` is absent. */
export type BreakdownMeasure = Exclude<ViewMeasure, 'latencyP95'>;

const BREAKDOWN_MEASURES: readonly BreakdownMeasure[] = [
  'events',
  'tokens',
  'cost',
  'credits',
  'activeUsers',
  'errors',
];

/** Options of {@link breakdown}. */
export interface BreakdownRequest extends ViewRequest {
  /** The dimension to break down by: `category`, `name`, `model`, `provider`, `agent`, `source`, `endpoint`, `country`, `user`, ... */
  dimension: ViewDimension;
  /** What to measure. @default 'events' */
  measure?: BreakdownMeasure;
  /** How many rows to show before folding the rest into `other`. @default 10 */
  top?: number;
}

/** One slice of the breakdown. */
export interface BreakdownRow {
  /** The dimension value; `uncategorized`/`unknown` for events without one; `other` for the rest. */
  key: string;
  /** `value` for a dimension value, `missing` for events without one, `other` for the rest. */
  kind: 'value' | 'missing' | 'other';
  /** The measure: events, tokens, credits, errors, distinct users, or cost in US dollars. */
  value: number;
  /** `value` ÷ the sum of all rows' values (so shares add up to 1); `null` when that sum is 0. */
  share: number | null;
  /** How many dimension values the row holds: 1, or more for `other`. */
  groups: number;
  /** For the `user` dimension: the roster name (`null` when unknown). */
  name?: string | null;
  /** For the `user` dimension: the roster email (`null` when unknown). */
  email?: string | null;
  /** For `cost`: the row's events that are unpriced (cost 0), so left out of `value`. */
  unpricedEvents?: number;
}

/** The breakdown view's answer. */
export interface BreakdownResult {
  /** The range the answer covers, after clamping to the data floor. */
  range: ResolvedRange;
  /** The engine dimension broken down by (`userId` for `user`). */
  dimension: Dimension;
  /** What was measured. */
  measure: BreakdownMeasure;
  /**
   * The measure over all matching events. For `activeUsers` it is the distinct users overall,
   * which can be less than the rows' sum (a user active under two values counts in both rows).
   */
  total: number;
  /** The top rows, largest first (ties by key), then `other` when anything was folded. */
  rows: BreakdownRow[];
  /** For `cost`: unpriced events (cost 0) that the figures leave out. */
  unpricedEvents?: number;
}

/**
 * A measure by one dimension (DESIGN §5 breakdown): the top `top` values plus an `other` row,
 * each with its share. Backs donuts and bar lists such as "top endpoints" or "cost by model".
 *
 * @example
 * ```ts
 * const byModel = await breakdown(context, { dimension: 'model', measure: 'cost', top: 5 });
 * byModel.rows[0]; // { key: 'gpt-4o', kind: 'value', value: 12.5, share: 0.62, groups: 1, ... }
 * ```
 */
export async function breakdown(
  context: ViewContext,
  request: BreakdownRequest,
): Promise<BreakdownResult> {
  const dimension = readDimension(request?.dimension, 'dimension');
  const measure = readMeasure(request.measure, BREAKDOWN_MEASURES) as BreakdownMeasure;
  const top = readCount(request.top, 'top', 10);
  const { range, filters, roster } = await openView(context, request, dimension === 'userId');
  const result: BreakdownResult = { range, dimension, measure, total: 0, rows: [] };
  if (measure === 'cost') result.unpricedEvents = 0;

  const totals = new Map<string, number>();
  const unpriced = new Map<string, number>();
  const usersByKey = new Map<string, Set<string>>();
  let overallUsers = 0;
  let sawMissing = false;
  const interval = { from: range.from, to: range.to };
  if (measure === 'activeUsers') {
    const answer = await context.engine.aggregate({
      range: interval,
      filters: mergeFilters(filters, { actor: ['user'] }),
      groupBy: [dimension, 'userId'],
      measures: [{ op: 'count' }],
    });
    const everyone = new Set<string>();
    for (const { key } of answer.rows) {
      if (typeof key[1] !== 'string') continue;
      sawMissing ||= key[0] === null || key[0] === '';
      const slice = groupKey(dimension, key[0]);
      const users = usersByKey.get(slice) ?? new Set<string>();
      users.add(key[1]);
      usersByKey.set(slice, users);
      everyone.add(key[1]);
    }
    for (const [slice, users] of usersByKey) totals.set(slice, users.size);
    overallUsers = everyone.size;
  } else {
    const measures: Measure[] = [ENGINE_MEASURES[measure]];
    if (measure === 'cost') measures.push(UNPRICED_MEASURE);
    const answer = await context.engine.aggregate({
      range: interval,
      filters,
      groupBy: [dimension],
      measures,
    });
    // Engines return groups in no particular order: exact sums make the result independent of it.
    const sums = new Map<string, ExactSum>();
    for (const { key, values } of answer.rows) {
      sawMissing ||= key[0] === null || key[0] === '';
      const slice = groupKey(dimension, key[0]);
      const sum = sums.get(slice) ?? new ExactSum();
      sum.add(numberOf(values[0]));
      sums.set(slice, sum);
      unpriced.set(slice, (unpriced.get(slice) ?? 0) + numberOf(values[1]));
    }
    for (const [slice, sum] of sums) totals.set(slice, sum.value());
  }

  const { top: shown, rest } = topKeys(totals, top, true);
  const missing = groupKey(dimension, null);
  const rows: BreakdownRow[] = shown.map((key) => ({
    key,
    kind: key === missing && sawMissing ? 'missing' : 'value',
    value: totals.get(key) ?? 0,
    share: null,
    groups: 1,
  }));
  if (rest.length > 0) {
    const otherUsers = new Set(rest.flatMap((key) => [...(usersByKey.get(key) ?? [])]));
    rows.push({
      key: OTHER,
      kind: 'other',
      value:
        measure === 'activeUsers'
          ? otherUsers.size
          : exactSum(rest.map((key) => totals.get(key) ?? 0)),
      share: null,
      groups: rest.length,
    });
  }
  // Shares and sums are taken in engine units (nanodollars for cost), then converted.
  const sum = exactSum(rows.map((row) => row.value));
  for (const row of rows) {
    row.share = sum === 0 ? null : row.value / sum;
    if (measure === 'cost') {
      const keys = row.kind === 'other' ? rest : [row.key];
      row.unpricedEvents = keys.reduce((count, key) => count + (unpriced.get(key) ?? 0), 0);
    }
    row.value = reported(measure, row.value);
  }
  if (measure === 'cost') {
    result.unpricedEvents = [...unpriced.values()].reduce((count, value) => count + value, 0);
  }
  if (dimension === 'userId') {
    const byId = new Map(roster.map((user) => [user.id, user]));
    for (const row of rows) {
      if (row.kind !== 'value') continue;
      row.name = byId.get(row.key)?.name ?? null;
      row.email = byId.get(row.key)?.email ?? null;
    }
  }
  result.total =
    measure === 'activeUsers' ? overallUsers : reported(measure, exactSum([...totals.values()]));
  result.rows = rows;
  return result;
}

function exactSum(values: readonly number[]): number {
  const sum = new ExactSum();
  for (const value of values) sum.add(value);
  return sum.value();
}
