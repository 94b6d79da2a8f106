import { quickselect } from './quickselect.js';

/**
 * Continuous quantiles (SQL `quantile_cont`) of `values[from..to)`, one per entry of `qs`, in
 * O(n) per quantile: the order statistics around `q × (n − 1)` are found by selection, not
 * by sorting, and interpolated linearly. Reorders the segment. Returns NaN for an empty one.
 *
 * @example
 * ```ts
 * quantiles(new Float64Array([4, 1, 3, 2]), 0, 4, [0.5]); // [2.5]
 * ```
 */
export function quantiles(
  values: Float64Array,
  from: number,
  to: number,
  qs: readonly number[],
): number[] {
  const results = new Array<number>(qs.length).fill(Number.NaN);
  const count = to - from;
  if (count === 0) return results;
  if (count >= BUCKETED_MINIMUM) {
    const found = bucketedQuantiles(values, from, to, qs);
    if (found !== null) return found;
  }
  // Ascending order lets each selection start where the previous one left off.
  const byQ = qs.map((q, index) => ({ q, index })).sort((a, b) => a.q - b.q);
  let searchFrom = from;
  for (const { q, index } of byQ) {
    const position = q * (count - 1);
    const lower = Math.floor(position);
    const k = from + lower;
    quickselect(values, searchFrom, to - 1, k);
    searchFrom = k;
    const lowerValue = values[k];
    if (position === lower) {
      results[index] = lowerValue;
      continue;
    }
    // Selection left everything after k at or above values[k]: the next order statistic is
    // their minimum.
    let upperValue = values[k + 1];
    for (let scan = k + 2; scan < to; scan += 1) {
      if (values[scan] < upperValue) upperValue = values[scan];
    }
    results[index] = lowerValue + (position - lower) * (upperValue - lowerValue);
  }
  return results;
}

/** Segments at least this long narrow each order statistic to a value bucket first. */
const BUCKETED_MINIMUM = 4096;

/** Equal-width value buckets of the narrowing pass. */
const BUCKETS = 4096;

/**
 * The same quantiles as selection over the whole segment, found by counting the values per
 * equal-width value bucket (a monotone map, so the k-th value lies in the bucket the counts
 * point to), then selecting only within the few buckets that hold a wanted order statistic.
 * Leaves the segment as it was. `null` when the value range defeats the bucket arithmetic.
 */
function bucketedQuantiles(
  values: Float64Array,
  from: number,
  to: number,
  qs: readonly number[],
): number[] | null {
  let low = values[from];
  let high = low;
  for (let index = from + 1; index < to; index += 1) {
    const value = values[index];
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (low === high) return qs.map(() => low);
  const scale = BUCKETS / (high - low);
  if (!(scale > 0 && scale < Number.POSITIVE_INFINITY)) return null;
  const counts = new Int32Array(BUCKETS);
  countBuckets(values, from, to, low, scale, counts);
  const count = to - from;
  // The order statistics wanted: per quantile its lower rank, and the next one when between.
  const ranks: number[] = [];
  for (const q of qs) {
    const position = q * (count - 1);
    const lower = Math.floor(position);
    ranks.push(lower);
    if (position !== lower) ranks.push(lower + 1);
  }
  // Each rank's bucket, and its rank among that bucket's values.
  const starts = new Int32Array(BUCKETS + 1);
  for (let bucket = 0; bucket < BUCKETS; bucket += 1) {
    starts[bucket + 1] = starts[bucket] + counts[bucket];
  }
  const slotOf = new Int32Array(BUCKETS).fill(-1);
  const wanted: number[] = [];
  const rankBuckets = ranks.map((rank) => {
    let bucketLow = 0;
    let bucketHigh = BUCKETS - 1;
    while (bucketLow < bucketHigh) {
      const middle = (bucketLow + bucketHigh) >>> 1;
      if (starts[middle + 1] <= rank) bucketLow = middle + 1;
      else bucketHigh = middle;
    }
    if (slotOf[bucketLow] < 0) {
      slotOf[bucketLow] = wanted.length;
      wanted.push(bucketLow);
    }
    return bucketLow;
  });
  const offsets = new Int32Array(wanted.length + 1);
  for (let slot = 0; slot < wanted.length; slot += 1) {
    offsets[slot + 1] = offsets[slot] + counts[wanted[slot]];
  }
  const picked = new Float64Array(offsets[wanted.length]);
  pickBuckets(values, from, to, low, scale, slotOf, offsets.slice(0, wanted.length), picked);
  const orderStatistic = (index: number): number => {
    const bucket = rankBuckets[index];
    const slot = slotOf[bucket];
    const k = offsets[slot] + ranks[index] - starts[bucket];
    quickselect(picked, offsets[slot], offsets[slot + 1] - 1, k);
    return picked[k];
  };
  const results: number[] = [];
  let rankIndex = 0;
  for (const q of qs) {
    const position = q * (count - 1);
    const lower = Math.floor(position);
    const lowerValue = orderStatistic(rankIndex);
    rankIndex += 1;
    if (position === lower) {
      results.push(lowerValue);
      continue;
    }
    const upperValue = orderStatistic(rankIndex);
    rankIndex += 1;
    results.push(lowerValue + (position - lower) * (upperValue - lowerValue));
  }
  return results;
}

function bucketOf(value: number, low: number, scale: number): number {
  const bucket = Math.floor((value - low) * scale);
  return bucket < BUCKETS ? bucket : BUCKETS - 1;
}

function countBuckets(
  values: Float64Array,
  from: number,
  to: number,
  low: number,
  scale: number,
  counts: Int32Array,
): void {
  for (let index = from; index < to; index += 1) {
    counts[bucketOf(values[index], low, scale)] += 1;
  }
}

function pickBuckets(
  values: Float64Array,
  from: number,
  to: number,
  low: number,
  scale: number,
  slotOf: Int32Array,
  fill: Int32Array,
  picked: Float64Array,
): void {
  for (let index = from; index < to; index += 1) {
    const value = values[index];
    const slot = slotOf[bucketOf(value, low, scale)];
    if (slot < 0) continue;
    picked[fill[slot]] = value;
    fill[slot] += 1;
  }
}
