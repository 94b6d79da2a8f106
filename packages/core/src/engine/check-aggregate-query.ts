import type { AggregateQuery, Grouping, Measure } from '../query.js';
import {
  checkFilters,
  checkInterval,
  invalidQuery,
  isDimension,
  isNumericField,
  isRecord,
} from './query-checks.js';

const OPS = new Set(['count', 'sum', 'min', 'max', 'avg', 'countDistinct', 'quantile', 'last']);

/**
 * Checks an {@link AggregateQuery} from an untrusted caller and returns a clean copy.
 *
 * @throws {TallyError} `invalid_query` naming the field, e.g. `measures[2].q`.
 */
export function checkAggregateQuery(query: unknown): AggregateQuery {
  if (!isRecord(query)) throw invalidQuery('query', 'must be an object', query);
  const range = checkInterval(query.range);
  const filters = checkFilters(query.filters, 'filters');
  const groupBy = checkGroupBy(query.groupBy);
  if (!Array.isArray(query.measures)) {
    throw invalidQuery('measures', 'must be an array', query.measures);
  }
  const measures = query.measures.map((measure: unknown, index) =>
    checkMeasure(measure, `measures[${index}]`),
  );
  return { range, filters, groupBy, measures };
}

function checkGroupBy(groupBy: unknown): Grouping[] {
  if (groupBy === undefined) return [];
  if (!Array.isArray(groupBy)) throw invalidQuery('groupBy', 'must be an array', groupBy);
  return groupBy.map((grouping: unknown, index): Grouping => {
    const field = `groupBy[${index}]`;
    if (isDimension(grouping)) return grouping;
    if (!isRecord(grouping)) {
      throw invalidQuery(field, 'must be a dimension or { boundaries }', grouping);
    }
    const { boundaries } = grouping;
    if (!Array.isArray(boundaries)) {
      throw invalidQuery(
        `${field}.boundaries`,
        'must be an array of epoch milliseconds',
        boundaries,
      );
    }
    boundaries.forEach((boundary: unknown, position) => {
      const at = `${field}.boundaries[${position}]`;
      if (typeof boundary !== 'number' || !Number.isFinite(boundary)) {
        throw invalidQuery(at, 'must be a finite number of epoch milliseconds', boundary);
      }
      if (position > 0 && boundary < boundaries[position - 1]) {
        throw invalidQuery(at, 'must not be before the previous boundary', boundary);
      }
    });
    return { boundaries: [...(boundaries as number[])] };
  });
}

function checkMeasure(measure: unknown, field: string): Measure {
  if (!isRecord(measure)) throw invalidQuery(field, 'must be an object { op, field }', measure);
  const { op, field: column } = measure;
  if (typeof op !== 'string' || !OPS.has(op)) {
    throw invalidQuery(
      `${field}.op`,
      'must be one of count, sum, min, max, avg, countDistinct, quantile, last',
      op,
    );
  }
  const where = checkFilters(measure.where, `${field}.where`);
  const withWhere = <T extends object>(value: T): T =>
    where === undefined ? value : { ...value, where };
  switch (op) {
    case 'count':
      if (column === undefined) return withWhere({ op });
      if (!isNumericField(column) && !isDimension(column)) {
        throw invalidQuery(`${field}.field`, 'must be a numeric field or a dimension', column);
      }
      return withWhere({ op, field: column });
    case 'countDistinct':
      if (!isDimension(column)) throw invalidQuery(`${field}.field`, 'must be a dimension', column);
      return withWhere({ op, field: column });
    case 'last':
      if (!isNumericField(column) && !isDimension(column)) {
        throw invalidQuery(`${field}.field`, 'must be a numeric field or a dimension', column);
      }
      return withWhere({ op, field: column });
    case 'quantile': {
      if (!isNumericField(column)) {
        throw invalidQuery(`${field}.field`, 'must be a numeric field', column);
      }
      const { q } = measure;
      if (typeof q !== 'number' || !(q >= 0 && q <= 1)) {
        throw invalidQuery(`${field}.q`, 'must be a number from 0 to 1', q);
      }
      return withWhere({ op, field: column, q });
    }
    default:
      if (!isNumericField(column)) {
        throw invalidQuery(`${field}.field`, 'must be a numeric field', column);
      }
      return withWhere({ op: op as 'sum' | 'min' | 'max' | 'avg', field: column });
  }
}
