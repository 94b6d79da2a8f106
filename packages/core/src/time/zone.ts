import { describeValue, fieldError } from '../errors.js';
import { formatIsoDate, parseIsoDate, wallClockMs, weekdayOf } from './civil-date.js';
import type { LocalDateTime, LocalParts } from './types.js';
import { offsetMsAt, wallClockOf, zoneOf, type Zone } from './zone-data.js';

const DAY_MS = 86_400_000;
const LIMIT_MS = 8.6e15;

/**
 * Checks that `tz` is an IANA time zone the runtime knows and returns its canonical name (as
 * `Intl.DateTimeFormat#resolvedOptions` spells it, so `america/new_york` → `America/New_York`).
 *
 * @throws TallyError `tz: unknown time zone "Mars/Base"`, naming `field`.
 * @example
 * ```ts
 * assertTimeZone('europe/paris'); // 'Europe/Paris'
 * ```
 */
export function assertTimeZone(tz: unknown, field = 'tz'): string {
  return zoneOf(tz, field).name;
}

/**
 * The local calendar fields of an instant in a time zone. One `Intl.DateTimeFormat` is cached
 * per zone; `UTC` and `Etc/GMT±N` skip `Intl` entirely.
 *
 * @example
 * ```ts
 * localParts(Date.UTC(2026, 2, 8, 7), 'America/New_York');
 * // { year: 2026, month: 3, day: 8, hour: 3, minute: 0, second: 0, weekday: 7 }
 * ```
 */
export function localParts(ms: number, tz: string): LocalParts {
  const clock = wallClockOf(zoneOf(tz), finite(ms));
  return { ...clock, weekday: weekdayOf(clock) };
}

/** The zone's offset from UTC at an instant, in minutes (local = UTC + offset; New York is −300 or −240). */
export function offsetMinutes(ms: number, tz: string): number {
  return offsetMsAt(zoneOf(tz), finite(ms)) / 60_000;
}

/**
 * The instant a local wall-clock reading names in a time zone. Fields roll over like
 * `Date.UTC` (day 32 is the next month, hour 24 the next day). A reading that does not exist
 * (skipped by a spring-forward gap) moves forward by the gap, so 02:30 on New York's
 * spring-forward day is 03:30 EDT; one that happens twice (fall-back) takes the earlier instant.
 *
 * @example
 * ```ts
 * fromLocal({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York');
 * // Date.UTC(2026, 10, 1, 5, 30): 01:30 EDT, the first of the two
 * ```
 */
export function fromLocal(local: LocalDateTime, tz: string): number {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = local;
  for (const [name, value] of Object.entries({ year, month, day, hour, minute, second })) {
    if (!Number.isFinite(value)) {
      throw fieldError(
        'invalid_time',
        name,
        `must be a finite number (got ${describeValue(value)})`,
      );
    }
  }
  return instantOfWall(zoneOf(tz), wallClockMs(year, month, day, hour, minute, second));
}

/**
 * Start of the local day holding `ms`: local midnight, or the first instant of the day when
 * midnight itself falls in a DST gap.
 */
export function startOfLocalDay(ms: number, tz: string): number {
  const zone = zoneOf(tz);
  finite(ms);
  if (zone.fixedOffsetMs !== null) {
    return Math.floor((ms + zone.fixedOffsetMs) / DAY_MS) * DAY_MS - zone.fixedOffsetMs;
  }
  const clock = wallClockOf(zone, ms);
  return instantOfWall(zone, wallClockMs(clock.year, clock.month, clock.day));
}

/**
 * Start of the local day `days` after the local day holding `ms` (before it when negative).
 * Days are calendar days, so across DST the result is 23 or 25 hours from the previous one.
 *
 * @example
 * ```ts
 * addLocalDays(Date.UTC(2026, 2, 7, 15), 1, 'America/New_York'); // Date.UTC(2026, 2, 8, 5)
 * ```
 */
export function addLocalDays(ms: number, days: number, tz: string): number {
  if (!Number.isInteger(days)) {
    throw fieldError('invalid_time', 'days', `must be a whole number (got ${describeValue(days)})`);
  }
  const zone = zoneOf(tz);
  if (zone.fixedOffsetMs !== null) return startOfLocalDay(ms, tz) + days * DAY_MS;
  const clock = wallClockOf(zone, finite(ms));
  return instantOfWall(zone, wallClockMs(clock.year, clock.month, clock.day + days));
}

/** The local calendar date of an instant as `YYYY-MM-DD`, e.g. for keying days. */
export function localDayKey(ms: number, tz: string): string {
  return formatIsoDate(wallClockOf(zoneOf(tz), finite(ms)));
}

/**
 * The start (local midnight) of a `YYYY-MM-DD` date in a time zone.
 *
 * @throws TallyError naming `field` when the text is not a calendar date.
 * @example
 * ```ts
 * parseLocalDate('2026-03-01', 'Europe/Paris', 'settings.dataFloor'); // Date.UTC(2026, 1, 28, 23)
 * ```
 */
export function parseLocalDate(text: unknown, tz: string, field = 'date'): number {
  const date = typeof text === 'string' ? parseIsoDate(text) : null;
  if (date === null) {
    throw fieldError(
      'invalid_date',
      field,
      `must be a calendar date like 2026-03-01 (got ${describeValue(text)})`,
    );
  }
  return instantOfWall(zoneOf(tz), wallClockMs(date.year, date.month, date.day));
}

/**
 * The instant of a wall-clock reading (given as ms-as-if-UTC). The offsets a day either side
 * bracket any single transition near the reading; both candidates are checked, the earlier
 * valid one wins, and when neither is valid the reading is in a gap and the pre-gap offset
 * carries it forward by the gap's length.
 */
export function instantOfWall(zone: Zone, wall: number): number {
  finite(wall);
  if (zone.fixedOffsetMs !== null) return wall - zone.fixedOffsetMs;
  const before = offsetMsAt(zone, wall - DAY_MS);
  const after = offsetMsAt(zone, wall + DAY_MS);
  const guess = offsetMsAt(zone, wall - before);
  if (before === after && guess === before) return wall - before;
  let best = Number.POSITIVE_INFINITY;
  for (const offset of new Set([before, after, guess])) {
    const instant = wall - offset;
    if (instant < best && offsetMsAt(zone, instant) === offset) best = instant;
  }
  return best === Number.POSITIVE_INFINITY ? wall - before : best;
}

function finite(ms: number): number {
  // Date's own limit is ±8.64e15; the margin leaves room to look a day either side.
  if (!(Math.abs(ms) <= LIMIT_MS)) {
    throw fieldError(
      'invalid_time',
      'time',
      `must be epoch milliseconds within ±${LIMIT_MS} (got ${describeValue(ms)})`,
    );
  }
  return ms;
}
