import type { CodeArray } from './dictionary-column.js';
import { groupByBucket, groupByCode, groupFused } from './group-fast-paths.js';
import { SlotTable } from './slot-table.js';

/** How one grouping turns a row into a key digit. */
export type GroupingPlan =
  | { kind: 'dimension'; codes: CodeArray; radix: number }
  | { kind: 'time'; timestamps: Float64Array; boundaries: Float64Array };

/** Rows assigned to groups: `groups[i]` is the group of `rows[i]`, for `i < length`. */
export interface GroupedRows {
  rows: Int32Array;
  groups: Int32Array;
  length: number;
  /** The number of groups, numbered in order of their first row. */
  count: number;
  /** Per group, one digit per grouping: a dictionary code or a bucket index. */
  keys: number[][];
  /** Per group, its number of rows, when grouping found it for free; otherwise `null`. */
  sizes: number[] | null;
}

/** Key spaces up to this size map keys to groups through a flat table rather than a Map. */
const DENSE_LIMIT = 1 << 22;
/** Keys stay exact integers in a double up to here; beyond it groups are renumbered first. */
const EXACT_LIMIT = 2 ** 53;

/**
 * Assigns time-ordered rows to groups. Each grouping adds a digit to a mixed-radix integer key
 * (a dictionary code, absent included, or a bucket index); keys map to dense group numbers
 * through a flat table when the key space is small and a Map when it is not. The common shapes
 * (one dimension, time alone, two or three dimensions, a dimension and time) take one fused
 * pass; others build the key one column at a time. Rows before the first bucket boundary
 * belong to no bucket and are dropped: in time order they are a prefix.
 *
 * `groupsBuffer` must hold `length` entries; it becomes {@link GroupedRows.groups}. Flat
 * tables come from `slotTable`.
 */
export function groupRows(
  rows: Int32Array,
  length: number,
  plans: readonly GroupingPlan[],
  groupsBuffer: Int32Array,
  slotTable: SlotTable = new SlotTable(),
): GroupedRows {
  let start = 0;
  for (const plan of plans) {
    if (plan.kind !== 'time') continue;
    if (plan.boundaries.length === 0) {
      return { rows, groups: groupsBuffer, length: 0, count: 0, keys: [], sizes: null };
    }
    const first = plan.boundaries[0];
    while (start < length && plan.timestamps[rows[start]] < first) start += 1;
  }
  const kept = rows.subarray(start, length);
  const count = length - start;
  const groups = groupsBuffer.subarray(0, count);
  if (plans.length === 0) {
    groups.fill(0);
    return {
      rows: kept,
      groups,
      length: count,
      count: count > 0 ? 1 : 0,
      keys: count > 0 ? [[]] : [],
      sizes: count > 0 ? [count] : null,
    };
  }

  if (plans.length === 1) {
    const plan = plans[0];
    const sizes: number[] = [];
    const keyOf =
      plan.kind === 'dimension'
        ? groupByCode(kept, count, plan.codes, plan.radix, groups, slotTable)
        : groupByBucket(kept, count, plan.timestamps, plan.boundaries, groups, sizes);
    return {
      rows: kept,
      groups,
      length: count,
      count: keyOf.length,
      keys: keyOf.map((key) => [key]),
      sizes: plan.kind === 'time' ? sizes : null,
    };
  }

  const radices = plans.map((plan) =>
    plan.kind === 'dimension' ? plan.radix : plan.boundaries.length,
  );
  const fullSpace = radices.reduce((product, radix) => product * radix, 1);
  if (fullSpace <= DENSE_LIMIT) {
    const keyOf = groupFused(kept, count, plans, fullSpace, groups, slotTable);
    if (keyOf !== null) {
      const decoded = keyOf.map((key) => decode(key, radices, [], 0));
      return {
        rows: kept,
        groups,
        length: count,
        count: keyOf.length,
        keys: decoded,
        sizes: null,
      };
    }
  }

  const keys = new Float64Array(count);
  /** Renumberings done when the key space outgrew exact doubles: old key of each new group. */
  const levels: { keyOf: number[]; firstPlan: number }[] = [];
  let space = 1;
  let levelStart = 0;
  for (let index = 0; index < plans.length; index += 1) {
    const plan = plans[index];
    const radix = radices[index];
    if (space * radix > EXACT_LIMIT) {
      const keyOf = renumber(keys, count);
      levels.push({ keyOf, firstPlan: levelStart });
      space = keyOf.length;
      levelStart = index;
    }
    if (plan.kind === 'dimension') addCodeDigit(keys, kept, count, plan.codes, radix);
    else addBucketDigit(keys, kept, count, plan.timestamps, plan.boundaries);
    space *= radix;
  }

  const keyOfGroup =
    space <= DENSE_LIMIT
      ? assignDense(keys, count, space, groups, slotTable)
      : assignSparse(keys, count, groups);
  const decoded = keyOfGroup.map((key) => decode(key, radices, levels, levelStart));
  return {
    rows: kept,
    groups,
    length: count,
    count: keyOfGroup.length,
    keys: decoded,
    sizes: null,
  };
}

function addCodeDigit(
  keys: Float64Array,
  rows: Int32Array,
  count: number,
  codes: CodeArray,
  radix: number,
): void {
  for (let index = 0; index < count; index += 1) {
    keys[index] = keys[index] * radix + codes[rows[index]];
  }
}

/** Walks the time-ordered rows with a bucket pointer: no search per row. */
function addBucketDigit(
  keys: Float64Array,
  rows: Int32Array,
  count: number,
  timestamps: Float64Array,
  boundaries: Float64Array,
): void {
  const radix = boundaries.length;
  const last = radix - 1;
  let bucket = 0;
  let next = radix > 1 ? boundaries[1] : Number.POSITIVE_INFINITY;
  for (let index = 0; index < count; index += 1) {
    const timestamp = timestamps[rows[index]];
    while (timestamp >= next) {
      bucket += 1;
      next = bucket < last ? boundaries[bucket + 1] : Number.POSITIVE_INFINITY;
    }
    keys[index] = keys[index] * radix + bucket;
  }
}

/** Maps keys to group numbers through a table of `space` entries; returns each group's key. */
function assignDense(
  keys: Float64Array,
  count: number,
  space: number,
  groups: Int32Array,
  slotTable: SlotTable,
): number[] {
  const slots = slotTable.take(space);
  const keyOf: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const key = keys[index];
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

function assignSparse(keys: Float64Array, count: number, groups: Int32Array): number[] {
  const slots = new Map<number, number>();
  const keyOf: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const key = keys[index];
    let group = slots.get(key);
    if (group === undefined) {
      group = keyOf.length;
      keyOf.push(key);
      slots.set(key, group);
    }
    groups[index] = group;
  }
  return keyOf;
}

/** Replaces every key by a dense number; returns the old key of each number. */
function renumber(keys: Float64Array, count: number): number[] {
  const numbers = new Int32Array(count);
  const keyOf = assignSparse(keys, count, numbers);
  for (let index = 0; index < count; index += 1) keys[index] = numbers[index];
  return keyOf;
}

/** The digits of a final key, undoing each renumbering from the last one back. */
function decode(
  key: number,
  radices: readonly number[],
  levels: readonly { keyOf: number[]; firstPlan: number }[],
  lastLevelStart: number,
): number[] {
  const digits = new Array<number>(radices.length);
  let value = key;
  let end = radices.length;
  let begin = lastLevelStart;
  for (let level = levels.length; level >= 0; level -= 1) {
    for (let index = end - 1; index >= begin; index -= 1) {
      const radix = radices[index];
      const digit = value % radix;
      digits[index] = digit;
      value = (value - digit) / radix;
    }
    if (level === 0) break;
    // `value` is now a renumbered group: recover the key it stood for.
    value = levels[level - 1].keyOf[value];
    end = begin;
    begin = levels[level - 1].firstPlan;
  }
  return digits;
}
