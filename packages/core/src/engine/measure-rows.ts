import type { NumericArray } from './numeric-column.js';

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
