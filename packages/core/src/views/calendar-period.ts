import { addLocalDays, fromLocal, localParts, startOfLocalDay } from '../time/zone.js';
import type { Interval } from '../query.js';

/** A calendar period a budget applies to. */
export type CalendarPeriodKind = 'month' | 'week';

/**
 * The local calendar month or week containing `at`, as a half-open interval from local
 * midnight to local midnight. Weeks start on `weekStartsOn` (1 = Monday … 7 = Sunday).
 *
 * @example
 * ```ts
 * calendarPeriod(Date.UTC(2026, 2, 15, 12), 'UTC', 'month');
 * // { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) }
 * ```
 */
export function calendarPeriod(
  at: number,
  tz: string,
  kind: CalendarPeriodKind,
  weekStartsOn = 1,
): Interval {
  if (kind === 'month') {
    const { year, month } = localParts(at, tz);
    return {
      from: fromLocal({ year, month, day: 1 }, tz),
      to: fromLocal(
        month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 },
        tz,
      ),
    };
  }
  const today = startOfLocalDay(at, tz);
  const offset = (((localParts(today, tz).weekday - weekStartsOn) % 7) + 7) % 7;
  const from = addLocalDays(today, -offset, tz);
  return { from, to: addLocalDays(from, 7, tz) };
}
