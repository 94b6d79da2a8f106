import { describeValue, fieldError } from '../errors.js';
import type { EngineFilters, Measure } from '../query.js';
import { dayBoundaries } from '../time/buckets.js';
import { dauWindows } from '../time/calendar-windows.js';
import { previousPeriod } from '../time/previous-period.js';
import { startOfLocalDay } from '../time/zone.js';
import type { ResolvedRange } from '../time/types.js';
import { distinctUsersInWindows } from './distinct-users-in-windows.js';
import { mergeFilters } from './filters.js';
import {
  STAT_DEFINITIONS,
  STAT_KEYS,
  STAT_MEASURES,
  type PeriodFigures,
  type StatKey,
  type StatMeasureId,
} from './stat-definitions.js';
import { numberOf, numberOrNull } from './sorted-rows.js';
import type { ViewContext, ViewRequest } from './types.js';
import { sessionGap } from './sessions.js';
import { openView } from './view-scope.js';

export { STAT_KEYS, type StatKey } from './stat-definitions.js';

/** One stat card: this period's value, the previous period's, and the change. */
export interface Stat {
  /** The value over the range; `null` when undefined (a rate or latency over no events). */
  value: number | null;
  /** The value over the previous period; `null` when undefined or before the data floor. */
  previous: number | null;
  /** `(value − previous) / |previous|`; `null` when either is `null` or `previous` is 0. */
  change: number | null;
  /** `value − previous`; `null` when either is `null`. */
  delta: number | null;
  /**
   * The direction in which this stat improves (`up` for requests, `down` for error rate and
   * cost per event), or `null` when neither is better (tokens, spend).
   */
  better: 'up' | 'down' | null;
}

/** Distinct active users on one local day. */
export interface DauPoint {
  /** The local midnight that starts the day, epoch ms. */
  day: number;
  /** Distinct users with user-attributed events that day (within the range). */
  dau: number;
}

/** Options of {@link stats}. */
export interface StatsRequest extends ViewRequest {
  /** Which stats to compute; fewer stats can mean fewer queries. @default every stat */
  stats?: readonly StatKey[];
  /** Also return the DAU per local day of the range. @default false */
  dauTrend?: boolean;
  /** A gap between a user's events longer than this starts a new session. @default 1800000 */
  sessionGapMs?: number;
}

/** The stats view's answer. */
export interface StatsResult {
  /** The range the answer covers, after clamping to the data floor. */
  range: ResolvedRange;
  /** The previous period the changes compare with (equal length, ending where `range` starts). */
  previousRange: ResolvedRange;
  /** The requested stats. */
  stats: Partial<Record<StatKey, Stat>>;
  /** DAU per local day of the range, when `dauTrend` was asked for. */
  dauTrend?: DauPoint[];
}

/**
 * The stat cards of DESIGN §5, each with the previous period's value and the change. All chosen
 * stats of one period come from one aggregate query; sessions and the DAU / WAU / MAU windows
 * are queried only when a chosen stat needs them.
 *
 * Active users and DAU / WAU / MAU count users of user-attributed events; sessions are cut from
 * every event with a user, as the sessions view does. DAU / WAU / MAU are the distinct users in
 * the 1 / 7 / 30 local days ending with the range's last day, not in the range itself; days
 * before the data floor hold no data.
 *
 * @example
 * ```ts
 * const { stats: cards } = await stats(context, { stats: ['requests', 'errorRate'] });
 * cards.requests; // { value: 120, previous: 100, change: 0.2, delta: 20, better: 'up' }
 * ```
 */
export async function stats(
  context: ViewContext,
  request: StatsRequest = {},
): Promise<StatsResult> {
  const keys = readStatKeys(request.stats);
  const gapMs = sessionGap(request.sessionGapMs, 'sessionGapMs');
  const { range, filters } = await openView(context, request);
  const previousRange = previousPeriod(range);
  const userFilters = mergeFilters(filters, { actor: ['user'] });

  const definitions = keys.map((key) => STAT_DEFINITIONS[key]);
  const measureIds = [...new Set(definitions.flatMap((definition) => definition.measures))];
  const needSessions = definitions.some((definition) => definition.sessions === true);
  const needWindows = definitions.some((definition) => definition.windows === true);

  const periods = [range, previousRange];
  const [current, previous, windows, trend] = await Promise.all([
    periodFigures(context, range, filters, measureIds, needSessions, gapMs),
    isEmpty(previousRange)
      ? null
      : periodFigures(context, previousRange, filters, measureIds, needSessions, gapMs),
    needWindows ? windowFigures(context, periods, userFilters) : null,
    request.dauTrend === true ? dailyActiveUsers(context, range, userFilters) : undefined,
  ]);
  current.windows = windows?.[0] ?? null;
  if (previous !== null) previous.windows = windows?.[1] ?? null;

  const result: StatsResult = { range, previousRange, stats: {} };
  for (const key of keys) {
    const definition = STAT_DEFINITIONS[key];
    const value = definition.compute(current);
    const before = previous === null ? null : definition.compute(previous);
    const delta = value === null || before === null ? null : value - before;
    const change =
      delta === null || before === 0 || definition.relative === false
        ? null
        : delta / Math.abs(before as number);
    result.stats[key] = { value, previous: before, change, delta, better: definition.better };
  }
  if (trend !== undefined) result.dauTrend = trend;
  return result;
}

async function periodFigures(
  context: ViewContext,
  range: ResolvedRange,
  filters: EngineFilters,
  measureIds: readonly StatMeasureId[],
  needSessions: boolean,
  gapMs: number,
): Promise<PeriodFigures> {
  const interval = { from: range.from, to: range.to };
  const [aggregate, sessions] = await Promise.all([
    measureIds.length === 0
      ? undefined
      : context.engine.aggregate({
          range: interval,
          filters,
          measures: measureIds.map((id): Measure => STAT_MEASURES[id]),
        }),
    needSessions ? context.engine.sessions({ range: interval, filters, gapMs }) : undefined,
  ]);
  const figures: PeriodFigures = { measures: {}, sessions: null, windows: null };
  const values = aggregate?.rows[0]?.values ?? [];
  measureIds.forEach((id, index) => {
    figures.measures[id] = numberOrNull(values[index]);
  });
  if (sessions !== undefined) {
    let totalDurationMs = 0;
    let events = 0;
    for (const session of sessions) {
      totalDurationMs += session.end - session.start;
      events += session.events;
    }
    figures.sessions = { count: sessions.length, totalDurationMs, events };
  }
  return figures;
}

async function windowFigures(
  context: ViewContext,
  periods: readonly ResolvedRange[],
  userFilters: EngineFilters,
): Promise<{ dau: number; wau: number; mau: number }[]> {
  const windows = periods.flatMap((period) => {
    if (isEmpty(period)) return [EMPTY, EMPTY, EMPTY];
    const { dau, wau, mau } = dauWindows(period);
    return [dau, wau, mau].map((window) => clampToFloor(window, period.floor));
  });
  const counts = await distinctUsersInWindows(context.engine, windows, userFilters);
  return periods.map((_, index) => ({
    dau: counts[index * 3],
    wau: counts[index * 3 + 1],
    mau: counts[index * 3 + 2],
  }));
}

async function dailyActiveUsers(
  context: ViewContext,
  range: ResolvedRange,
  userFilters: EngineFilters,
): Promise<DauPoint[]> {
  if (isEmpty(range)) return [];
  // The first bucket starts at the range start, which may be mid-day; its point is that day's.
  const boundaries = dayBoundaries(range);
  const days = boundaries.map((day, index) => (index === 0 ? startOfLocalDay(day, range.tz) : day));
  const result = await context.engine.aggregate({
    range: { from: range.from, to: range.to },
    filters: userFilters,
    groupBy: [{ boundaries }],
    measures: [{ op: 'countDistinct', field: 'userId' }],
  });
  const dau = days.map(() => 0);
  for (const { key, values } of result.rows) {
    if (typeof key[0] === 'number') dau[key[0]] = numberOf(values[0]);
  }
  return days.map((day, index) => ({ day, dau: dau[index] }));
}

const EMPTY = { from: 0, to: 0 };

function isEmpty(range: { from: number; to: number }): boolean {
  return !(range.from < range.to);
}

function clampToFloor(
  window: { from: number; to: number },
  floor: number | null,
): { from: number; to: number } {
  return floor === null || window.from >= floor ? window : { from: floor, to: window.to };
}

function readStatKeys(value: unknown): readonly StatKey[] {
  if (value === undefined) return STAT_KEYS;
  if (!Array.isArray(value)) {
    throw fieldError(
      'invalid_query',
      'stats',
      `must be an array of stat names (got ${describeValue(value)})`,
    );
  }
  value.forEach((key: unknown, index) => {
    if (typeof key !== 'string' || !Object.hasOwn(STAT_DEFINITIONS, key)) {
      throw fieldError(
        'invalid_query',
        `stats[${index}]`,
        `must be a stat such as requests or errorRate (got ${describeValue(key)})`,
      );
    }
  });
  return [...new Set(value as StatKey[])];
}
