import type { CodeMask } from './compile-filters.js';
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

// The entry points below pick a loop; the loops are separate small functions that take only
// typed arrays and numbers, so each is optimised on its own, once, for the few array types it
// sees. A single group (no grouping) gets loops with scalar accumulators.

/** Rows per group. */
export function countRows(input: MeasureRows, groupCount: number): Float64Array {
  const counts = new Float64Array(groupCount);
  if (groupCount === 1) counts[0] = input.length;
  else countGroups(input.groups, input.length, counts);
  return counts;
}

function countGroups(groups: Int32Array, length: number, counts: Float64Array): void {
  for (let index = 0; index < length; index += 1) counts[groups[index]] += 1;
}

/** Rows per group that pass `filter`, tested in place. */
export function countMatching(
  input: MeasureRows,
  filter: CodeMask,
  groupCount: number,
): Float64Array {
  const counts = new Float64Array(groupCount);
  if (groupCount === 1) counts[0] = matching(input.rows, input.length, filter.codes, filter.mask);
  else matchingGrouped(input.rows, input.groups, input.length, filter.codes, filter.mask, counts);
  return counts;
}

function matching(rows: Int32Array, length: number, codes: CodeArray, mask: Uint8Array): number {
  let count = 0;
  for (let index = 0; index < length; index += 1) count += mask[codes[rows[index]]];
  return count;
}

function matchingGrouped(
  rows: Int32Array,
  groups: Int32Array,
  length: number,
  codes: CodeArray,
  mask: Uint8Array,
  counts: Float64Array,
): void {
  for (let index = 0; index < length; index += 1) {
    counts[groups[index]] += mask[codes[rows[index]]];
  }
}

/** Rows per group whose dimension value is present. */
export function countPresentCodes(
  input: MeasureRows,
  codes: CodeArray,
  groupCount: number,
): Float64Array {
  const counts = new Float64Array(groupCount);
  if (groupCount === 1) counts[0] = countPresent(input.rows, input.length, codes);
  else countPresentGrouped(input.rows, input.groups, input.length, codes, counts);
  return counts;
}

function countPresent(rows: Int32Array, length: number, codes: CodeArray): number {
  let count = 0;
  for (let index = 0; index < length; index += 1) {
    if (codes[rows[index]] !== 0) count += 1;
  }
  return count;
}

function countPresentGrouped(
  rows: Int32Array,
  groups: Int32Array,
  length: number,
  codes: CodeArray,
  counts: Float64Array,
): void {
  for (let index = 0; index < length; index += 1) {
    if (codes[rows[index]] !== 0) counts[groups[index]] += 1;
  }
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
  // Integer columns never hold NaN, so their nulls can be skipped without a branch.
  const integers = sentinel === sentinel;
  if (groupCount === 1) {
    if (integers) sumIntegers(rows, length, data, sentinel, sums, counts);
    else sumSingle(rows, length, data, sentinel, sums, counts);
  } else {
    if (integers) sumIntegersGrouped(rows, groups, length, data, sentinel, sums, counts);
    else sumGrouped(rows, groups, length, data, sentinel, sums, counts);
  }
  return { sums, counts };
}

function sumSingle(
  rows: Int32Array,
  length: number,
  data: NumericArray,
  sentinel: number,
  sums: Float64Array,
  counts: Float64Array,
): void {
  let sum = 0;
  let count = 0;
  for (let index = 0; index < length; index += 1) {
    const value = data[rows[index]];
    if (value === sentinel || value !== value) continue;
    sum += value;
    count += 1;
  }
  sums[0] = sum;
  counts[0] = count;
}

/**
 * Adds `present × value`: a null adds ±0, which leaves the sum's bits unchanged (it starts at
 * +0 and can never become -0), so the result equals skipping nulls, and unpredictable nulls
 * cost no mispredicted branches.
 */
function sumIntegers(
  rows: Int32Array,
  length: number,
  data: NumericArray,
  sentinel: number,
  sums: Float64Array,
  counts: Float64Array,
): void {
  let sum = 0;
  let count = 0;
  for (let index = 0; index < length; index += 1) {
    const value = data[rows[index]];
    const present = +(value !== sentinel);
    sum += present * value;
    count += present;
  }
  sums[0] = sum;
  counts[0] = count;
}

function sumIntegersGrouped(
  rows: Int32Array,
  groups: Int32Array,
  length: number,
  data: NumericArray,
  sentinel: number,
  sums: Float64Array,
  counts: Float64Array,
): void {
  for (let index = 0; index < length; index += 1) {
    const value = data[rows[index]];
    const present = +(value !== sentinel);
    const group = groups[index];
    sums[group] += present * value;
    counts[group] += present;
  }
}

function sumGrouped(
  rows: Int32Array,
  groups: Int32Array,
  length: number,
  data: NumericArray,
  sentinel: number,
  sums: Float64Array,
  counts: Float64Array,
): void {
  for (let index = 0; index < length; index += 1) {
    const value = data[rows[index]];
    if (value === sentinel || value !== value) continue;
    const group = groups[index];
    sums[group] += value;
    counts[group] += 1;
  }
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
  if (largest) maxGrouped(rows, groups, length, data, sentinel, extremes);
  else minGrouped(rows, groups, length, data, sentinel, extremes);
  return extremes;
}

// The first value seen wins ties (a scan keeping strict improvements), which only matters for
// -0 and 0.
function maxGrouped(
  rows: Int32Array,
  groups: Int32Array,
  length: number,
  data: NumericArray,
  sentinel: number,
  extremes: Float64Array,
): void {
  for (let index = 0; index < length; index += 1) {
    const value = data[rows[index]];
    if (value === sentinel || value !== value) continue;
    const group = groups[index];
    const current = extremes[group];
    if (value > current || current !== current) extremes[group] = value;
  }
}

function minGrouped(
  rows: Int32Array,
  groups: Int32Array,
  length: number,
  data: NumericArray,
  sentinel: number,
  extremes: Float64Array,
): void {
  for (let index = 0; index < length; index += 1) {
    const value = data[rows[index]];
    if (value === sentinel || value !== value) continue;
    const group = groups[index];
    const current = extremes[group];
    if (value < current || current !== current) extremes[group] = value;
  }
}

/** Bit sets up to this many bits track distinct values; larger key spaces use a Set. */
const BITMAP_LIMIT = 1 << 26;

/**
 * Per group, the number of distinct present codes of a dimension, among the rows passing
 * `filter` when one is given (tested in place for a single group; grouped rows must be
 * filtered by the caller).
 */
export function countDistinctCodes(
  input: MeasureRows,
  codes: CodeArray,
  radix: number,
  groupCount: number,
  filter?: CodeMask,
): Float64Array {
  const counts = new Float64Array(groupCount);
  const { rows, groups, length } = input;
  if (filter !== undefined) {
    if (groupCount !== 1) throw new RangeError('a filtered distinct count takes a single group');
    counts[0] = distinctFiltered(
      rows,
      length,
      codes,
      new Uint8Array(radix),
      filter.codes,
      filter.mask,
    );
    return counts;
  }
  if (groupCount === 1) {
    counts[0] = distinctSingle(rows, length, codes, new Uint8Array(radix));
  } else if (groupCount * radix <= BITMAP_LIMIT) {
    const seen = new Int32Array(Math.ceil((groupCount * radix) / 32));
    distinctGrouped(rows, groups, length, codes, radix, seen, counts);
  } else {
    distinctSparse(rows, groups, length, codes, radix, counts);
  }
  return counts;
}

function distinctSingle(
  rows: Int32Array,
  length: number,
  codes: CodeArray,
  seen: Uint8Array,
): number {
  let count = 0;
  for (let index = 0; index < length; index += 1) {
    const code = codes[rows[index]];
    if (seen[code] === 0) {
      seen[code] = 1;
      count += 1;
    }
  }
  // The absent code is not a value.
  return seen[0] === 1 ? count - 1 : count;
}

function distinctFiltered(
  rows: Int32Array,
  length: number,
  codes: CodeArray,
  seen: Uint8Array,
  filterCodes: CodeArray,
  mask: Uint8Array,
): number {
  let count = 0;
  for (let index = 0; index < length; index += 1) {
    const row = rows[index];
    if (mask[filterCodes[row]] === 0) continue;
    const code = codes[row];
    if (seen[code] === 0) {
      seen[code] = 1;
      count += 1;
    }
  }
  return seen[0] === 1 ? count - 1 : count;
}

function distinctGrouped(
  rows: Int32Array,
  groups: Int32Array,
  length: number,
  codes: CodeArray,
  radix: number,
  seen: Int32Array,
  counts: Float64Array,
): void {
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
}

function distinctSparse(
  rows: Int32Array,
  groups: Int32Array,
  length: number,
  codes: CodeArray,
  radix: number,
  counts: Float64Array,
): void {
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
}

/** Per group, the row of its latest event (ties: appended last); -1 for none. */
export function lastRows(input: MeasureRows, groupCount: number): Int32Array {
  const last = new Int32Array(groupCount).fill(-1);
  const { rows, groups, length } = input;
  if (groupCount === 1) {
    if (length > 0) last[0] = rows[length - 1];
  } else {
    lastGrouped(rows, groups, length, last);
  }
  return last;
}

// Rows come in time order with ties in append order, so the last one written wins.
function lastGrouped(rows: Int32Array, groups: Int32Array, length: number, last: Int32Array): void {
  for (let index = 0; index < length; index += 1) last[groups[index]] = rows[index];
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
  let values: Float64Array;
  if (groupCount === 1) {
    values = new Float64Array(length);
    offsets[1] = gatherValues(rows, length, data, sentinel, values);
  } else {
    countValues(rows, groups, length, data, sentinel, offsets);
    for (let group = 0; group < groupCount; group += 1) offsets[group + 1] += offsets[group];
    values = new Float64Array(offsets[groupCount]);
    scatterValues(rows, groups, length, data, sentinel, offsets.slice(0, groupCount), values);
  }
  const results = qs.map(() => new Float64Array(groupCount));
  for (let group = 0; group < groupCount; group += 1) {
    const found = quantiles(values, offsets[group], offsets[group + 1], qs);
    for (let index = 0; index < qs.length; index += 1) results[index][group] = found[index];
  }
  return results;
}

function gatherValues(
  rows: Int32Array,
  length: number,
  data: NumericArray,
  sentinel: number,
  values: Float64Array,
): number {
  let count = 0;
  for (let index = 0; index < length; index += 1) {
    const value = data[rows[index]];
    if (value === sentinel || value !== value) continue;
    values[count] = value;
    count += 1;
  }
  return count;
}

/** Counts each group's non-null values into `offsets[group + 1]`. */
function countValues(
  rows: Int32Array,
  groups: Int32Array,
  length: number,
  data: NumericArray,
  sentinel: number,
  offsets: Int32Array,
): void {
  for (let index = 0; index < length; index += 1) {
    const value = data[rows[index]];
    if (value === sentinel || value !== value) continue;
    offsets[groups[index] + 1] += 1;
  }
}

function scatterValues(
  rows: Int32Array,
  groups: Int32Array,
  length: number,
  data: NumericArray,
  sentinel: number,
  fill: Int32Array,
  values: Float64Array,
): void {
  for (let index = 0; index < length; index += 1) {
    const value = data[rows[index]];
    if (value === sentinel || value !== value) continue;
    const group = groups[index];
    values[fill[group]] = value;
    fill[group] += 1;
  }
}
