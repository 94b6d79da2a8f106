import { describeValue, fieldError } from '../errors.js';
import type { Interval } from '../query.js';
import { gridBoundaries } from './bucket-grid.js';
import { checkInterval } from './check-interval.js';
import { readWeekStartsOn } from './read-week-starts-on.js';
import type { BucketSize, Buckets, Granularity } from './types.js';

/** The automatic bucket sizes, smallest first (DESIGN §4). */
export const BUCKET_SIZES: readonly BucketSize[] = [
  '1m',
  '5m',
  '15m',
  '30m',
  '1h',
  '2h',
  '4h',
  '6h',
  '12h',
  '1d',
  '1w',
  '1M',
];

/** The most buckets any call returns, to protect engines and charts from runaway requests. */
export const MAX_BUCKETS = 50_000;

/** Options of {@link chooseBuckets}. */
export interface ChooseBucketsOptions {
  /** Forces hourly, daily, weekly or monthly buckets; then `maxBuckets` does not apply. */
  granularity?: Granularity;
  /** The most buckets the automatic choice may give. @default 60 */
  maxBuckets?: number;
  /** First day of weekly buckets: 1 = Monday … 7 = Sunday. @default 1 */
  weekStartsOn?: number;
}

const GRANULARITY_SIZES: Record<Granularity, BucketSize> = {
  hour: '1h',
  day: '1d',
  week: '1w',
  month: '1M',
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const NOMINAL_MS: Record<BucketSize, number> = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '30m': 1_800_000,
  '1h': HOUR_MS,
  '2h': 2 * HOUR_MS,
  '4h': 4 * HOUR_MS,
  '6h': 6 * HOUR_MS,
  '12h': 12 * HOUR_MS,
  '1d': DAY_MS,
  '1w': 7 * DAY_MS,
  '1M': 31 * DAY_MS,
};
// No bucket outgrows its nominal length by more than the largest DST shift in use (2 h).
const MAX_SHIFT_MS = 2 * HOUR_MS;

/**
 * The time buckets of a timeline: the smallest size of `1m 5m 15m 30m 1h 2h 4h 6h 12h 1d 1w 1M`
 * that gives at most `maxBuckets` buckets (or the size `granularity` forces), aligned to local
 * time in `range.tz`.
 *
 * - The first bucket starts at `range.from`, so it is partial when `from` is not aligned; the
 *   others start on aligned instants before `range.to`, and `end` is `range.to`.
 * - Minute and hour sizes sit on local wall-clock multiples of the size counted from local
 *   midnight (4h: 00:00, 04:00, 08:00 …). Across DST a wall time that happens twice starts a
 *   bucket both times and one that is skipped starts none, so the bucket holding the transition
 *   is shorter or longer by the part of the shift the size does not absorb: on New York's
 *   spring-forward day the 00:00 4h bucket lasts 3 hours, on its fall-back day 5, while hourly
 *   buckets number 23 and 25 and each lasts an hour.
 * - Days start at local midnight, weeks on `weekStartsOn`, months on the 1st.
 * - An empty range (`from === to`) has no buckets.
 * - When no size fits `maxBuckets` (a long range not starting on the 1st), months are used.
 *
 * @throws TallyError for an invalid range, option, or more than {@link MAX_BUCKETS} buckets.
 * @example
 * ```ts
 * chooseBuckets({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 8), tz: 'UTC' });
 * // { size: '4h', label: '4h', boundaries: [42 starts, 4 hours apart], end: Date.UTC(2026, 0, 8) }
 * ```
 */
export function chooseBuckets(
  range: Interval & { tz: string },
  options: ChooseBucketsOptions = {},
): Buckets {
  const { from, to, zone } = checkInterval(range);
  const weekStartsOn = readWeekStartsOn(options.weekStartsOn);
  const granularity = options.granularity;
  if (granularity !== undefined) {
    if (!Object.hasOwn(GRANULARITY_SIZES, granularity)) {
      throw fieldError(
        'invalid_query',
        'granularity',
        `must be hour, day, week or month (got ${describeValue(granularity)})`,
      );
    }
    return capped(GRANULARITY_SIZES[granularity], range, weekStartsOn, 'granularity');
  }
  const maxBuckets = readMaxBuckets(options.maxBuckets);
  for (const size of BUCKET_SIZES) {
    // Skips sizes that cannot fit without generating their boundaries.
    if (to - from > maxBuckets * (NOMINAL_MS[size] + MAX_SHIFT_MS)) continue;
    const boundaries = gridBoundaries(from, to, zone, size, weekStartsOn, maxBuckets);
    if (boundaries !== null) return { size, label: size, boundaries, end: to };
  }
  return capped('1M', range, weekStartsOn, 'range');
}

/**
 * Starts of the local days in `range`: `range.from` itself (which may be mid-day), then each
 * local midnight before `range.to`; empty for an empty range.
 *
 * @example
 * ```ts
 * dayBoundaries({ from: Date.UTC(2026, 2, 7, 5), to: Date.UTC(2026, 2, 10, 4), tz: 'America/New_York' });
 * // [Date.UTC(2026, 2, 7, 5), Date.UTC(2026, 2, 8, 5), Date.UTC(2026, 2, 9, 4)]
 * ```
 */
export function dayBoundaries(range: Interval & { tz: string }): number[] {
  return capped('1d', range, 1, 'range').boundaries;
}

/**
 * Starts of the local clock hours in `range`: `range.from`, then each instant before
 * `range.to` where the local clock shows a whole hour (both times when an hour repeats).
 */
export function hourBoundaries(range: Interval & { tz: string }): number[] {
  return capped('1h', range, 1, 'range').boundaries;
}

function capped(
  size: BucketSize,
  range: Interval & { tz: string },
  weekStartsOn: number,
  field: string,
): Buckets {
  const { from, to, zone } = checkInterval(range);
  const boundaries = gridBoundaries(from, to, zone, size, weekStartsOn, MAX_BUCKETS);
  if (boundaries === null) {
    throw fieldError(
      'invalid_query',
      field,
      `gives more than ${MAX_BUCKETS} buckets of ${size}; use a shorter range or a coarser granularity (got ${describeValue(new Date(from).toISOString())} to ${describeValue(new Date(to).toISOString())})`,
    );
  }
  return { size, label: size, boundaries, end: to };
}

function readMaxBuckets(value: unknown): number {
  if (value === undefined) return 60;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw fieldError(
      'invalid_query',
      'maxBuckets',
      `must be a whole number of at least 1 (got ${describeValue(value)})`,
    );
  }
  return Math.min(value, MAX_BUCKETS);
}
