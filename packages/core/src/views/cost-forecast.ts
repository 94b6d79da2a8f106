import type { ResolvedRange } from '../time/types.js';
import { budget } from './budget.js';
import type { ViewContext, ViewRequest } from './types.js';

/** The spend forecast: this week's spend, the month's projection and the weekly trend, in USD. */
export interface CostForecastResult {
  /** The resolved range: by default `this-month`, projected to the month's end. */
  range: ResolvedRange;
  /** Spend over the last 7 local days, today's partial day included. */
  weekUsd: number;
  /** Spend over the 7 days before those, up to the same time of day. */
  previousWeekUsd: number;
  /** `(weekUsd − previousWeekUsd) ÷ previousWeekUsd`; `null` when the previous week cost nothing. */
  weekOverWeek: number | null;
  /** Spend from the start of the month (or range) up to now. */
  monthToDateUsd: number;
  /** Average daily spend over the last 7 days. */
  dailyAverageUsd: number;
  /** Projected month total: month to date + daily average × local days left after today. */
  projectedMonthUsd: number;
  /** Events in the period with tokens but no known price, left out of every figure. */
  unpricedEvents: number;
}

/**
 * Forecasts spend: the last 7 days' cost, the projected total for the calendar month containing
 * now (or the given range), and the week-over-week change: {@link budget} with `measure: 'cost'`.
 *
 * @example
 * ```ts
 * const forecast = await costForecast({ engine, now });
 * forecast.projectedMonthUsd; // 1014.2
 * ```
 */
export async function costForecast(
  context: ViewContext,
  request: ViewRequest = {},
): Promise<CostForecastResult> {
  const result = await budget(context, {
    ...request,
    measure: 'cost',
    period: 'month',
    limit: null,
  });
  return {
    range: result.range,
    weekUsd: result.lastSevenDays,
    previousWeekUsd: result.previousSevenDays,
    weekOverWeek: result.weekOverWeek,
    monthToDateUsd: result.used,
    dailyAverageUsd: result.dailyAverage,
    projectedMonthUsd: result.projected,
    unpricedEvents: result.unpricedEvents,
  };
}
