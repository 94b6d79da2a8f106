import { NUMERIC_FIELDS, type NumericField } from '@tally/core';
import { EVENT_COLUMNS, NUMERIC_COLUMNS } from './schema.js';

/** Binary digits after the point that a value may need before it counts as "any double". */
const MAX_FRACTION_BITS = 1100;

/** What the store knows about one numeric field over all of a tenant's stored events. */
export interface FieldStats {
  /** The most binary fraction digits any stored value needs (0 when all are integers). */
  fractionBits: number;
  /** The sum of the absolute values stored (rounded; only ever compared with a margin). */
  absSum: number;
}

/**
 * Facts about a tenant's stored data that let the engine pick fast SQL that still gives the
 * exact answer core's query model defines:
 *
 * - `fields`: per numeric field, enough to prove that summing in any order is exact (see
 *   {@link sumIsOrderFree}), so `SUM` needs no `ORDER BY`.
 * - `wideText`: whether any stored string holds a UTF-16 code unit at or above U+D800, the only
 *   case where DuckDB's code-point order and JavaScript's code-unit order can disagree.
 *
 * Both only ever grow, so an over-estimate (from a write that failed after it was counted) only
 * makes the engine more careful.
 */
export interface TenantStats {
  fields: Record<NumericField, FieldStats>;
  wideText: boolean;
}

/** Stats of a tenant with no events. */
export function emptyTenantStats(): TenantStats {
  const fields = {} as Record<NumericField, FieldStats>;
  for (const field of NUMERIC_FIELDS) fields[field] = { fractionBits: 0, absSum: 0 };
  return { fields, wideText: false };
}

/** The binary fraction digits `value` needs: 0 for integers, 1 for 2.5, 55 for 0.1. */
export function fractionBits(value: number): number {
  if (Number.isInteger(value)) return 0;
  let scaled = value;
  let bits = 0;
  // Doubling is exact, and a non-integer double becomes an integer within 1074 doublings.
  while (!Number.isInteger(scaled) && bits < MAX_FRACTION_BITS) {
    scaled *= 2;
    bits += 1;
  }
  return bits;
}

/** Positions of the numeric fields in an `events` row, and of the strings that can be sorted. */
const NUMERIC_POSITIONS: readonly (readonly [number, NumericField])[] = [...NUMERIC_COLUMNS].map(
  ([field, column]) => [EVENT_COLUMNS.findIndex((entry) => entry.name === column), field] as const,
);
const TEXT_POSITIONS: readonly number[] = EVENT_COLUMNS.flatMap((column, index) =>
  column.kind === 'varchar' && column.name !== 'tenant' ? [index] : [],
);

/** Counts the values of one `events` row (in `EVENT_COLUMNS` order) into `stats`. */
export function countRow(stats: TenantStats, values: readonly unknown[]): void {
  for (const [position, field] of NUMERIC_POSITIONS) {
    countValue(stats, field, values[position] as number | null);
  }
  for (const position of TEXT_POSITIONS) countText(stats, values[position] as string | null);
}

/** Counts one stored value of `field` into `stats`. */
export function countValue(stats: TenantStats, field: NumericField, value: number | null): void {
  if (value === null) return;
  const entry = stats.fields[field];
  const bits = fractionBits(value);
  if (bits > entry.fractionBits) entry.fractionBits = bits;
  entry.absSum += Math.abs(value);
}

/** Counts a stored string: marks the tenant when it could sort differently in DuckDB. */
export function countText(stats: TenantStats, value: string | null): void {
  if (value !== null && !stats.wideText && WIDE.test(value)) stats.wideText = true;
}

const WIDE = /[\uD800-\uFFFF]/;

/**
 * Whether every sum of `field` over any subset of the tenant's events, added in any order, is
 * exact: when all values are multiples of 2^-k and their absolute sum is at most 2^(53-k), every
 * partial sum is a multiple of 2^-k below 2^53 in magnitude, so no addition rounds. Then SQL's
 * unordered `SUM` equals the time-ordered sum core defines. A factor of two of margin covers the
 * rounding in `absSum` itself.
 */
export function sumIsOrderFree(stats: TenantStats | undefined, field: NumericField): boolean {
  if (stats === undefined) return true;
  const { fractionBits: bits, absSum } = stats.fields[field];
  if (absSum === 0) return true;
  if (bits >= MAX_FRACTION_BITS) return false;
  return absSum * 2 ** bits <= 2 ** 52;
}

/** Merges `from` into `into` (both only grow). */
export function mergeTenantStats(into: TenantStats, from: TenantStats): void {
  for (const field of NUMERIC_FIELDS) {
    const target = into.fields[field];
    const source = from.fields[field];
    target.fractionBits = Math.max(target.fractionBits, source.fractionBits);
    target.absSum += source.absSum;
  }
  into.wideText ||= from.wideText;
}

/** Reads stats stored as JSON, tolerating fields added by later versions. */
export function parseTenantStats(text: string): TenantStats {
  const stats = emptyTenantStats();
  const parsed = JSON.parse(text) as Partial<TenantStats>;
  for (const field of NUMERIC_FIELDS) {
    const entry = parsed.fields?.[field];
    if (entry !== undefined) stats.fields[field] = { ...entry };
  }
  stats.wideText = parsed.wideText === true;
  return stats;
}
