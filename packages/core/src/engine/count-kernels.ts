import type { CodeMask } from './compile-filters.js';
import type { CodeArray } from './dictionary-column.js';
import type { MeasureRows } from './measure-rows.js';

// Entry points pick a loop; the loops are separate small functions taking only typed arrays and
// numbers, so each is optimised on its own, once, for the few array types it sees. A single
// group (no grouping) gets loops with scalar accumulators.

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
