import type { CodeArray } from './dictionary-column.js';
import type { GroupingPlan } from './group-keys.js';
import type { SlotTable } from './slot-table.js';

// Each loop computes a row's key and looks its group up in the same pass. Groups are numbered
// in order of first appearance.

/** One dimension: the code is the key; groups are numbered in order of first appearance. */
export function groupByCode(
  rows: Int32Array,
  count: number,
  codes: CodeArray,
  radix: number,
  groups: Int32Array,
  slotTable: SlotTable,
): number[] {
  const slots = slotTable.take(radix);
  const keyOf: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const code = codes[rows[index]];
    let slot = slots[code];
    if (slot === 0) {
      keyOf.push(code);
      slot = keyOf.length;
      slots[code] = slot;
    }
    groups[index] = slot - 1;
  }
  slotTable.release(slots, keyOf);
  return keyOf;
}

/**
 * Time buckets alone. Rows are in time order, so each bucket's rows are one run and each
 * non-empty bucket is the next group: the runs' ends are found by galloping search rather
 * than by testing every row (a bucket of an hourly timeline holds hundreds of rows), groups
 * are written with `fill`, and each group's size is the length of its run. Returns each
 * group's bucket; `sizes` receives each group's row count.
 */
export function groupByBucket(
  rows: Int32Array,
  count: number,
  timestamps: Float64Array,
  boundaries: Float64Array,
  groups: Int32Array,
  sizes: number[],
): number[] {
  const keyOf: number[] = [];
  const last = boundaries.length - 1;
  let position = 0;
  let bucket = 0;
  while (position < count) {
    const timestamp = timestamps[rows[position]];
    // The bucket holding the row at `position`: advance past boundaries at or before it.
    while (bucket < last && boundaries[bucket + 1] <= timestamp) bucket += 1;
    const end =
      bucket < last
        ? firstAtOrAfter(rows, position + 1, count, timestamps, boundaries[bucket + 1])
        : count;
    groups.fill(keyOf.length, position, end);
    keyOf.push(bucket);
    sizes.push(end - position);
    position = end;
  }
  return keyOf;
}

/** The first index in `[from, to)` whose row's timestamp is at or after `value`, or `to`. */
function firstAtOrAfter(
  rows: Int32Array,
  from: number,
  to: number,
  timestamps: Float64Array,
  value: number,
): number {
  // Gallop: the run usually ends within a few hundred rows, so probe 1, 2, 4, ... ahead first.
  let low = from;
  let step = 1;
  let high = from;
  while (high < to && timestamps[rows[high]] < value) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  if (high > to) high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (timestamps[rows[middle]] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The common small key spaces in one pass (key computed and looked up per row): two or three
 * dimensions, or a dimension and time buckets. Returns `null` for other combinations.
 */
export function groupFused(
  rows: Int32Array,
  count: number,
  plans: readonly GroupingPlan[],
  space: number,
  groups: Int32Array,
  slotTable: SlotTable,
): number[] | null {
  const [first, second, third] = plans;
  if (plans.length === 2 && first.kind === 'dimension' && second.kind === 'dimension') {
    return groupByTwoCodes(
      rows,
      count,
      first.codes,
      second.codes,
      second.radix,
      space,
      groups,
      slotTable,
    );
  }
  if (
    plans.length === 3 &&
    first.kind === 'dimension' &&
    second.kind === 'dimension' &&
    third.kind === 'dimension'
  ) {
    return groupByThreeCodes(
      rows,
      count,
      first.codes,
      second.codes,
      third.codes,
      second.radix,
      third.radix,
      space,
      groups,
      slotTable,
    );
  }
  if (plans.length === 2 && first.kind === 'dimension' && second.kind === 'time') {
    return groupByCodeAndBucket(rows, count, first.codes, second, true, space, groups, slotTable);
  }
  if (plans.length === 2 && first.kind === 'time' && second.kind === 'dimension') {
    return groupByCodeAndBucket(rows, count, second.codes, first, false, space, groups, slotTable);
  }
  return null;
}

function groupByTwoCodes(
  rows: Int32Array,
  count: number,
  codesA: CodeArray,
  codesB: CodeArray,
  radixB: number,
  space: number,
  groups: Int32Array,
  slotTable: SlotTable,
): number[] {
  const slots = slotTable.take(space);
  const keyOf: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const row = rows[index];
    const key = codesA[row] * radixB + codesB[row];
    let slot = slots[key];
    if (slot === 0) {
      keyOf.push(key);
      slot = keyOf.length;
      slots[key] = slot;
    }
    groups[index] = slot - 1;
  }
  slotTable.release(slots, keyOf);
  return keyOf;
}

function groupByThreeCodes(
  rows: Int32Array,
  count: number,
  codesA: CodeArray,
  codesB: CodeArray,
  codesC: CodeArray,
  radixB: number,
  radixC: number,
  space: number,
  groups: Int32Array,
  slotTable: SlotTable,
): number[] {
  const slots = slotTable.take(space);
  const keyOf: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const row = rows[index];
    const key = (codesA[row] * radixB + codesB[row]) * radixC + codesC[row];
    let slot = slots[key];
    if (slot === 0) {
      keyOf.push(key);
      slot = keyOf.length;
      slots[key] = slot;
    }
    groups[index] = slot - 1;
  }
  slotTable.release(slots, keyOf);
  return keyOf;
}

/** A dimension and time buckets, in either order (`codeFirst` says which digit leads). */
function groupByCodeAndBucket(
  rows: Int32Array,
  count: number,
  codes: CodeArray,
  time: { timestamps: Float64Array; boundaries: Float64Array },
  codeFirst: boolean,
  space: number,
  groups: Int32Array,
  slotTable: SlotTable,
): number[] {
  const { timestamps, boundaries } = time;
  const buckets = boundaries.length;
  const codeRadix = space / buckets;
  const last = buckets - 1;
  const slots = slotTable.take(space);
  const keyOf: number[] = [];
  let bucket = 0;
  let next = last > 0 ? boundaries[1] : Number.POSITIVE_INFINITY;
  for (let index = 0; index < count; index += 1) {
    const row = rows[index];
    const timestamp = timestamps[row];
    while (timestamp >= next) {
      bucket += 1;
      next = bucket < last ? boundaries[bucket + 1] : Number.POSITIVE_INFINITY;
    }
    const key = codeFirst ? codes[row] * buckets + bucket : bucket * codeRadix + codes[row];
    let slot = slots[key];
    if (slot === 0) {
      keyOf.push(key);
      slot = keyOf.length;
      slots[key] = slot;
    }
    groups[index] = slot - 1;
  }
  slotTable.release(slots, keyOf);
  return keyOf;
}
