import type { MeasureRows, NumericData } from '../measure-rows.js';

/** Six rows, read in the order 5, 0, 3, 1, 4 (row 2 is not selected), in two groups. */
export const rows: MeasureRows = {
  rows: Int32Array.from([5, 0, 3, 1, 4]),
  groups: Int32Array.from([0, 1, 0, 1, 1]),
  length: 5,
};

/** The same rows in a single group. */
export const single: MeasureRows = { ...rows, groups: new Int32Array(5) };

/** Integers with the int8 null sentinel: rows 1 and 5 are null. */
export const integers: NumericData = {
  data: Int8Array.from([4, -128, 99, 2, 7, -128]),
  sentinel: -128,
};

/** Floats with NaN for null: row 3 is null. */
export const floats: NumericData = {
  data: Float64Array.from([0.5, 1.25, 99, Number.NaN, 0.25, 2]),
  sentinel: Number.NaN,
};

/** Dictionary codes of the six rows; row 3 is absent. */
export const codes = Uint8Array.from([1, 2, 1, 0, 2, 1]);
