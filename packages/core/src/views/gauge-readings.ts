import { describeValue, fieldError } from '../errors.js';
import type { Engine, EngineFilters, Interval } from '../query.js';
import { cellCount, cellNumber } from './aggregate-cells.js';
import { mergeFilters } from './filters.js';

/** The gauges read when a request names none. */
export const DEFAULT_GAUGES: readonly string[] = ['queue.depth'];

/** The latest and highest reading of one gauge over the range. */
export interface GaugeReading {
  /** The gauge's event name. */
  name: string;
  /** `value` of the latest such event; `null` when there is none (or it has no value). */
  latest: number | null;
  /** Highest `value`; `null` without readings. */
  max: number | null;
  /** Time of the latest such event, epoch ms; `null` when there is none. */
  at: number | null;
  /** Events carrying a value. */
  readings: number;
}

/**
 * Reads a request's `gauges` option: event names, by default `['queue.depth']`.
 *
 * @throws {TallyError} `invalid_query` on `gauges` or the offending `gauges[i]`.
 */
export function gaugeNames(value: unknown): readonly string[] {
  if (value === undefined) return DEFAULT_GAUGES;
  if (!Array.isArray(value)) {
    throw fieldError(
      'invalid_query',
      'gauges',
      `must be an array of event names (got ${describeValue(value)})`,
    );
  }
  value.forEach((name: unknown, index) => {
    if (typeof name !== 'string' || name === '') {
      throw fieldError(
        'invalid_query',
        `gauges[${index}]`,
        `must be a non-empty string (got ${describeValue(name)})`,
      );
    }
  });
  return value as string[];
}

/**
 * The latest and highest `value` of each named gauge over the range, in the order asked; a gauge
 * without events gets nulls.
 */
export async function gaugeReadings(
  engine: Engine,
  filters: EngineFilters,
  range: Interval,
  gauges: readonly string[],
): Promise<GaugeReading[]> {
  if (gauges.length === 0) return [];
  const result = await engine.aggregate({
    range: { from: range.from, to: range.to },
    filters: mergeFilters(filters, { name: gauges }),
    groupBy: ['name'],
    measures: [
      { op: 'last', field: 'value' },
      { op: 'max', field: 'value' },
      { op: 'max', field: 'timestamp' },
      { op: 'count', field: 'value' },
    ],
  });
  const byName = new Map(result.rows.map((row) => [String(row.key[0]), row.values]));
  return gauges.map((name) => {
    const values = byName.get(name) ?? [];
    return {
      name,
      latest: cellNumber(values[0]),
      max: cellNumber(values[1]),
      at: cellNumber(values[2]),
      readings: cellCount(values[3]),
    };
  });
}
