import { describeValue, fieldError } from '../errors.js';
import { addDays, parseIsoDate, wallClockMs } from './civil-date.js';
import { instantOfWall } from './zone.js';
import type { Zone } from './zone-data.js';

/** Earliest instant a range may touch: 1900-01-01T00:00Z. */
export const EARLIEST_MS = Date.UTC(1900, 0, 1);
/** First instant a range may not reach: 10000-01-01T00:00Z. */
export const LATEST_MS = Date.UTC(10000, 0, 1);

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;
const EXAMPLES = 'like 2026-03-01, 2026-03-01T09:30 or 2026-03-01T09:30:00Z';

/**
 * Reads one end of a custom range: epoch ms, or ISO-8601. A date-only `YYYY-MM-DD` is local
 * midnight in the zone for `from`, and the end of that day (the next local midnight) for `to`,
 * so `from` and `to` both `2026-03-01` is that whole day. A date-time with `Z` or an offset is
 * that instant; one without is a local wall time in the zone (a skipped time moves forward).
 *
 * @throws TallyError naming `field` (`range.from` or `range.to`).
 */
export function parseRangeValue(value: unknown, zone: Zone, field: string, isEnd: boolean): number {
  let ms: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw fieldError(
        'invalid_range',
        field,
        `must be a finite number of epoch milliseconds (got ${describeValue(value)})`,
      );
    }
    ms = Math.floor(value);
  } else if (typeof value === 'string') {
    ms = parseIso(value.trim(), zone, field, isEnd);
  } else {
    throw fieldError(
      'invalid_range',
      field,
      `must be epoch milliseconds or an ISO-8601 date or date-time, ${EXAMPLES} (got ${describeValue(value)})`,
    );
  }
  return checkBounds(ms, field, value);
}

/** Refuses instants outside the years 1900–9999, where zone data and formatting are sound. */
export function checkBounds(ms: number, field: string, shown: unknown = ms): number {
  if (!(ms >= EARLIEST_MS && ms < LATEST_MS)) {
    throw fieldError(
      'invalid_range',
      field,
      `must be between 1900-01-01 and 9999-12-31 (got ${describeValue(shown)})`,
    );
  }
  return ms;
}

function parseIso(text: string, zone: Zone, field: string, isEnd: boolean): number {
  const date = parseIsoDate(text);
  if (date !== null) {
    const day = isEnd ? addDays(date, 1) : date;
    return instantOfWall(zone, wallClockMs(day.year, day.month, day.day));
  }
  const match = DATE_TIME.exec(text);
  const calendar = match === null ? null : parseIsoDate(`${match[1]}-${match[2]}-${match[3]}`);
  if (match === null || calendar === null) {
    throw fieldError(
      'invalid_range',
      field,
      `must be epoch milliseconds or an ISO-8601 date or date-time, ${EXAMPLES} (got ${describeValue(text)})`,
    );
  }
  const [hour, minute, second] = [match[4], match[5], match[6] ?? '0'].map(Number);
  const offsetHour = Number(match[10] ?? '0');
  const offsetMinute = Number(match[11] ?? '0');
  if (hour > 23 || minute > 59 || second > 59 || offsetHour > 23 || offsetMinute > 59) {
    throw fieldError(
      'invalid_range',
      field,
      `has an invalid time of day or UTC offset (got ${describeValue(text)})`,
    );
  }
  // Finer than a millisecond is truncated, as Date.parse does.
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const wall = wallClockMs(calendar.year, calendar.month, calendar.day, hour, minute, second);
  if (match[8] !== undefined) return wall + millis;
  if (match[9] !== undefined) {
    const offset = (offsetHour * 60 + offsetMinute) * 60_000;
    return wall + millis - (match[9] === '-' ? -offset : offset);
  }
  return instantOfWall(zone, wall) + millis;
}
