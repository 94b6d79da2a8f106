import type { CodeMask } from './compile-filters.js';
import type { CodeArray } from './dictionary-column.js';
import type { MeasureRows } from './measure-rows.js';

// Entry points pick a loop; the loops are separate small functions taking only typed arrays and
// numbers, so each is optimised on its own, once, for the few array types it sees. A single
// group (no grouping) gets loops with scalar accumulators.

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
