import { describeInput } from './describe-input.js';
import { MAX_TIMESTAMP_LENGTH, MAX_TIMESTAMP_MS } from './limits.js';

/** The outcome of {@link parseTimestamp}: epoch milliseconds, or why the value was refused. */
export type TimestampResult = { ok: true; ms: number } | { ok: false; reason: string };

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const EXAMPLE = 'like 2026-01-15T09:30:00Z or 2026-01-15T10:30:00+01:00';

/**
 * Reads an event timestamp: an ISO-8601 date-time with `Z` or a UTC offset, or epoch
 * milliseconds (a finite, non-negative number; a fraction is dropped). A date-time without a zone
 * is refused because the instant it names depends on where it was written.
 *
 * @example
 * ```ts
 * parseTimestamp('2026-01-15T10:30:00+01:00'); // { ok: true, ms: Date.UTC(2026, 0, 15, 9, 30) }
 * parseTimestamp('2026-01-15T10:30:00'); // { ok: false, reason: 'has no time zone ...' }
 * ```
 */
export function parseTimestamp(value: unknown): TimestampResult {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value === 'string') return fromIso(value);
  return {
    ok: false,
    reason: `must be an ISO-8601 date-time string or epoch milliseconds, got ${describeInput(value)}`,
  };
}

function fromEpoch(value: number): TimestampResult {
  if (!Number.isFinite(value)) {
    return { ok: false, reason: `must be a finite number of epoch milliseconds, got ${value}` };
  }
  if (value < 0) {
    return { ok: false, reason: `must not be before 1970-01-01T00:00:00Z, got ${value}` };
  }
  if (value > MAX_TIMESTAMP_MS) {
    return {
      ok: false,
      reason: `must be at most ${MAX_TIMESTAMP_MS} (the last valid date), got ${value}`,
    };
  }
  return { ok: true, ms: Math.floor(value) };
}

function fromIso(text: string): TimestampResult {
  if (text.length > MAX_TIMESTAMP_LENGTH) {
    return { ok: false, reason: `is too long for a timestamp (${text.length} characters)` };
  }
  const shown = describeInput(text);
  if (DATE_ONLY.test(text)) {
    return {
      ok: false,
      reason: `must include a time of day and a time zone, ${EXAMPLE}, got ${shown}`,
    };
  }
  const match = DATE_TIME.exec(text);
  if (!match) {
    return { ok: false, reason: `must be an ISO-8601 date-time ${EXAMPLE}, got ${shown}` };
  }
  const [, year, month, day, hour, minute, second = '0', fraction = '', zulu, sign, offsetHour] =
    match;
  const offsetMinute = match[11] ?? '0';
  if (zulu === undefined && sign === undefined) {
    return {
      ok: false,
      reason: `has no time zone, so the instant is ambiguous: add Z or an offset like +01:00, got ${shown}`,
    };
  }
  const parts = [year, month, day, hour, minute, second].map(Number);
  const [y, mo, d, h, mi, s] = parts;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    return { ok: false, reason: `is not a calendar date, got ${shown}` };
  }
  if (h > 23 || mi > 59 || s > 59) {
    return { ok: false, reason: `is not a valid time of day, got ${shown}` };
  }
  const offset = sign === undefined ? 0 : Number(offsetHour) * 60 + Number(offsetMinute);
  if (Number(offsetHour) > 23 || Number(offsetMinute) > 59) {
    return { ok: false, reason: `has an invalid UTC offset, got ${shown}` };
  }
  // Fractions finer than a millisecond are truncated, as Date.parse does.
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(y, mo - 1, d, h, mi, s, millis);
  const ms = local - (sign === '-' ? -offset : offset) * 60_000;
  if (y < 1970 || ms < 0) {
    return { ok: false, reason: `must not be before 1970-01-01T00:00:00Z, got ${shown}` };
  }
  return { ok: true, ms };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
