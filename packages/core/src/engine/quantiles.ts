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
