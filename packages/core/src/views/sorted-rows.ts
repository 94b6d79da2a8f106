import type { AggregateResult, AggregateRow } from '../query.js';

/**
 * An aggregate result's rows in key order (nulls first, numbers before strings). Engines return
 * groups in no particular order; views walk small results in this order where the order of the
 * keys they produce must not depend on the engine.
 */
export function sortedRows(result: AggregateResult): AggregateRow[] {
  return [...result.rows].sort((a, b) => compareKeys(a.key, b.key));
}

/** Orders two group keys entry by entry: null first, then numbers, then strings (by code unit). */
export function compareKeys(
  a: readonly (string | number | null)[],
  b: readonly (string | number | null)[],
): number {
  for (let index = 0; index < a.length; index += 1) {
    const order = compareValues(a[index] ?? null, b[index] ?? null);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return a < b ? -1 : 1;
}

/** A measure's value as a number: `null` (no values) and non-numbers become `fallback`. */
export function numberOf(value: string | number | null | undefined, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A measure's value as a number, or `null` when the engine had no values. */
export function numberOrNull(value: string | number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Ordinal comparison of strings (code units), independent of locale. */
export function compareText(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
