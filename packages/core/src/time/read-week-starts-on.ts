import { describeValue, fieldError } from '../errors.js';

/**
 * Reads a first day of the week, 1 = Monday … 7 = Sunday, defaulting to Monday.
 *
 * @throws TallyError naming `field` for anything else.
 */
export function readWeekStartsOn(value: unknown, field = 'weekStartsOn'): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 7) {
    throw fieldError(
      'invalid_query',
      field,
      `must be 1 (Monday) to 7 (Sunday) (got ${describeValue(value)})`,
    );
  }
  return value;
}
