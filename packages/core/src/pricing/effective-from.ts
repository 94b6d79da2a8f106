const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Parses a catalog entry's `effectiveFrom` to epoch milliseconds, or returns `undefined` when it
 * is not a real ISO-8601 date (`2024-10-01`) or date-time (`2024-10-01T12:00:00Z`). A date alone
 * means midnight UTC, and a date-time without an offset is read as UTC, so a catalog means the
 * same instant on every machine.
 *
 * @example
 * ```ts
 * parseEffectiveFrom('2024-10-01'); // Date.UTC(2024, 9, 1)
 * parseEffectiveFrom('2024-10-01T02:00+02:00'); // Date.UTC(2024, 9, 1)
 * ```
 */
export function parseEffectiveFrom(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', zone] = match;
  const parts = [year, month, day, hour, minute, second].map(Number);
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  const milliseconds = Number(fraction.padEnd(3, '0'));
  const local = Date.UTC(y, mo - 1, d, h, mi, s, milliseconds);
  const check = new Date(local);
  // Date.UTC rolls 2024-02-30 over to March and maps years 0-99 to 19xx; refuse both.
  const real =
    check.getUTCFullYear() === y &&
    check.getUTCMonth() === mo - 1 &&
    check.getUTCDate() === d &&
    h <= 23 &&
    mi <= 59 &&
    s <= 59;
  if (!real) return undefined;
  if (zone === undefined || zone === 'Z') return local;
  const offsetHours = Number(zone.slice(1, 3));
  const offsetMinutes = Number(zone.slice(4, 6));
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  return zone.startsWith('-') ? local + offset : local - offset;
}
