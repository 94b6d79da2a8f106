import { sortedRows } from './sorted-rows.js';
import { describeValue, fieldError } from '../errors.js';
import type { Interval } from '../query.js';
import type { BudgetSetting } from '../settings.js';
import type { ResolvedRange } from '../time/types.js';
import { addLocalDays, fromLocal, localDayKey, localParts, startOfLocalDay } from '../time/zone.js';
import { NANOS_PER_USD, cellCount, ratio } from './aggregate-cells.js';
import { calendarPeriod } from './calendar-period.js';
import type { ViewContext, ViewRequest } from './types.js';
import { openView } from './view-scope.js';

/** Where a budget stands: `over` once used ≥ limit, `at-risk` when heading there. */
export type BudgetStatus = 'on-track' | 'at-risk' | 'over';

/** The shares of the limit whose crossing is reported (75 %, 90 %, 100 %). */
export const BUDGET_THRESHOLDS: readonly number[] = [0.75, 0.9, 1];

/** A budget is `at-risk` from this share of its limit on, even when the projection fits. */
export const AT_RISK_SHARE = 0.9;

/** The days the forecast's average daily use is taken over: the last 7 local days. */
export const FORECAST_DAYS = 7;

/** A view request for the budget and forecast; unset options come from `settings.budget`. */
export interface BudgetRequest extends ViewRequest {
  /** What is limited. @default settings.budget.measure, else 'credits' */
  measure?: BudgetSetting['measure'];
  /**
   * The limit in credits, or USD for `cost`; `null` for a forecast without a limit.
   * @default settings.budget.limit when its measure matches, else null
   */
  limit?: number | null;
  /**
   * The calendar period containing `now` (in the range's time zone) when no `range` preset or
   * bounds are given. A `this-month` or `this-week` range also means that whole calendar period;
   * any other range is taken as the period itself.
   * @default settings.budget.period, else 'month'
   */
  period?: BudgetSetting['period'];
}

/** One reporting threshold of the budget. */
export interface BudgetThreshold {
  /** Share of the limit, e.g. 0.75. */
  share: number;
  /** The amount it stands for (limit × share). */
  amount: number;
  /** Whether usage has reached it. */
  crossed: boolean;
  /** The local date (`YYYY-MM-DD`) on which cumulative usage reached it; `null` if not yet. */
  crossedOn: string | null;
}

/** One local day of the period so far. */
export interface BudgetDay {
  /** The local date, `YYYY-MM-DD`. */
  date: string;
  /** Usage that day. */
  used: number;
  /** Usage from the start of the period to the end of that day. */
  cumulative: number;
}

/** The budget and forecast view (DESIGN §5). Amounts are credits, or USD for `cost`. */
export interface BudgetResult {
  /** The resolved range (by default `this-month` or `this-week`). */
  range: ResolvedRange;
  /** What is measured. */
  measure: BudgetSetting['measure'];
  /** The budget period: `month` or `week` containing now, or `custom` for an explicit range. */
  period: Interval & { kind: BudgetSetting['period'] | 'custom' };
  /** Usage from the period's start up to now (or its end, if earlier). */
  used: number;
  /** The limit; `null` without one. */
  limit: number | null;
  /** `limit − used` (negative once over); `null` without a limit. */
  remaining: number | null;
  /** `used ÷ limit`; `null` without a limit. */
  share: number | null;
  /** The 75 / 90 / 100 % thresholds; empty without a limit. */
  thresholds: BudgetThreshold[];
  /**
   * Average daily use: usage over the last 7 local days ending with today (today's partial day
   * included) ÷ 7.
   */
  dailyAverage: number;
  /** Local days after today that still belong to the period. */
  daysLeft: number;
  /** Projected end-of-period usage: `used + dailyAverage × daysLeft`. */
  projected: number;
  /** `projected ÷ limit`; `null` without a limit. */
  projectedShare: number | null;
  /**
   * `over` when used ≥ limit; else `at-risk` when projected > limit or share ≥ 90 %; else
   * `on-track`. `null` without a limit.
   */
  status: BudgetStatus | null;
  /** Usage over the last 7 local days, today's partial day included. */
  lastSevenDays: number;
  /**
   * Usage over the 7 local days before those, up to the same time of day, so both windows
   * cover the same stretch of time.
   */
  previousSevenDays: number;
  /** `(lastSevenDays − previousSevenDays) ÷ previousSevenDays`; `null` when the latter is 0. */
  weekOverWeek: number | null;
  /** Each local day of the period up to today, with zeros for quiet days. */
  days: BudgetDay[];
  /** Events in the period with tokens but no known price, left out of a cost budget. */
  unpricedEvents: number;
}

/**
 * Budget and forecast: usage over the budget period against the limit, the thresholds crossed,
 * the end-of-period projection from the last 7 days' average, a status and the week-over-week
 * trend.
 *
 * @example
 * ```ts
 * const settings = { budget: { measure: 'credits', limit: 20_000, period: 'month' } } as const;
 * const result = await budget({ engine, now, settings });
 * result.status; // 'on-track'
 * ```
 */
export async function budget(
  context: ViewContext,
  request: BudgetRequest = {},
): Promise<BudgetResult> {
  const options = budgetOptions(request, context.settings?.budget);
  const { range, filters } = await openView(
    context,
    request,
    false,
    options.period === 'month' ? 'this-month' : 'this-week',
  );
  const { now } = context;
  const { tz } = range;
  const kind: BudgetResult['period']['kind'] =
    range.preset === 'this-month' ? 'month' : range.preset === 'this-week' ? 'week' : 'custom';
  // `this-month` and `this-week` may end at now; a budget needs the whole calendar period.
  const period =
    kind === 'custom'
      ? { from: range.from, to: range.to }
      : calendarPeriod(now, tz, kind, context.settings?.weekStartsOn ?? 1);
  const today = startOfLocalDay(now, tz);
  const currentStart = addLocalDays(today, -(FORECAST_DAYS - 1), tz);
  const previousStart = addLocalDays(today, -(2 * FORECAST_DAYS - 1), tz);
  const previousEnd = Math.min(sameTimeDaysBefore(now, FORECAST_DAYS, tz), currentStart);
  const usedTo = Math.min(period.to, now);
  const queryFrom = Math.min(startOfLocalDay(period.from, tz), previousStart);
  const boundaries = budgetBoundaries(queryFrom, now, tz, [period.from, period.to, previousEnd]);

  const result = await context.engine.aggregate({
    range: { from: queryFrom, to: now },
    filters,
    groupBy: [{ boundaries }],
    measures: [
      { op: 'sum', field: options.measure === 'cost' ? 'costNanos' : 'credits' },
      { op: 'count', where: { pricing: ['unpriced'] } },
    ],
  });

  // Costs are summed in integer nanodollars and turned into USD at the end.
  const scale = options.measure === 'cost' ? NANOS_PER_USD : 1;
  const daily = new Map<string, number>();
  let used = 0;
  let unpricedEvents = 0;
  let current = 0;
  let previous = 0;
  for (const row of sortedRows(result)) {
    const start = boundaries[Number(row.key[0])];
    const amount = cellCount(row.values[0]);
    if (start >= period.from && start < usedTo) {
      used += amount;
      unpricedEvents += cellCount(row.values[1]);
      const date = localDayKey(start, tz);
      daily.set(date, (daily.get(date) ?? 0) + amount);
    }
    if (start >= currentStart) current += amount;
    else if (start >= previousStart && start < previousEnd) previous += amount;
  }

  // A USD limit becomes whole nanodollars, like the costs it is compared with.
  const limit =
    options.limit === null ? null : scale === 1 ? options.limit : Math.round(options.limit * scale);
  const days = periodDays(period, usedTo, tz, daily);
  const dailyAverage = current / FORECAST_DAYS;
  const daysLeft = localDaysLeft(today, period, tz);
  const projected = used + dailyAverage * daysLeft;
  const share = limit === null ? null : used / limit;
  return {
    range,
    measure: options.measure,
    period: { ...period, kind },
    used: used / scale,
    limit: options.limit,
    remaining: limit === null ? null : (limit - used) / scale,
    share,
    thresholds: limit === null ? [] : thresholds(limit, used, days, scale),
    dailyAverage: dailyAverage / scale,
    daysLeft,
    projected: projected / scale,
    projectedShare: limit === null ? null : projected / limit,
    status: limit === null || share === null ? null : budgetStatus(used, projected, limit, share),
    lastSevenDays: current / scale,
    previousSevenDays: previous / scale,
    weekOverWeek: ratio(current - previous, previous),
    days: days.map((day) => ({
      ...day,
      used: day.used / scale,
      cumulative: day.cumulative / scale,
    })),
    unpricedEvents,
  };
}

function budgetOptions(request: BudgetRequest, setting: BudgetSetting | undefined) {
  const measure = request.measure ?? setting?.measure ?? 'credits';
  if (measure !== 'credits' && measure !== 'cost') {
    throw fieldError(
      'invalid_query',
      'measure',
      `must be 'credits' or 'cost' (got ${describeValue(measure)})`,
    );
  }
  const period = request.period ?? setting?.period ?? 'month';
  if (period !== 'month' && period !== 'week') {
    throw fieldError(
      'invalid_query',
      'period',
      `must be 'month' or 'week' (got ${describeValue(period)})`,
    );
  }
  const limit =
    request.limit !== undefined
      ? request.limit
      : setting !== undefined && (setting.measure ?? 'credits') === measure
        ? setting.limit
        : null;
  if (limit !== null && (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0)) {
    throw fieldError(
      'invalid_query',
      'limit',
      `must be a positive number or null (got ${describeValue(limit)})`,
    );
  }
  return { measure, period, limit };
}

/** The same local time of day `days` local days before `at` (a skipped time moves forward). */
function sameTimeDaysBefore(at: number, days: number, tz: string): number {
  const time = localParts(at, tz);
  const day = localParts(addLocalDays(at, -days, tz), tz);
  const subsecond = ((at % 1000) + 1000) % 1000;
  return (
    fromLocal(
      { year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute },
      tz,
    ) +
    time.second * 1000 +
    subsecond
  );
}

function budgetBoundaries(
  from: number,
  to: number,
  tz: string,
  extra: readonly number[],
): number[] {
  const points = new Set<number>();
  for (let day = 0, start = from; start < to; day += 1, start = addLocalDays(from, day, tz)) {
    points.add(start);
  }
  for (const point of extra) if (point > from && point < to) points.add(point);
  return [...points].sort((a, b) => a - b);
}

function periodDays(
  period: Interval,
  usedTo: number,
  tz: string,
  daily: Map<string, number>,
): BudgetDay[] {
  const days: BudgetDay[] = [];
  let cumulative = 0;
  const first = startOfLocalDay(period.from, tz);
  for (
    let index = 0, start = first;
    start < usedTo;
    index += 1, start = addLocalDays(first, index, tz)
  ) {
    const date = localDayKey(start, tz);
    const used = daily.get(date) ?? 0;
    cumulative += used;
    days.push({ date, used, cumulative });
  }
  return days;
}

function localDaysLeft(today: number, period: Interval, tz: string): number {
  const firstDay = startOfLocalDay(period.from, tz);
  let left = 0;
  for (
    let index = 1, start = addLocalDays(today, 1, tz);
    start < period.to;
    index += 1, start = addLocalDays(today, index, tz)
  ) {
    if (start >= firstDay) left += 1;
  }
  return left;
}

function thresholds(
  limit: number,
  used: number,
  days: readonly BudgetDay[],
  scale: number,
): BudgetThreshold[] {
  return BUDGET_THRESHOLDS.map((share) => {
    const amount = limit * share;
    const crossed = used >= amount;
    const day = crossed ? days.find((entry) => entry.cumulative >= amount) : undefined;
    return { share, amount: amount / scale, crossed, crossedOn: day?.date ?? null };
  });
}

function budgetStatus(used: number, projected: number, limit: number, share: number): BudgetStatus {
  if (used >= limit) return 'over';
  return projected > limit || share >= AT_RISK_SHARE ? 'at-risk' : 'on-track';
}
