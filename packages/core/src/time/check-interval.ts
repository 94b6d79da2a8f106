import { describeValue, fieldError, TallyError } from '../errors.js';
import { zoneOf, type Zone } from './zone-data.js';

// Date's limit is ±8.64e15 ms; the margin leaves room to look a day either side.
const LIMIT_MS = 8.6e15;

/** An interval with its zone validated, as the bucket and window helpers use it. */
export interface CheckedInterval {
  from: number;
  to: number;
  zone: Zone;
}

/**
 * Validates a `[from, to)` interval in a time zone: finite epoch ms with `from <= to` (an empty
 * interval is allowed) and a known zone.
 *
 * @throws TallyError naming `range.from`, `range.to` or `tz`.
 */
export function checkInterval(range: unknown, tz?: unknown): CheckedInterval {
  if (typeof range !== 'object' || range === null) {
    throw new TallyError(
      `range: must be an object with from and to (got ${describeValue(range)})`,
      {
        code: 'invalid_range',
        field: 'range',
      },
    );
  }
  const { from, to } = range as { from?: unknown; to?: unknown };
  const zone = zoneOf(tz ?? (range as { tz?: unknown }).tz, 'tz');
  for (const [field, value] of [
    ['range.from', from],
    ['range.to', to],
  ] as const) {
    if (typeof value !== 'number' || !(Math.abs(value) <= LIMIT_MS)) {
      throw fieldError(
        'invalid_range',
        field,
        `must be a finite number of epoch milliseconds (got ${describeValue(value)})`,
      );
    }
  }
  if ((from as number) > (to as number)) {
    throw fieldError(
      'invalid_range',
      'range.from',
      `must not be after range.to (got ${describeValue(from)} > ${describeValue(to)})`,
    );
  }
  return { from: from as number, to: to as number, zone };
}
