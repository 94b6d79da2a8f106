import { describeValue, fieldError } from '../errors.js';
import type { Dimension, EngineFilters, Measure } from '../query.js';
import { chooseBuckets } from '../time/buckets.js';
import type { BucketSize, Granularity, ResolvedRange } from '../time/types.js';
import { addCount } from './counts.js';
import { groupKey, OTHER, readDimension, type ViewDimension } from './dimension-keys.js';
import { mergeFilters } from './filters.js';
import { ExactSum } from './exact-sum.js';
import { numberOf, numberOrNull } from './sorted-rows.js';
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

/** What a timeline plots per bucket. */
export type TimelineMeasure = ViewMeasure;

const TIMELINE_MEASURES: readonly TimelineMeasure[] = [
  'events',
  'tokens',
  'cost',
  'credits',
  'activeUsers',
  'errors',
  'latencyP95',
];

const GRANULARITIES: readonly Granularity[] = ['hour', 'day', 'week', 'month'];

/** Options of {@link timeline}. */
export interface TimelineRequest extends ViewRequest {
  /** What to plot. @default 'events' */
  measure?: TimelineMeasure;
  /** Forces hourly, daily, weekly or monthly buckets instead of the automatic size. */
  granularity?: Granularity;
  /** Splits each bucket into stacked series by a dimension (`user` for users). */
  splitBy?: ViewDimension;
  /** How many series to show before folding the rest into `other`. @default 8 */
  top?: number;
}

/** One bucket of the timeline. */
export interface TimelineBucket {
  /** Start of the bucket, epoch ms (local-time aligned). */
  start: number;
  /** Exclusive end of the bucket, epoch ms. */
  end: number;
  /**
   * The measure over the bucket: 0 for an empty bucket, `null` for `latencyP95` without
   * latencies. For `activeUsers` it counts distinct users, so it can be less than the sum of
   * the series (a user active in two series counts once here).
   */
  total: number | null;
  /** The measure per series key, every series present (zeros included), when split. */
  series?: Record<string, number>;
}

/** One stacked series. */
export interface TimelineSeries {
  /** The key in {@link TimelineBucket.series}: the dimension value, `unknown`/`uncategorized`, or `other`. */
  key: string;
  /** `value` for a dimension value, `missing` for events without one, `other` for the rest. */
  kind: 'value' | 'missing' | 'other';
  /** The measure over the whole range (distinct users for `activeUsers`). */
  total: number;
  /** The user's roster name, when splitting by user. */
  name?: string | null;
}

/** The peak bucket. */
export interface TimelinePeak {
  /** Index into `buckets`. */
  index: number;
  /** Start of the bucket, epoch ms. */
  start: number;
  /** Exclusive end of the bucket, epoch ms. */
  end: number;
  /** The bucket's total. */
  total: number;
}

/** The timeline view's answer. */
export interface TimelineResult {
  /** The range the answer covers, after clamping to the data floor. */
  range: ResolvedRange;
  /** What was plotted. */
  measure: TimelineMeasure;
  /** The bucket size, e.g. `4h`. */
  size: BucketSize;
  /** The interval label to show next to the title, e.g. `4h`. */
  interval: string;
  /** Every bucket of the range, in time order, empty ones included. */
  buckets: TimelineBucket[];
  /** The bucket with the largest total (the earliest on a tie); `null` when all are 0 or empty. */
  peak: TimelinePeak | null;
  /** The stacked series, largest total first and `other` last; empty when not split. */
  series: TimelineSeries[];
  /** The dimension the series split by, when split. */
  splitBy?: Dimension;
  /** For `cost`: events that are counted but unpriced (cost 0), so left out of the figure. */
  unpricedEvents?: number;
}

/**
 * A measure per time bucket (DESIGN §5 timeline): buckets chosen automatically (at most 60) or
 * by `granularity`, aligned to local time; optionally split into the top `top` series of a
 * dimension plus `other`. Cost is in US dollars.
 *
 * @example
 * ```ts
 * const line = await timeline(context, { range: { preset: '7d' }, splitBy: 'category' });
 * line.interval; // '4h'
 * line.buckets[0]; // { start, end, total: 12, series: { chat: 10, flow: 2 } }
 * ```
 */
export async function timeline(
  context: ViewContext,
  request: TimelineRequest = {},
): Promise<TimelineResult> {
  const measure = readMeasure(request.measure, TIMELINE_MEASURES);
  const granularity = readGranularity(request.granularity);
  const dimension =
    request.splitBy === undefined ? undefined : readDimension(request.splitBy, 'splitBy');
  if (dimension !== undefined && measure === 'latencyP95') {
    throw fieldError(
      'invalid_query',
      'splitBy',
      'cannot split latencyP95: percentiles do not stack (got splitBy with measure latencyP95)',
    );
  }
  const top = readCount(request.top, 'top', 8);
  const { range, filters, roster } = await openView(context, request, dimension === 'userId');

  const chosen = chooseBuckets(range, {
    granularity,
    weekStartsOn: context.settings?.weekStartsOn,
  });
  const boundaries = range.from < range.to ? chosen.boundaries : [];
  const buckets: TimelineBucket[] = boundaries.map((start, index) => ({
    start,
    end: boundaries[index + 1] ?? chosen.end,
    total: measure === 'latencyP95' ? null : 0,
  }));
  const result: TimelineResult = {
    range,
    measure,
    size: chosen.size,
    interval: chosen.label,
    buckets,
    peak: null,
    series: [],
  };
  if (dimension !== undefined) result.splitBy = dimension;
  if (measure === 'cost') result.unpricedEvents = 0;
  if (buckets.length === 0) return result;

  const query = { range: { from: range.from, to: range.to }, boundaries, filters };
  if (dimension === undefined) {
    await fillTotals(context, query, measure, result);
  } else if (measure === 'activeUsers') {
    await fillSplitUsers(context, query, dimension, top, result);
  } else {
    await fillSplit(context, query, measure, dimension, top, result);
  }
  if (dimension === 'userId') {
    const names = new Map(roster.map((user) => [user.id, user.name ?? null]));
    for (const series of result.series) {
      if (series.kind === 'value') series.name = names.get(series.key) ?? null;
    }
  }
  result.peak = findPeak(buckets);
  return result;
}

interface BucketQuery {
  range: { from: number; to: number };
  boundaries: number[];
  filters: EngineFilters;
}

async function fillTotals(
  context: ViewContext,
  query: BucketQuery,
  measure: TimelineMeasure,
  result: TimelineResult,
): Promise<void> {
  const measures: Measure[] = [ENGINE_MEASURES[measure]];
  if (measure === 'cost') measures.push(UNPRICED_MEASURE);
  const answer = await context.engine.aggregate({
    range: query.range,
    filters: userScoped(measure, query.filters),
    groupBy: [{ boundaries: query.boundaries }],
    measures,
  });
  for (const { key, values } of answer.rows) {
    const bucket = typeof key[0] === 'number' ? result.buckets[key[0]] : undefined;
    if (bucket === undefined) continue;
    bucket.total =
      measure === 'latencyP95' ? numberOrNull(values[0]) : reported(measure, numberOf(values[0]));
    if (measure === 'cost')
      result.unpricedEvents = (result.unpricedEvents ?? 0) + numberOf(values[1]);
  }
}

async function fillSplit(
  context: ViewContext,
  query: BucketQuery,
  measure: TimelineMeasure,
  dimension: Dimension,
  top: number,
  result: TimelineResult,
): Promise<void> {
  const measures: Measure[] = [ENGINE_MEASURES[measure]];
  if (measure === 'cost') measures.push(UNPRICED_MEASURE);
  const answer = await context.engine.aggregate({
    range: query.range,
    filters: query.filters,
    groupBy: [{ boundaries: query.boundaries }, dimension],
    measures,
  });
  const rows = answer.rows;
  // Engines return groups in no particular order: exact sums make the result independent of it.
  const sums = new Map<string, ExactSum>();
  for (const { key, values } of rows) {
    sumInto(sums, groupKey(dimension, key[1]), numberOf(values[0]));
    if (measure === 'cost') {
      result.unpricedEvents = (result.unpricedEvents ?? 0) + numberOf(values[1]);
    }
  }
  const totals = new Map([...sums].map(([series, sum]) => [series, sum.value()]));
  const { top: shown, rest } = topKeys(totals, top);
  const keys = rest.length > 0 ? [...shown, OTHER] : shown;
  const folded = new Set(rest);
  const cells = result.buckets.map(() => new Map<string, ExactSum>());
  for (const { key, values } of rows) {
    if (typeof key[0] !== 'number' || cells[key[0]] === undefined) continue;
    const series = groupKey(dimension, key[1]);
    sumInto(cells[key[0]], folded.has(series) ? OTHER : series, numberOf(values[0]));
  }
  // Sums stay in engine units (nanodollars for cost) until the end, so they add up exactly.
  result.buckets.forEach((bucket, index) => {
    const total = new ExactSum();
    const series: Record<string, number> = {};
    for (const key of keys) {
      const value = cells[index].get(key)?.value() ?? 0;
      total.add(value);
      addCount(series, key, reported(measure, value));
    }
    bucket.total = reported(measure, total.value());
    bucket.series = series;
  });
  const missing = groupKey(dimension, null);
  result.series = keys.map((key) => {
    let total = totals.get(key) ?? 0;
    if (key === OTHER) {
      const other = new ExactSum();
      for (const value of rest) other.add(totals.get(value) ?? 0);
      total = other.value();
    }
    return { key, kind: seriesKind(key, missing, rows), total: reported(measure, total) };
  });
}

function sumInto(sums: Map<string, ExactSum>, key: string, value: number): void {
  let sum = sums.get(key);
  if (sum === undefined) {
    sum = new ExactSum();
    sums.set(key, sum);
  }
  sum.add(value);
}

async function fillSplitUsers(
  context: ViewContext,
  query: BucketQuery,
  dimension: Dimension,
  top: number,
  result: TimelineResult,
): Promise<void> {
  const answer = await context.engine.aggregate({
    range: query.range,
    filters: userScoped('activeUsers', query.filters),
    groupBy: [{ boundaries: query.boundaries }, dimension, 'userId'],
    measures: [{ op: 'count' }],
  });
  const rows = answer.rows.filter(
    ({ key }) => typeof key[0] === 'number' && typeof key[2] === 'string',
  );
  const usersBySeries = new Map<string, Set<string>>();
  for (const { key } of rows) {
    const series = groupKey(dimension, key[1]);
    const users = usersBySeries.get(series) ?? new Set<string>();
    users.add(key[2] as string);
    usersBySeries.set(series, users);
  }
  const totals = new Map([...usersBySeries].map(([series, users]) => [series, users.size]));
  const { top: shown, rest } = topKeys(totals, top);
  const keys = rest.length > 0 ? [...shown, OTHER] : shown;
  const folded = new Set(rest);
  const perBucket = result.buckets.map(() => ({
    all: new Set<string>(),
    series: new Map(keys.map((key) => [key, new Set<string>()])),
  }));
  for (const { key } of rows) {
    const bucket = perBucket[key[0] as number];
    if (bucket === undefined) continue;
    const series = groupKey(dimension, key[1]);
    bucket.all.add(key[2] as string);
    bucket.series.get(folded.has(series) ? OTHER : series)?.add(key[2] as string);
  }
  result.buckets.forEach((bucket, index) => {
    const users = perBucket[index];
    bucket.total = users.all.size;
    bucket.series = emptyRecord(keys);
    for (const key of keys) addCount(bucket.series, key, users.series.get(key)?.size ?? 0);
  });
  const missing = groupKey(dimension, null);
  const otherUsers = new Set(rest.flatMap((key) => [...(usersBySeries.get(key) ?? [])]));
  result.series = keys.map((key) => ({
    key,
    kind: seriesKind(key, missing, rows),
    total: key === OTHER ? otherUsers.size : (totals.get(key) ?? 0),
  }));
}

/** Active users count user-attributed events only. */
function userScoped(measure: TimelineMeasure, filters: EngineFilters): EngineFilters {
  return measure === 'activeUsers' ? mergeFilters(filters, { actor: ['user'] }) : filters;
}

/** `other` only ever names the folded rest (see {@link topKeys}). */
function seriesKind(
  key: string,
  missing: string,
  rows: readonly { key: (string | number | null)[] }[],
): TimelineSeries['kind'] {
  if (key === OTHER) return 'other';
  const hasMissing = rows.some((row) => row.key[1] === null || row.key[1] === '');
  return key === missing && hasMissing ? 'missing' : 'value';
}

function emptyRecord(keys: readonly string[]): Record<string, number> {
  const record: Record<string, number> = {};
  for (const key of keys) addCount(record, key, 0);
  return record;
}

function findPeak(buckets: readonly TimelineBucket[]): TimelinePeak | null {
  let peak: TimelinePeak | null = null;
  buckets.forEach((bucket, index) => {
    if (bucket.total === null || bucket.total <= 0) return;
    if (peak === null || bucket.total > peak.total) {
      peak = { index, start: bucket.start, end: bucket.end, total: bucket.total };
    }
  });
  return peak;
}

function readGranularity(value: unknown): Granularity | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (GRANULARITIES as readonly string[]).includes(value)) {
    return value as Granularity;
  }
  throw fieldError(
    'invalid_query',
    'granularity',
    `must be one of ${GRANULARITIES.join(', ')} (got ${describeValue(value)})`,
  );
}
