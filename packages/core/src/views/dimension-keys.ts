import { DIMENSIONS, type Dimension } from '../query.js';
import { fieldError, describeValue } from '../errors.js';

/**
 * The key events without a category are counted under, in every view that groups by category.
 * A category literally named `uncategorized` shares it, which means the same thing.
 */
export const UNCATEGORIZED = 'uncategorized';

/**
 * The key events without a value of another dimension (no agent, no model, no user, ...) are
 * counted under. A value literally named `unknown` shares it.
 */
export const UNKNOWN = 'unknown';

/**
 * The key of the row or series that sums everything outside the top N. A value literally named
 * `other` is folded into it rather than shown twice.
 */
export const OTHER = 'other';

/** A dimension a view groups by: an engine dimension, or `user` for `userId`. */
export type ViewDimension = Dimension | 'user';

/** The key a dimension's value is reported under: the value, or the missing-value key. */
export function groupKey(dimension: Dimension, value: string | number | null): string {
  if (value === null || value === '') return dimension === 'category' ? UNCATEGORIZED : UNKNOWN;
  return String(value);
}

/**
 * Reads a view's dimension option (`user` is an alias of `userId`).
 *
 * @throws {TallyError} `invalid_query` naming `field` when it is not a dimension.
 */
export function readDimension(value: unknown, field: string): Dimension {
  if (value === 'user') return 'userId';
  if (typeof value === 'string' && (DIMENSIONS as readonly string[]).includes(value)) {
    return value as Dimension;
  }
  throw fieldError(
    'invalid_query',
    field,
    `must be a dimension such as category, name, model or user (got ${describeValue(value)})`,
  );
}
