import type { MeasureRows, NumericData } from './measure-rows.js';
import type { NumericArray } from './numeric-column.js';
import { quantiles } from './quantiles.js';

// Entry points pick a loop; the loops are separate small functions taking only typed arrays and
// numbers, so each is optimised on its own, once, for the few array types it sees. A single
// group (no grouping) gets loops with scalar accumulators.

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
