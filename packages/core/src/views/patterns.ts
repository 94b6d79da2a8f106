import type { Measure } from '../query.js';
import { hourBoundaries } from '../time/buckets.js';
import type { ResolvedRange } from '../time/types.js';
import { addLocalDays, localDayKey, localParts, startOfLocalDay } from '../time/zone.js';
import { cellCount, ratio } from './aggregate-cells.js';
import type { ViewContext, ViewRequest } from './types.js';
import { openView } from './view-scope.js';

/**
 * Peak hours: weekdays (Monday–Friday) from 09:00 up to 18:00 local time. Other weekday hours
 * are off-peak; Saturday and Sunday are the weekend.
 */
export const PEAK_HOURS = { firstHour: 9, endHour: 18 } as const;

/** Events and credits in one slice of time. */
export interface UsageCount {
  /** Events. */
  events: number;
  /** Credits charged. */
  credits: number;
}

/** The busiest local calendar day. */
export interface PeakDay extends UsageCount {
  /** The local date, `YYYY-MM-DD`. */
  date: string;
}

/** One hour of the day (local), over every day of the range. */
export interface HourOfDayUsage extends UsageCount {
  /** Local hour, 0–23. */
  hour: number;
}

/** One weekday (local), over every week of the range. */
export interface WeekdayUsage extends UsageCount {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
}

/** One calendar week of the range. */
export interface WeekUsage extends UsageCount {
  /** Start of the local week (on `settings.weekStartsOn`), epoch ms; may precede the range. */
  start: number;
}

/** Latency over a class of hours. */
export interface PeriodLatency {
  /** Events in these hours. */
  events: number;
  /** Events that report a latency. */
  latencyEvents: number;
  /** Mean latency, ms (sum ÷ count over all their hours); `null` without latencies. */
  averageLatencyMs: number | null;
}

/** Latency in one hour of the day (local), over every day of the range. */
export interface HourOfDayLatency {
  /** Local hour, 0–23. */
  hour: number;
  /** Events in this hour that report a latency. */
  latencyEvents: number;
  /** Mean latency, ms (sum ÷ count over every day's such hour); `null` without latencies. */
  averageLatencyMs: number | null;
}

/** Usage patterns over the range (DESIGN §5), all in the range's time zone. */
export interface PatternsResult {
  /** The resolved range. */
  range: ResolvedRange;
  /** The local day with the most events (ties: the earliest); `null` without events. */
  peakDay: PeakDay | null;
  /** The hour of day with the most events (ties: the earliest); `null` without events. */
  peakHour: HourOfDayUsage | null;
  /** Seven entries, Monday (1) to Sunday (7). */
  byWeekday: WeekdayUsage[];
  /** Twenty-four entries, hour 0 to 23. */
  byHour: HourOfDayUsage[];
  /** Twenty-four entries, hour 0 to 23: the response time by local hour of day. */
  latencyByHour: HourOfDayLatency[];
  /** Weekdays with events, most events first (ties: Monday first). */
  mostActiveWeekdays: number[];
  /** Latency at peak hours, off-peak weekday hours and weekends (see {@link PEAK_HOURS}). */
  latency: { peak: PeriodLatency; offPeak: PeriodLatency; weekend: PeriodLatency };
  /** Every calendar week touching the range, oldest first, with zeros for quiet weeks. */
  weeks: WeekUsage[];
}

const MEASURES: readonly Measure[] = [
  { op: 'count' },
  { op: 'sum', field: 'credits' },
  { op: 'sum', field: 'latencyMs' },
  { op: 'count', field: 'latencyMs' },
];

/**
 * When usage happens: the peak day and hour, events by weekday and by hour of day, the most
 * active weekdays, the average latency by hour of day and at peak vs off-peak vs weekend hours,
 * and week-by-week totals. Only means are given per hour: they add up across the hourly
 * buckets the engine returns, where percentiles would not. The
 * engine only groups by hourly buckets; core maps each bucket to its local hour and weekday.
 *
 * @example
 * ```ts
 * const result = await patterns({ engine, now }, { range: { preset: '30d', tz: 'Europe/Paris' } });
 * result.peakHour; // { hour: 14, events: 310, credits: 402 }
 * ```
 */
export async function patterns(
  context: ViewContext,
  request: ViewRequest = {},
): Promise<PatternsResult> {
  const { range, filters } = await openView(context, request);
  const { tz } = range;
  const byWeekday = Array.from({ length: 7 }, (_, index) => ({ weekday: index + 1, ...zero() }));
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, ...zero() }));
  const hourLatency = Array.from({ length: 24 }, () => latencyZero());
  const latencyTotals = { peak: latencyZero(), offPeak: latencyZero(), weekend: latencyZero() };
  const weeks = weeksOf(range, context.settings?.weekStartsOn ?? 1);
  const days = new Map<string, UsageCount>();

  if (range.from < range.to) {
    const boundaries = hourBoundaries({ from: range.from, to: range.to, tz });
    const result = await context.engine.aggregate({
      range: { from: range.from, to: range.to },
      filters,
      groupBy: [{ boundaries }],
      measures: MEASURES,
    });
    const buckets = result.rows
      .map((row) => ({ start: boundaries[Number(row.key[0])], values: row.values }))
      .sort((a, b) => a.start - b.start);
    let week = 0;
    for (const bucket of buckets) {
      const events = cellCount(bucket.values[0]);
      const credits = cellCount(bucket.values[1]);
      const parts = localParts(bucket.start, tz);
      add(byWeekday[parts.weekday - 1], events, credits);
      add(byHour[parts.hour], events, credits);
      const dayKey = localDayKey(bucket.start, tz);
      add(days.get(dayKey) ?? setDefault(days, dayKey), events, credits);
      while (week + 1 < weeks.length && weeks[week + 1].start <= bucket.start) week += 1;
      if (weeks.length > 0) add(weeks[week], events, credits);
      for (const latency of [
        latencyTotals[hourClass(parts.weekday, parts.hour)],
        hourLatency[parts.hour],
      ]) {
        latency.events += events;
        latency.sum += cellCount(bucket.values[2]);
        latency.latencyEvents += cellCount(bucket.values[3]);
      }
    }
  }

  return {
    range,
    peakDay: peakDay(days),
    peakHour: byHour.reduce<HourOfDayUsage | null>(
      (best, hour) => (hour.events > (best?.events ?? 0) ? hour : best),
      null,
    ),
    byWeekday,
    byHour,
    latencyByHour: hourLatency.map((totals, hour) => {
      const { latencyEvents, averageLatencyMs } = periodLatency(totals);
      return { hour, latencyEvents, averageLatencyMs };
    }),
    mostActiveWeekdays: byWeekday
      .filter((day) => day.events > 0)
      .sort((a, b) => b.events - a.events || a.weekday - b.weekday)
      .map((day) => day.weekday),
    latency: {
      peak: periodLatency(latencyTotals.peak),
      offPeak: periodLatency(latencyTotals.offPeak),
      weekend: periodLatency(latencyTotals.weekend),
    },
    weeks,
  };
}

function hourClass(weekday: number, hour: number): 'peak' | 'offPeak' | 'weekend' {
  if (weekday >= 6) return 'weekend';
  return hour >= PEAK_HOURS.firstHour && hour < PEAK_HOURS.endHour ? 'peak' : 'offPeak';
}

function weeksOf(range: ResolvedRange, weekStartsOn: number): WeekUsage[] {
  if (range.from >= range.to) return [];
  const dayStart = startOfLocalDay(range.from, range.tz);
  const offset = (((localParts(dayStart, range.tz).weekday - weekStartsOn) % 7) + 7) % 7;
  const weeks: WeekUsage[] = [];
  for (
    let start = addLocalDays(dayStart, -offset, range.tz);
    start < range.to;
    start = addLocalDays(start, 7, range.tz)
  ) {
    weeks.push({ start, ...zero() });
  }
  return weeks;
}

function peakDay(days: Map<string, UsageCount>): PeakDay | null {
  let best: PeakDay | null = null;
  for (const [date, usage] of days) {
    if (usage.events === 0) continue;
    if (
      best === null ||
      usage.events > best.events ||
      (usage.events === best.events && date < best.date)
    ) {
      best = { date, ...usage };
    }
  }
  return best;
}

function periodLatency(totals: ReturnType<typeof latencyZero>): PeriodLatency {
  return {
    events: totals.events,
    latencyEvents: totals.latencyEvents,
    averageLatencyMs: ratio(totals.sum, totals.latencyEvents),
  };
}

function zero(): UsageCount {
  return { events: 0, credits: 0 };
}

function latencyZero() {
  return { events: 0, latencyEvents: 0, sum: 0 };
}

function add(target: UsageCount, events: number, credits: number): void {
  target.events += events;
  target.credits += credits;
}

function setDefault(days: Map<string, UsageCount>, key: string): UsageCount {
  const usage = zero();
  days.set(key, usage);
  return usage;
}
