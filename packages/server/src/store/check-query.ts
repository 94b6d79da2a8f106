import {
  DIMENSIONS,
  NUMERIC_FIELDS,
  describeValue,
  fieldError,
  type AggregateQuery,
  type Dimension,
  type EngineFilters,
  type Grouping,
  type Interval,
  type Measure,
  type NumericField,
  type RowSort,
  type RowsQuery,
  type SessionsQuery,
  type TallyError,
} from '@tally/core';

const DIMENSION_SET = new Set<string>(DIMENSIONS);
const NUMERIC_SET = new Set<string>(NUMERIC_FIELDS);
const OPS = new Set(['count', 'sum', 'min', 'max', 'avg', 'countDistinct', 'quantile', 'last']);

/**
 * Checks a query from an untrusted caller before any of it reaches SQL, with the rules and
 * messages of core's columnar engine: field names must be known dimensions or numeric fields
 * (they reach SQL only through the fixed column tables in `schema.ts`), values must have the
 * right types. Returns a clean copy holding nothing but checked parts.
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

/** Checks a {@link RowsQuery}; see {@link checkAggregateQuery}. */
export function checkRowsQuery(query: unknown): RowsQuery {
  if (!isRecord(query)) throw invalidQuery('query', 'must be an object', query);
  const range = checkInterval(query.range);
  const filters = checkFilters(query.filters, 'filters');
  let sort: RowSort[] = [];
  if (query.sort !== undefined) {
    if (!Array.isArray(query.sort)) throw invalidQuery('sort', 'must be an array', query.sort);
    sort = query.sort.map((key: unknown, index): RowSort => {
      const field = `sort[${index}]`;
      if (!isRecord(key)) throw invalidQuery(field, 'must be an object { field, direction }', key);
      if (key.field !== 'id' && !isNumericField(key.field) && !isDimension(key.field)) {
        throw invalidQuery(
          `${field}.field`,
          'must be id, a numeric field or a dimension',
          key.field,
        );
      }
      if (key.direction !== 'asc' && key.direction !== 'desc') {
        throw invalidQuery(`${field}.direction`, 'must be asc or desc', key.direction);
      }
      return { field: key.field, direction: key.direction };
    });
  }
  const offset = checkCount(query.offset, 'offset');
  const limit = checkCount(query.limit, 'limit');
  return { range, filters, sort, offset, limit };
}

/** Checks a {@link SessionsQuery}; see {@link checkAggregateQuery}. */
export function checkSessionsQuery(query: unknown): SessionsQuery {
  if (!isRecord(query)) throw invalidQuery('query', 'must be an object', query);
  const range = checkInterval(query.range);
  const filters = checkFilters(query.filters, 'filters');
  const { gapMs, partitionBy } = query;
  if (typeof gapMs !== 'number' || !Number.isFinite(gapMs) || gapMs < 0) {
    throw invalidQuery('gapMs', 'must be a non-negative finite number of milliseconds', gapMs);
  }
  if (partitionBy !== undefined && !isDimension(partitionBy)) {
    throw invalidQuery('partitionBy', 'must be a dimension', partitionBy);
  }
  return partitionBy === undefined
    ? { range, filters, gapMs }
    : { range, filters, gapMs, partitionBy };
}

/** Whether `value` names a {@link Dimension}. */
export function isDimension(value: unknown): value is Dimension {
  return typeof value === 'string' && DIMENSION_SET.has(value);
}

/** Whether `value` names a {@link NumericField}. */
export function isNumericField(value: unknown): value is NumericField {
  return typeof value === 'string' && NUMERIC_SET.has(value);
}

function checkInterval(range: unknown): Interval {
  if (!isRecord(range)) throw invalidQuery('range', 'must be an object { from, to }', range);
  const { from, to } = range;
  if (typeof from !== 'number' || !Number.isFinite(from)) {
    throw invalidQuery('range.from', 'must be a finite number of epoch milliseconds', from);
  }
  if (typeof to !== 'number' || !Number.isFinite(to)) {
    throw invalidQuery('range.to', 'must be a finite number of epoch milliseconds', to);
  }
  if (from > to) throw invalidQuery('range.from', `must not be after range.to (${to})`, from);
  return { from, to };
}

function checkFilters(filters: unknown, field: string): EngineFilters | undefined {
  if (filters === undefined) return undefined;
  if (!isRecord(filters)) throw invalidQuery(field, 'must be an object of allow-lists', filters);
  const checked: Partial<Record<Dimension, (string | null)[]>> = {};
  for (const [dimension, allowed] of Object.entries(filters)) {
    if (allowed === undefined) continue;
    if (!isDimension(dimension)) {
      throw invalidQuery(`${field}.${dimension}`, 'is not a dimension', dimension);
    }
    if (!Array.isArray(allowed)) {
      throw invalidQuery(`${field}.${dimension}`, 'must be an array of strings or null', allowed);
    }
    allowed.forEach((value: unknown, index) => {
      if (value !== null && typeof value !== 'string') {
        throw invalidQuery(`${field}.${dimension}[${index}]`, 'must be a string or null', value);
      }
    });
    checked[dimension] = [...(allowed as (string | null)[])];
  }
  return checked;
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

function checkCount(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalidQuery(field, 'must be a non-negative integer', value);
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidQuery(field: string, reason: string, value: unknown): TallyError {
  return fieldError('invalid_query', field, `${reason} (got ${describeValue(value)})`);
}
