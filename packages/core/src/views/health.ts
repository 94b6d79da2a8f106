import type { AggregateRow, Engine, EngineFilters } from '../query.js';
import type { ResolvedRange } from '../time/types.js';
import { startOfLocalDay } from '../time/zone.js';
import { cellCount, cellNumber } from './aggregate-cells.js';
import { errorRates, type ErrorRates } from './error-rates.js';
import { gaugeNames, gaugeReadings, type GaugeReading } from './gauge-readings.js';
import { latencyStatus, type HealthStatus } from './health-status.js';
import { openView } from './view-scope.js';
import type { ViewContext, ViewRequest } from './types.js';
import { MINUTE_MS, uptimeWindow, type MinuteCount, type UptimeWindow } from './uptime-window.js';

const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The uptime windows, in whole clock minutes ending with the current (partial) one: 1 440
 * minutes for 24 hours, and so on.
 */
export const UPTIME_WINDOWS = {
  last24Hours: DAY_MS,
  last7Days: 7 * DAY_MS,
  last30Days: 30 * DAY_MS,
} as const;

/** The window of the current load, ending at `now`: 5 minutes. */
export const LOAD_WINDOW_MS = 5 * MINUTE_MS;

/** A view request for system health. */
export interface HealthRequest extends ViewRequest {
  /** Event names whose `value` is a gauge reading. @default ['queue.depth'] */
  gauges?: readonly string[];
}

/** Latency percentiles over the range. */
export interface LatencyHealth {
  /** Events that report a latency. */
  samples: number;
  /** Mean latency, ms; `null` without samples. */
  averageMs: number | null;
  /** Median latency, ms (linear interpolation); `null` without samples. */
  p50Ms: number | null;
  /** 95th percentile, ms; `null` without samples. */
  p95Ms: number | null;
  /** 99th percentile, ms; `null` without samples. */
  p99Ms: number | null;
  /** The p95's marker; `null` without samples. */
  status: HealthStatus | null;
}

/** Requests per minute. */
export interface LoadHealth {
  /** Requests in the last 5 minutes ÷ 5. */
  requestsPerMinute: number;
  /** The busiest clock minute of the local day holding `now`; `null` without requests today. */
  peakToday: { requestsPerMinute: number; at: number } | null;
}

/** The system health view (DESIGN §5). */
export interface HealthResult {
  /** The resolved range (used by the latency percentiles and the gauges). */
  range: ResolvedRange;
  /** The moment the windows end at, epoch ms. */
  now: number;
  /** Error rates over the last 5 minutes, hour, 24 hours and 7 days. */
  errorRate: ErrorRates;
  /** Latency percentiles over the range. */
  latency: LatencyHealth;
  /** Uptime over the windows of {@link UPTIME_WINDOWS}, with their incidents. */
  uptime: { last24Hours: UptimeWindow; last7Days: UptimeWindow; last30Days: UptimeWindow };
  /** Current and peak requests per minute. */
  load: LoadHealth;
  /** One entry per requested gauge, in the order asked. */
  gauges: GaugeReading[];
}

/**
 * System health: error rates now (last 5 minutes), over the last hour, 24 hours and 7 days;
 * latency percentiles over the range; uptime and incidents over 24 hours, 7 and 30 days from
 * 1-minute buckets; load; and gauge readings. Windows are relative to `now`, not the range.
 *
 * @example
 * ```ts
 * const report = await health({ engine, now }, { gauges: ['queue.depth'] });
 * report.uptime.last24Hours; // { uptime: 0.9993, status: 'good', incidents: [...], ... }
 * ```
 */
export async function health(
  context: ViewContext,
  request: HealthRequest = {},
): Promise<HealthResult> {
  const gauges = gaugeNames(request.gauges);
  const { range, filters } = await openView(context, request);
  const { engine, now } = context;
  const [errorWindows, latency, minutes, readings] = await Promise.all([
    errorRates(engine, filters, now),
    latencyHealth(engine, filters, range),
    minuteCounts(engine, filters, now),
    gaugeReadings(engine, filters, { from: range.from, to: range.to }, gauges),
  ]);
  const currentMinute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const uptimeOver = (length: number) =>
    uptimeWindow(minutes, currentMinute - length + MINUTE_MS, now);
  return {
    range,
    now,
    errorRate: errorWindows,
    latency,
    uptime: {
      last24Hours: uptimeOver(UPTIME_WINDOWS.last24Hours),
      last7Days: uptimeOver(UPTIME_WINDOWS.last7Days),
      last30Days: uptimeOver(UPTIME_WINDOWS.last30Days),
    },
    load: {
      requestsPerMinute: errorWindows.now.requests / (LOAD_WINDOW_MS / MINUTE_MS),
      peakToday: peakMinute(minutes, startOfLocalDay(now, range.tz)),
    },
    gauges: readings,
  };
}

async function latencyHealth(
  engine: Engine,
  filters: EngineFilters,
  range: ResolvedRange,
): Promise<LatencyHealth> {
  const result = await engine.aggregate({
    range: { from: range.from, to: range.to },
    filters,
    measures: [
      { op: 'count', field: 'latencyMs' },
      { op: 'avg', field: 'latencyMs' },
      { op: 'quantile', field: 'latencyMs', q: 0.5 },
      { op: 'quantile', field: 'latencyMs', q: 0.95 },
      { op: 'quantile', field: 'latencyMs', q: 0.99 },
    ],
  });
  const values: AggregateRow['values'] = result.rows[0]?.values ?? [];
  const p95Ms = cellNumber(values[3]);
  return {
    samples: cellCount(values[0]),
    averageMs: cellNumber(values[1]),
    p50Ms: cellNumber(values[2]),
    p95Ms,
    p99Ms: cellNumber(values[4]),
    status: latencyStatus(p95Ms),
  };
}

async function minuteCounts(
  engine: Engine,
  filters: EngineFilters,
  now: number,
): Promise<MinuteCount[]> {
  const count = UPTIME_WINDOWS.last30Days / MINUTE_MS;
  const first = Math.floor(now / MINUTE_MS) * MINUTE_MS - (count - 1) * MINUTE_MS;
  const boundaries = Array.from({ length: count }, (_, index) => first + index * MINUTE_MS);
  const result = await engine.aggregate({
    range: { from: first, to: now },
    filters,
    groupBy: [{ boundaries }],
    measures: [{ op: 'count' }, { op: 'count', where: { status: ['error'] } }],
  });
  return result.rows
    .map((row) => ({
      start: boundaries[Number(row.key[0])],
      requests: cellCount(row.values[0]),
      errors: cellCount(row.values[1]),
    }))
    .sort((a, b) => a.start - b.start);
}

function peakMinute(minutes: readonly MinuteCount[], dayStart: number): LoadHealth['peakToday'] {
  let peak: LoadHealth['peakToday'] = null;
  for (const minute of minutes) {
    if (minute.start < dayStart || minute.requests === 0) continue;
    if (peak === null || minute.requests > peak.requestsPerMinute) {
      peak = { requestsPerMinute: minute.requests, at: minute.start };
    }
  }
  return peak;
}
