import { describeValue, fieldError } from '../errors.js';
import type { Measure } from '../query.js';

/** What a timeline or breakdown measures. */
export type ViewMeasure =
  'events' | 'tokens' | 'cost' | 'credits' | 'activeUsers' | 'errors' | 'latencyP95';

/** Each additive measure's engine measure; `activeUsers` and `latencyP95` are special-cased. */
export const ENGINE_MEASURES: Readonly<Record<ViewMeasure, Measure>> = {
  events: { op: 'count' },
  tokens: { op: 'sum', field: 'tokensTotal' },
  cost: { op: 'sum', field: 'costNanos' },
  credits: { op: 'sum', field: 'credits' },
  activeUsers: { op: 'countDistinct', field: 'userId' },
  errors: { op: 'count', where: { status: ['error'] } },
  latencyP95: { op: 'quantile', field: 'latencyMs', q: 0.95 },
};

/** Counts the unpriced events that a cost figure leaves out. */
export const UNPRICED_MEASURE: Measure = { op: 'count', where: { pricing: ['unpriced'] } };

/** Nanodollars per US dollar: costs are stored in nanodollars and reported in dollars. */
export const NANOS_PER_USD = 1e9;

/** A measure's reported value from its engine sum: dollars for cost, unchanged otherwise. */
export function reported(measure: ViewMeasure, amount: number): number {
  return measure === 'cost' ? amount / NANOS_PER_USD : amount;
}

/**
 * Reads a view's measure option.
 *
 * @throws {TallyError} `invalid_query` on `measure` when it is not one of `allowed`.
 */
export function readMeasure(value: unknown, allowed: readonly ViewMeasure[]): ViewMeasure {
  if (value === undefined) return 'events';
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
    return value as ViewMeasure;
  }
  throw fieldError(
    'invalid_query',
    'measure',
    `must be one of ${allowed.join(', ')} (got ${describeValue(value)})`,
  );
}

/**
 * Reads a positive whole count such as `top`.
 *
 * @throws {TallyError} `invalid_query` naming `field` otherwise.
 */
export function readCount(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw fieldError(
      'invalid_query',
      field,
      `must be a whole number of at least 1 (got ${describeValue(value)})`,
    );
  }
  return value;
}
