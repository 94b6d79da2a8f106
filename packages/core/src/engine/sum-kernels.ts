import type { MeasureRows, NumericData } from './measure-rows.js';
import type { NumericArray } from './numeric-column.js';

// Entry points pick a loop; the loops are separate small functions taking only typed arrays and
// numbers, so each is optimised on its own, once, for the few array types it sees. A single
// group (no grouping) gets loops with scalar accumulators.

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
