import type { CodeArray } from './dictionary-column.js';
import type { NumericArray } from './numeric-column.js';
import { quantiles } from './quantiles.js';

/**
 * The rows one measure sees, in time order (ties in append order), each with its group:
 * `groups[i]` is the group of `rows[i]` for `i < length`.
 */
export interface MeasureRows {
  rows: Int32Array;
  groups: Int32Array;
  length: number;
}

/** A numeric column as the kernels read it: a value equal to `sentinel`, or NaN, is null. */
export interface NumericData {
  data: NumericArray;
  sentinel: number;
}

/** Rows per group. */
export function countRows(input: MeasureRows, groupCount: number): Float64Array {
  const counts = new Float64Array(groupCount);
  const { groups, length } = input;
  for (let index = 0; index < length; index += 1) counts[groups[index]] += 1;
  return counts;
}

/** Rows per group whose dimension value is present. */
export function countPresentCodes(
  input: MeasureRows,
  codes: CodeArray,
  groupCount: number,
): Float64Array {
  const counts = new Float64Array(groupCount);
  const { rows, groups, length } = input;
  for (let index = 0; index < length; index += 1) {
    if (codes[rows[index]] !== 0) counts[groups[index]] += 1;
  }
  return counts;
}

/**
 * Per group, the sum (with plain `+=`, in row order, so that any engine summing in time
 * order gets the same double) and the count of the non-null values.
 */
export function sumValues(
  input: MeasureRows,
  column: NumericData,
  groupCount: number,
): { sums: Float64Array; counts: Float64Array } {
  const sums = new Float64Array(groupCount);
  const counts = new Float64Array(groupCount);
  const { rows, groups, length } = input;
  const { data, sentinel } = column;
  for (let index = 0; index < length; index += 1) {
    const value = data[rows[index]];
    if (value === sentinel || value !== value) continue;
    const group = groups[index];
    sums[group] += value;
    counts[group] += 1;
  }
  return { sums, counts };
}

/** Per group, the smallest (or largest) non-null value; NaN for a group without one. */
export function extremeValues(
  input: MeasureRows,
  column: NumericData,
  groupCount: number,
  largest: boolean,
): Float64Array {
  const extremes = new Float64Array(groupCount).fill(Number.NaN);
  const { rows, groups, length } = input;
  const { data, sentinel } = column;
  for (let index = 0; index < length; index += 1) {
    const value = data[rows[index]];
    if (value === sentinel || value !== value) continue;
    const group = groups[index];
    const current = extremes[group];
    // The first value seen wins ties, as a scan keeping strict improvements does.
    if (current !== current || (largest ? value > current : value < current)) {
      extremes[group] = value;
    }
  }
  return extremes;
}

/** Bit sets up to this many bits track distinct values; larger key spaces use a Set. */
const BITMAP_LIMIT = 1 << 26;

/** Per group, the number of distinct present codes of a dimension. */
export function countDistinctCodes(
  input: MeasureRows,
  codes: CodeArray,
  radix: number,
  groupCount: number,
): Float64Array {
  const counts = new Float64Array(groupCount);
  const { rows, groups, length } = input;
  const space = groupCount * radix;
  if (space <= BITMAP_LIMIT) {
    const seen = new Uint32Array(Math.ceil(space / 32));
    for (let index = 0; index < length; index += 1) {
      const code = codes[rows[index]];
      if (code === 0) continue;
      const group = groups[index];
      const bit = group * radix + code;
      const word = bit >>> 5;
      const mask = 1 << (bit & 31);
      if ((seen[word] & mask) === 0) {
        seen[word] |= mask;
        counts[group] += 1;
      }
    }
    return counts;
  }
  const seen = new Set<number>();
  for (let index = 0; index < length; index += 1) {
    const code = codes[rows[index]];
    if (code === 0) continue;
    const group = groups[index];
    const key = group * radix + code;
    if (!seen.has(key)) {
      seen.add(key);
      counts[group] += 1;
    }
  }
  return counts;
}

/** Per group, the row of its latest event (ties: appended last); -1 for none. */
export function lastRows(input: MeasureRows, groupCount: number): Int32Array {
  const last = new Int32Array(groupCount).fill(-1);
  const { rows, groups, length } = input;
  // Rows come in time order with ties in append order, so the last one written wins.
  for (let index = 0; index < length; index += 1) last[groups[index]] = rows[index];
  return last;
}

/**
 * Per quantile in `qs`, per group, the continuous quantile of the non-null values (NaN for a
 * group without any). The values are bucketed by group into one array (a counting sort), then
 * each group's segment is selected in place.
 */
export function groupQuantiles(
  input: MeasureRows,
  column: NumericData,
  groupCount: number,
  qs: readonly number[],
): Float64Array[] {
  const { rows, groups, length } = input;
  const { data, sentinel } = column;
  const offsets = new Int32Array(groupCount + 1);
  for (let index = 0; index < length; index += 1) {
    const value = data[rows[index]];
    if (value === sentinel || value !== value) continue;
    offsets[groups[index] + 1] += 1;
  }
  for (let group = 0; group < groupCount; group += 1) offsets[group + 1] += offsets[group];
  const values = new Float64Array(offsets[groupCount]);
  const fill = offsets.slice(0, groupCount);
  for (let index = 0; index < length; index += 1) {
    const value = data[rows[index]];
    if (value === sentinel || value !== value) continue;
    const group = groups[index];
    values[fill[group]] = value;
    fill[group] += 1;
  }
  const results = qs.map(() => new Float64Array(groupCount));
  for (let group = 0; group < groupCount; group += 1) {
    const found = quantiles(values, offsets[group], offsets[group + 1], qs);
    for (let index = 0; index < qs.length; index += 1) results[index][group] = found[index];
  }
  return results;
}
