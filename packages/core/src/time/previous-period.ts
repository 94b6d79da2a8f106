import { dayNumber, wallClockMs } from './civil-date.js';
import { clampToFloor } from './clamp-to-floor.js';
import { checkInterval } from './check-interval.js';
import type { ResolvedRange } from './types.js';
import { instantOfWall, startOfLocalDay } from './zone.js';
import { wallClockOf, type Zone } from './zone-data.js';

/**
 * The period a stat is compared with (DESIGN §4): the range of equal length that ends where
 * this one starts, clamped to the same data floor (`preset: 'custom'`).
 *
 * Length is measured on the requested (unclamped) range. When both of its ends are local day
 * starts, length means local calendar days, so the previous period also starts at a local
 * midnight: the period before 2026-03-05 … 2026-03-11 in New York is 2026-02-26 … 2026-03-04,
 * seven days although one of the current ones has 23 hours. Otherwise the length is in ms.
 * Calendar presets are not special: the previous period of `month:2026-03` is the 31 days
 * before March 1st (2026-01-29 … 2026-02-28), not February.
 *
 * @example
 * ```ts
 * const current = resolveRange({ preset: '7d' }, { now });
 * previousPeriod(current); // the 7 local days before them
 * ```
 */
export function previousPeriod(range: ResolvedRange): ResolvedRange {
  const requested = range.requested ?? { from: range.from, to: range.to };
  const { from, to, zone } = checkInterval(requested, range.tz);
  const start =
    isDayStart(from, zone) && isDayStart(to, zone)
      ? dayStartBefore(from, localDay(to, zone) - localDay(from, zone), zone)
      : from - (to - from);
  const previous = { from: start, to: from };
  const clamped = clampToFloor(previous, range.floor ?? null);
  return {
    from: clamped.from,
    to: clamped.to,
    tz: zone.name,
    preset: 'custom',
    clamped: clamped.clamped,
    floor: range.floor ?? null,
    requested: previous,
  };
}

function isDayStart(ms: number, zone: Zone): boolean {
  return startOfLocalDay(ms, zone.name) === ms;
}

function localDay(ms: number, zone: Zone): number {
  return dayNumber(wallClockOf(zone, ms));
}

function dayStartBefore(ms: number, days: number, zone: Zone): number {
  const clock = wallClockOf(zone, ms);
  return instantOfWall(zone, wallClockMs(clock.year, clock.month, clock.day - days));
}
