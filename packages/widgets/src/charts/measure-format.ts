import type { Formatter } from '../format/formatter.js';

/** What a timeline or breakdown measures, in words. */
export const MEASURE_NOUNS: Readonly<Record<string, string>> = {
  events: 'events',
  tokens: 'tokens',
  cost: 'cost',
  credits: 'credits',
  activeUsers: 'active users',
  errors: 'errors',
  latencyP95: 'p95 latency',
};

/** Writes a measure's value: dollars for cost, a duration for latency, a count otherwise. */
export function writeMeasure(
  measure: string,
  value: number | null,
  format: Formatter,
  compact = false,
): string {
  if (value === null) return '—';
  if (measure === 'cost') return format.usd(value, compact && value >= 10_000);
  if (measure === 'latencyP95') return format.duration(value);
  return compact && Math.abs(value) >= 10_000 ? format.compact(value) : format.number(value);
}
