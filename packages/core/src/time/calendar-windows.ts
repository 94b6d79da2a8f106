import type { Interval } from '../query.js';
import { checkInterval } from './check-interval.js';
import { addLocalDays, startOfLocalDay } from './zone.js';

/** The DAU, WAU and MAU windows of a range. */
export interface CalendarWindows {
  /** The range's last local day. */
  dau: Interval;
  /** The 7 local days ending with it. */
  wau: Interval;
  /** The 30 local days ending with it. */
  mau: Interval;
}

/**
 * The windows DAU, WAU and MAU count distinct users over (DESIGN §5): the 1, 7 and 30 whole
 * local calendar days ending with the range's last day, the day holding `to − 1 ms`. They end
 * at that day's end even when `to` is earlier in the day, reach back before `from` when the
 * range is shorter, and are not clamped to a data floor (callers do that). An empty range
 * `[x, x)` still has a last day: the one holding `x − 1 ms`.
 *
 * @param tz the zone of the days; defaults to `range.tz`.
 * @throws TallyError for an invalid range.
 * @example
 * ```ts
 * dauWindows({ from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 2, 31), tz: 'UTC' });
 * // dau: [Mar 30, Mar 31), wau: [Mar 24, Mar 31), mau: [Mar 1, Mar 31)
 * ```
 */
export function dauWindows(range: Interval & { tz?: string }, tz?: string): CalendarWindows {
  const { to, zone } = checkInterval(range, tz ?? range.tz);
  const lastDay = startOfLocalDay(to - 1, zone.name);
  const end = addLocalDays(lastDay, 1, zone.name);
  return {
    dau: { from: lastDay, to: end },
    wau: { from: addLocalDays(lastDay, -6, zone.name), to: end },
    mau: { from: addLocalDays(lastDay, -29, zone.name), to: end },
  };
}
