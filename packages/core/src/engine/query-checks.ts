import { describeValue, fieldError } from '../errors.js';
import type { TallyError } from '../errors.js';
import { DIMENSIONS, NUMERIC_FIELDS } from '../query.js';
import type { Dimension, EngineFilters, Interval, NumericField } from '../query.js';

const DIMENSION_SET = new Set<string>(DIMENSIONS);
const NUMERIC_SET = new Set<string>(NUMERIC_FIELDS);

/** An `invalid_query` error about `field`: `field: reason (got value)`. */
export function invalidQuery(field: string, reason: string, value: unknown): TallyError {
  return fieldError('invalid_query', field, `${reason} (got ${describeValue(value)})`);
}

/** Whether `value` names a {@link Dimension}. */
export function isDimension(value: unknown): value is Dimension {
  return typeof value === 'string' && DIMENSION_SET.has(value);
}

/** Whether `value` names a {@link NumericField}. */
export function isNumericField(value: unknown): value is NumericField {
  return typeof value === 'string' && NUMERIC_SET.has(value);
}

/** Whether `value` is a non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a query's `range`: finite epoch ms with `from <= to`. */
export function checkInterval(range: unknown, field = 'range'): Interval {
  if (!isRecord(range)) throw invalidQuery(field, 'must be an object { from, to }', range);
  const { from, to } = range;
  if (typeof from !== 'number' || !Number.isFinite(from)) {
    throw invalidQuery(`${field}.from`, 'must be a finite number of epoch milliseconds', from);
  }
  if (typeof to !== 'number' || !Number.isFinite(to)) {
    throw invalidQuery(`${field}.to`, 'must be a finite number of epoch milliseconds', to);
  }
  if (from > to) throw invalidQuery(`${field}.from`, `must not be after ${field}.to (${to})`, from);
  return { from, to };
}

/** Checks row filters: known dimensions mapped to arrays of strings or `null`. */
export function checkFilters(filters: unknown, field: string): EngineFilters | undefined {
  if (filters === undefined) return undefined;
  if (!isRecord(filters)) throw invalidQuery(field, 'must be an object of allow-lists', filters);
  const checked: Record<string, (string | null)[]> = {};
  for (const [dimension, allowed] of Object.entries(filters)) {
    if (allowed === undefined) continue;
    if (!isDimension(dimension)) {
      throw invalidQuery(`${field}.${dimension}`, 'is not a dimension', dimension);
    }
    if (!Array.isArray(allowed)) {
      throw invalidQuery(`${field}.${dimension}`, 'must be an array of strings or null', allowed);
    }
    for (let index = 0; index < allowed.length; index += 1) {
      const value: unknown = allowed[index];
      if (value !== null && typeof value !== 'string') {
        throw invalidQuery(`${field}.${dimension}[${index}]`, 'must be a string or null', value);
      }
    }
    checked[dimension] = allowed as (string | null)[];
  }
  return checked as EngineFilters;
}

/** Checks an optional non-negative integer such as `offset` or `limit`. */
export function checkCount(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalidQuery(field, 'must be a non-negative integer', value);
  }
  return value;
}

/** A canonical text for filters, so measures with equal `where` share their row set. */
export function filtersKey(filters: EngineFilters | undefined): string {
  if (filters === undefined) return '';
  const entries = Object.entries(filters)
    .filter(([, allowed]) => allowed !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
