import { ratio } from './aggregate-cells.js';
import { uptimeStatus, type HealthStatus } from './health-status.js';

/** The length of one uptime minute, ms. */
export const MINUTE_MS = 60_000;

/** One clock minute with requests in it. */
export interface MinuteCount {
  /** Start of the minute, epoch ms (a multiple of 60 000). */
  start: number;
  /** Requests (events) in the minute. */
  requests: number;
  /** Requests with status `error`. */
  errors: number;
}

/** A run of consecutive clock minutes in which every request failed. */
export interface Incident {
  /** Start of the first failed minute, epoch ms. */
  start: number;
  /** End of the last failed minute (exclusive), epoch ms. */
  end: number;
  /** Failed minutes in the run. */
  minutes: number;
  /** Failed requests in the run. */
  errors: number;
  /** Whether the run reaches the present (its last minute ends at or after `now`). */
  ongoing: boolean;
}

/** Uptime over a window of minutes. */
export interface UptimeWindow {
  /** Start of the window's first minute, epoch ms. */
  from: number;
  /** End of the window (now), epoch ms. */
  to: number;
  /** Minutes with at least one request. */
  minutes: number;
  /** Minutes in which every request had status `error`. */
  failedMinutes: number;
  /** `1 − failedMinutes ÷ minutes`; `null` without requests. */
  uptime: number | null;
  /** The uptime's marker; `null` without requests. */
  status: HealthStatus | null;
  /** The runs of failed minutes, oldest first. */
  incidents: Incident[];
}

/**
 * Uptime over `[from, to)` from per-minute request counts: a minute is down when it had requests
 * and all of them failed; minutes without requests count neither way, and they also end an
 * incident (runs are of consecutive clock minutes).
 */
export function uptimeWindow(
  minutes: readonly MinuteCount[],
  from: number,
  to: number,
): UptimeWindow {
  let active = 0;
  let failed = 0;
  const incidents: Incident[] = [];
  let run: Incident | null = null;
  const sorted = [...minutes].sort((a, b) => a.start - b.start);
  for (const minute of sorted) {
    if (minute.start < from || minute.start >= to || minute.requests === 0) continue;
    active += 1;
    if (minute.errors < minute.requests) continue;
    failed += 1;
    if (run !== null && run.end === minute.start) {
      run.end += MINUTE_MS;
      run.minutes += 1;
      run.errors += minute.errors;
    } else {
      run = {
        start: minute.start,
        end: minute.start + MINUTE_MS,
        minutes: 1,
        errors: minute.errors,
        ongoing: false,
      };
      incidents.push(run);
    }
  }
  for (const incident of incidents) incident.ongoing = incident.end >= to;
  // (active − failed) ÷ active rather than 1 − failed ÷ active, so 999 of 1000 is exactly 0.999.
  const uptime = ratio(active - failed, active);
  return {
    from,
    to,
    minutes: active,
    failedMinutes: failed,
    uptime,
    status: uptimeStatus(uptime),
    incidents,
  };
}
