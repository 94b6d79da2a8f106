/** One cell of an engine's aggregate row. */
export type AggregateCell = number | string | null | undefined;

/** Nanodollars in one US dollar: costs are stored as integer nanodollars (DESIGN §3). */
export const NANOS_PER_USD = 1_000_000_000;

/**
 * Reads a numeric aggregate cell, keeping `null` (an `avg`, `min`, `max` or `quantile` over no
 * values) as `null`.
 */
export function cellNumber(value: AggregateCell): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return null;
}

/** Reads a count or sum cell, where an aggregate over nothing means 0. */
export function cellCount(value: AggregateCell): number {
  return cellNumber(value) ?? 0;
}

/** `numerator / denominator`, or `null` when the denominator is 0 (nothing to divide by). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Converts integer nanodollars to US dollars. */
export function nanosToUsd(nanos: number): number {
  return nanos / NANOS_PER_USD;
}
