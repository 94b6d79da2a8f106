import { addDays, addMonths, wallClockMs, weekdayOf, type CivilDate } from './civil-date.js';
import type { BucketSize } from './types.js';
import { instantOfWall } from './zone.js';
import { offsetMsAt, wallClockOf, type Zone } from './zone-data.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Length of each sub-day bucket size in minutes; every one divides a day. */
const STEP_MINUTES: Partial<Record<BucketSize, number>> = {
  '1m': 1,
  '5m': 5,
  '15m': 15,
  '30m': 30,
  '1h': 60,
  '2h': 120,
  '4h': 240,
  '6h': 360,
  '12h': 720,
};

/** A stretch of a local day with one UTC offset. */
interface Segment {
  start: number;
  end: number;
  offset: number;
}

/**
 * Bucket starts for `[from, to)`: `from` itself, then every later instant before `to` that
 * starts a bucket of `size` in local time. Returns `null` as soon as there would be more than
 * `limit`, so trying a size that is far too small stays cheap.
 */
export function gridBoundaries(
  from: number,
  to: number,
  zone: Zone,
  size: BucketSize,
  weekStartsOn: number,
  limit: number,
): number[] | null {
  if (from >= to) return [];
  const step = STEP_MINUTES[size];
  if (step !== undefined) {
    return zone.fixedOffsetMs === null
      ? zonedClockGrid(from, to, zone, step * MINUTE_MS, limit)
      : fixedClockGrid(from, to, zone.fixedOffsetMs, step * MINUTE_MS, limit);
  }
  return calendarGrid(from, to, zone, size, weekStartsOn, limit);
}

/** Sub-day buckets at a constant offset: plain arithmetic. */
function fixedClockGrid(
  from: number,
  to: number,
  offset: number,
  step: number,
  limit: number,
): number[] | null {
  const boundaries = [from];
  for (
    let time = (Math.floor((from + offset) / step) + 1) * step - offset;
    time < to;
    time += step
  ) {
    if (boundaries.length >= limit) return null;
    boundaries.push(time);
  }
  return boundaries;
}

/**
 * Sub-day buckets in a zone with DST: each local day is found with `Intl` once, split where
 * its offset changes (almost never), and within each stretch the wall-clock multiples of the
 * step are plain arithmetic. A wall time that happens twice starts a bucket both times; one
 * that never happens starts none; the day's first instant always starts one.
 */
function zonedClockGrid(
  from: number,
  to: number,
  zone: Zone,
  step: number,
  limit: number,
): number[] | null {
  const boundaries = [from];
  const first = wallClockOf(zone, from);
  let date: CivilDate = { year: first.year, month: first.month, day: first.day };
  let base = wallClockMs(date.year, date.month, date.day);
  let day = { start: instantOfWall(zone, base), offset: 0 };
  day.offset = offsetMsAt(zone, day.start);
  while (day.start < to) {
    const next = addDays(date, 1);
    const nextBase = wallClockMs(next.year, next.month, next.day);
    const following = nextDay(zone, nextBase, day.offset);
    const segments = following.steady
      ? [{ start: day.start, end: following.start, offset: day.offset }]
      : daySegments(zone, day.start, following.start);
    if (day.start > boundaries[boundaries.length - 1]) {
      if (boundaries.length >= limit) return null;
      boundaries.push(day.start);
    }
    for (const segment of segments) {
      const lower = Math.max(segment.start, boundaries[boundaries.length - 1] + 1);
      const upper = Math.min(segment.end, to);
      let time = Math.ceil((lower - base + segment.offset) / step) * step + base - segment.offset;
      for (; time < upper; time += step) {
        if (boundaries.length >= limit) return null;
        boundaries.push(time);
      }
    }
    date = next;
    base = nextBase;
    day = following;
  }
  return boundaries;
}

/**
 * The start of the local day whose midnight reads `nextBase` (as if UTC), given the offset the
 * previous day started with. When that offset still holds at the guessed midnight, the previous
 * day had no transition (`steady`) and one `Intl` call suffices; like {@link daySegments} this
 * takes an offset that changes and changes back within one day as no change.
 */
function nextDay(
  zone: Zone,
  nextBase: number,
  offset: number,
): { start: number; offset: number; steady: boolean } {
  const guess = nextBase - offset;
  if (offsetMsAt(zone, guess) === offset) {
    return { start: guess, offset, steady: true };
  }
  const start = instantOfWall(zone, nextBase);
  return { start, offset: offsetMsAt(zone, start), steady: false };
}

/**
 * The stretches of `[dayStart, nextStart)` with one offset each. The common day has one; a
 * transition day is split at the transition, found by bisection to the second (offsets change
 * on whole seconds). A day whose offset changes and changes back is taken as one stretch.
 */
function daySegments(zone: Zone, dayStart: number, nextStart: number): Segment[] {
  // A date skipped whole (Samoa, 2011-12-30) has no instants.
  if (nextStart <= dayStart) return [];
  const last = nextStart - 1;
  const endOffset = offsetMsAt(zone, last);
  const segments: Segment[] = [];
  let start = dayStart;
  let offset = offsetMsAt(zone, dayStart);
  for (let guard = 0; offset !== endOffset && guard < 4; guard += 1) {
    let low = start;
    let high = last;
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2);
      if (offsetMsAt(zone, middle) === offset) low = middle;
      else high = middle;
    }
    const transition = Math.floor(low / 1000) * 1000 + 1000;
    segments.push({ start, end: transition, offset });
    start = transition;
    offset = offsetMsAt(zone, transition);
  }
  segments.push({ start, end: nextStart, offset });
  return segments;
}

/** Day, week and month buckets: local day starts, filtered to the weekday or the 1st. */
function calendarGrid(
  from: number,
  to: number,
  zone: Zone,
  size: BucketSize,
  weekStartsOn: number,
  limit: number,
): number[] | null {
  const boundaries = [from];
  const clock = wallClockOf(zone, from);
  const today: CivilDate = { year: clock.year, month: clock.month, day: clock.day };
  let date: CivilDate;
  let advance: (date: CivilDate) => CivilDate;
  if (size === '1M') {
    date = addMonths({ ...today, day: 1 }, 1);
    advance = (current) => addMonths(current, 1);
  } else if (size === '1w') {
    date = addDays(today, (weekStartsOn - weekdayOf(today) + 7) % 7 || 7);
    advance = (current) => addDays(current, 7);
  } else {
    date = addDays(today, 1);
    advance = (current) => addDays(current, 1);
  }
  if (zone.fixedOffsetMs !== null && size !== '1M') {
    const stride = size === '1w' ? 7 * DAY_MS : DAY_MS;
    const start = wallClockMs(date.year, date.month, date.day) - zone.fixedOffsetMs;
    for (let time = start; time < to; time += stride) {
      if (boundaries.length >= limit) return null;
      boundaries.push(time);
    }
    return boundaries;
  }
  if (size === '1d') return zonedDayGrid(boundaries, date, to, zone, limit);
  for (
    let time = instantOfWall(zone, wallClockMs(date.year, date.month, date.day));
    time < to;
    date = advance(date), time = instantOfWall(zone, wallClockMs(date.year, date.month, date.day))
  ) {
    // A calendar date skipped whole by a zone change starts where the next one does.
    if (time <= boundaries[boundaries.length - 1]) continue;
    if (boundaries.length >= limit) return null;
    boundaries.push(time);
  }
  return boundaries;
}

/** Daily boundaries in a zone with DST, two `Intl` calls per ordinary day. */
function zonedDayGrid(
  boundaries: number[],
  first: CivilDate,
  to: number,
  zone: Zone,
  limit: number,
): number[] | null {
  let date = first;
  const start = instantOfWall(zone, wallClockMs(date.year, date.month, date.day));
  let day = { start, offset: offsetMsAt(zone, start) };
  while (day.start < to) {
    if (day.start > boundaries[boundaries.length - 1]) {
      if (boundaries.length >= limit) return null;
      boundaries.push(day.start);
    }
    date = addDays(date, 1);
    day = nextDay(zone, wallClockMs(date.year, date.month, date.day), day.offset);
  }
  return boundaries;
}
