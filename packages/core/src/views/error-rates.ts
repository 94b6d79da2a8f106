import type { Engine, EngineFilters } from '../query.js';
import { cellCount, ratio } from './aggregate-cells.js';
import { errorRateStatus, type HealthStatus } from './health-status.js';
import { MINUTE_MS } from './uptime-window.js';

const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The windows of the error rates, each ending at `now` (half-open `[now − length, now)`): "now"
 * is the last 5 minutes.
 */
export const ERROR_RATE_WINDOWS = {
  now: 5 * MINUTE_MS,
  lastHour: HOUR_MS,
  last24Hours: DAY_MS,
  last7Days: 7 * DAY_MS,
} as const;

/** The error rate over one window ending now. */
export interface ErrorRateWindow {
  /** Window start, epoch ms. */
  from: number;
  /** Window end (now, exclusive), epoch ms. */
  to: number;
  /** Requests (events) in the window. */
  requests: number;
  /** Events with status `ok`. */
  ok: number;
  /** Events with status `error`. */
  errors: number;
  /** `error / (ok + error)`; `null` when no event has a status. */
  errorRate: number | null;
  /** The rate's marker; `null` without a rate. */
  status: HealthStatus | null;
}

/** Error rates over the windows of {@link ERROR_RATE_WINDOWS}. */
export interface ErrorRates {
  /** The last 5 minutes. */
  now: ErrorRateWindow;
  /** The last hour. */
  lastHour: ErrorRateWindow;
  /** The last 24 hours. */
  last24Hours: ErrorRateWindow;
  /** The last 7 days. */
  last7Days: ErrorRateWindow;
}

/**
 * Error rates over the last 5 minutes, hour, 24 hours and 7 days before `now`, from one query
 * whose time buckets are the windows' starts.
 */
export async function errorRates(
  engine: Engine,
  filters: EngineFilters,
  now: number,
): Promise<ErrorRates> {
  // Oldest window first; each bucket holds the part of a window not covered by the next one.
  const lengths = [
    ERROR_RATE_WINDOWS.last7Days,
    ERROR_RATE_WINDOWS.last24Hours,
    ERROR_RATE_WINDOWS.lastHour,
    ERROR_RATE_WINDOWS.now,
  ];
  const boundaries = lengths.map((length) => now - length);
  const result = await engine.aggregate({
    range: { from: boundaries[0], to: now },
    filters,
    groupBy: [{ boundaries }],
    measures: [
      { op: 'count' },
      { op: 'count', where: { status: ['ok'] } },
      { op: 'count', where: { status: ['error'] } },
    ],
  });
  const buckets = lengths.map(() => ({ requests: 0, ok: 0, errors: 0 }));
  for (const row of result.rows) {
    const bucket = buckets[Number(row.key[0])];
    bucket.requests += cellCount(row.values[0]);
    bucket.ok += cellCount(row.values[1]);
    bucket.errors += cellCount(row.values[2]);
  }
  const windows = lengths.map((length, index) => {
    const totals = { requests: 0, ok: 0, errors: 0 };
    for (const bucket of buckets.slice(index)) {
      totals.requests += bucket.requests;
      totals.ok += bucket.ok;
      totals.errors += bucket.errors;
    }
    const errorRate = ratio(totals.errors, totals.ok + totals.errors);
    return {
      from: now - length,
      to: now,
      ...totals,
      errorRate,
      status: errorRateStatus(errorRate),
    };
  });
  return { last7Days: windows[0], last24Hours: windows[1], lastHour: windows[2], now: windows[3] };
}
