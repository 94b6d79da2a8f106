/** A traffic-light marker for a health figure. */
export type HealthStatus = 'good' | 'acceptable' | 'bad';

/**
 * The thresholds behind the health markers, so a UI can show them next to the figures:
 * error rate below 1 % is good, below 5 % acceptable; p95 latency below 2 s is good, below 5 s
 * acceptable; uptime of at least 99.9 % is good, at least 99 % acceptable. Anything else is bad.
 */
export const HEALTH_THRESHOLDS = {
  /** Error rate (0–1): good below `good`, acceptable below `acceptable`. */
  errorRate: { good: 0.01, acceptable: 0.05 },
  /** p95 latency, ms: good below `good`, acceptable below `acceptable`. */
  latencyP95Ms: { good: 2000, acceptable: 5000 },
  /** Uptime (0–1): good at or above `good`, acceptable at or above `acceptable`. */
  uptime: { good: 0.999, acceptable: 0.99 },
} as const;

/** The marker for an error rate (0–1); `null` when there is no rate. */
export function errorRateStatus(rate: number | null): HealthStatus | null {
  return lowerIsBetter(rate, HEALTH_THRESHOLDS.errorRate);
}

/** The marker for a p95 latency in ms; `null` when there is no latency. */
export function latencyStatus(p95Ms: number | null): HealthStatus | null {
  return lowerIsBetter(p95Ms, HEALTH_THRESHOLDS.latencyP95Ms);
}

/** The marker for an uptime (0–1); `null` when there is no uptime. */
export function uptimeStatus(uptime: number | null): HealthStatus | null {
  if (uptime === null) return null;
  if (uptime >= HEALTH_THRESHOLDS.uptime.good) return 'good';
  return uptime >= HEALTH_THRESHOLDS.uptime.acceptable ? 'acceptable' : 'bad';
}

function lowerIsBetter(
  value: number | null,
  thresholds: { good: number; acceptable: number },
): HealthStatus | null {
  if (value === null) return null;
  if (value < thresholds.good) return 'good';
  return value < thresholds.acceptable ? 'acceptable' : 'bad';
}
