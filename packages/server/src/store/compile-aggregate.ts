import type {
  AggregateQuery,
  AggregateRow,
  Dimension,
  EngineFilters,
  NumericField,
} from '@tally/core';
import { isNumericField } from '@tally/core';
import { compileBuckets } from './compile-buckets.js';
import { compileFilters, dimensionColumn, scopeConditions } from './compile-filters.js';
import { toNumber } from './event-row.js';
import { NUMERIC_COLUMNS } from './schema.js';
import { SqlParams } from './sql-params.js';

/** An aggregate query as one SQL statement, and how to read its result rows. */
export interface CompiledAggregate {
  sql: string;
  params: SqlParams;
  /** Turns one result row (the select list in order) into an {@link AggregateRow}. */
  readRow(row: readonly unknown[]): AggregateRow;
}

/** Whether a numeric field's sums may skip the time order (see `sumIsOrderFree`). */
export type SumOrderCheck = (field: NumericField) => boolean;

/** The time order core's engine adds and picks "last" values in. */
const TIME_ORDER = 'ts, seq';
/** `(ts, seq)` as one ordered HUGEINT key: seq is below 2^64. */
const TIME_KEY = 'ts::HUGEINT * 18446744073709551616 + seq';

/**
 * Compiles a checked aggregate query for one tenant into one statement: an inner
 * `SELECT … GROUP BY` where dimension groupings are columns, time groupings are bucket
 * expressions and each measure is an aggregate (`count`, `count(DISTINCT)`, `min`/`max`,
 * `arg_max_null` over `(ts, seq)` for `last`, a sorted list for quantiles) with its `where` as
 * a `FILTER` clause, and a thin outer `SELECT` that interpolates quantiles. Sums follow core's
 * definition (added in time order): `SUM(x ORDER BY ts, seq)`, unless `orderFree(field)` proves
 * any order gives the same double. Returns `null` when the answer is known to be empty (a time
 * grouping without boundaries).
 */
export function compileAggregate(
  tenant: string,
  query: AggregateQuery,
  orderFree: SumOrderCheck,
): CompiledAggregate | null {
  const params = new SqlParams();
  const where = scopeConditions(tenant, query.range, query.filters, params);
  const groupBy = query.groupBy ?? [];
  const select: string[] = [];
  const groupKinds: ('dimension' | 'time')[] = [];
  for (const grouping of groupBy) {
    if (typeof grouping === 'string') {
      select.push(dimensionColumn(grouping));
      groupKinds.push('dimension');
      continue;
    }
    if (grouping.boundaries.length === 0) return null;
    const buckets = compileBuckets(grouping.boundaries, params);
    where.push(`ts >= ${buckets.first}`);
    select.push(buckets.expression);
    groupKinds.push('time');
  }
  const keyCount = select.length;
  const columns = new InnerColumns(select);
  // The outer select list: the keys, then one expression per measure value read.
  const outer: string[] = select.map((_, index) => `c${index}`);
  const output = (expression: string): number => outer.push(expression) - 1;
  const filters = new Map<string, string>();
  const filterOf = (where: EngineFilters | undefined): string => {
    const key = filtersKey(where);
    let clause = filters.get(key);
    if (clause === undefined) {
      clause = filterClause(where, params);
      filters.set(key, clause);
    }
    return clause;
  };
  const lists = new Map<string, string>();
  const readers: ((row: readonly unknown[]) => number | string | null)[] = [];
  for (const measure of query.measures) {
    switch (measure.op) {
      case 'count': {
        const argument =
          measure.field === undefined
            ? '*'
            : fieldColumn(measure.field as NumericField | Dimension);
        const at = output(columns.of(`count(${argument})${filterOf(measure.where)}`));
        readers.push((row) => toNumber(row[at]));
        break;
      }
      case 'countDistinct': {
        const column = dimensionColumn(measure.field);
        const at = output(columns.of(`count(DISTINCT ${column})${filterOf(measure.where)}`));
        readers.push((row) => toNumber(row[at]));
        break;
      }
      case 'sum': {
        const filter = filterOf(measure.where);
        const at = output(columns.of(sumExpression(measure.field, filter, orderFree)));
        readers.push((row) => toNumber(row[at]) ?? 0);
        break;
      }
      case 'avg': {
        const filter = filterOf(measure.where);
        const sum = output(columns.of(sumExpression(measure.field, filter, orderFree)));
        const count = output(columns.of(`count(${fieldColumn(measure.field)})${filter}`));
        readers.push((row) => {
          const values = toNumber(row[count]) ?? 0;
          return values === 0 ? null : (toNumber(row[sum]) ?? 0) / values;
        });
        break;
      }
      case 'min':
      case 'max': {
        const column = fieldColumn(measure.field);
        const at = output(columns.of(`${measure.op}(${column})${filterOf(measure.where)}`));
        readers.push((row) => toNumber(row[at]));
        break;
      }
      case 'quantile': {
        const column = fieldColumn(measure.field);
        const level = params.double(measure.q);
        let at: number;
        if (measure.q === 0 || measure.q === 1) {
          // No interpolation: DuckDB's answer is the order statistic itself.
          at = output(columns.of(`quantile_cont(${column}, ${level})${filterOf(measure.where)}`));
        } else {
          const key = `${column}|${filtersKey(measure.where)}`;
          let list = lists.get(key);
          if (list === undefined) {
            const conditions = [`${column} IS NOT NULL`, ...compileFilters(measure.where, params)];
            list = columns.of(
              `list_sort(list(CAST(${column} AS DOUBLE)) FILTER (WHERE ${conditions.join(' AND ')}))`,
            );
            lists.set(key, list);
          }
          at = output(interpolate(list, level));
        }
        readers.push((row) => toNumber(row[at]));
        break;
      }
      case 'last': {
        const field = measure.field;
        const at = output(
          columns.of(`arg_max_null(${fieldColumn(field)}, ${TIME_KEY})${filterOf(measure.where)}`),
        );
        readers.push(
          isNumericField(field) ? (row) => toNumber(row[at]) : (row) => row[at] as string | null,
        );
        break;
      }
    }
  }
  const keys = select.slice(0, keyCount).map((_, index) => `c${index}`);
  // Without groupings SQL returns one row even over no rows; core returns none.
  const tail = keyCount === 0 ? 'HAVING count(*) > 0' : `GROUP BY ${keys.join(', ')}`;
  const inner = `SELECT ${select.map((expression, index) => `${expression} AS c${index}`).join(', ')}
    FROM events WHERE ${where.join(' AND ')} ${tail}`;
  const sql = `SELECT ${outer.join(', ')} FROM (${inner})`;
  return {
    sql,
    params,
    readRow: (row) => ({
      key: groupKinds.map((kind, index) =>
        kind === 'time' ? toNumber(row[index]) : (row[index] as string | null),
      ),
      values: readers.map((read) => read(row)),
    }),
  };
}

/** The inner query's select list, each distinct aggregate once, named `c0, c1, …`. */
class InnerColumns {
  private readonly names = new Map<string, string>();

  constructor(private readonly select: string[]) {}

  /** The name of the column computing `expression`, adding it when new. */
  of(expression: string): string {
    let name = this.names.get(expression);
    if (name === undefined) {
      name = `c${this.select.length}`;
      this.select.push(expression);
      this.names.set(expression, name);
    }
    return name;
  }
}

/**
 * A continuous quantile as core defines it, from the group's sorted non-null values: with
 * `p = q × (n − 1)`, the value at `floor(p)`, plus `(p − floor(p)) × (next − value)` when `p`
 * is not whole, with the same operations in the same order. DuckDB's `quantile_cont`
 * interpolates as `lo × (1 − d) + hi × d`, which can differ in the last bit, so it serves only
 * q = 0 and q = 1, where nothing is interpolated.
 */
function interpolate(list: string, level: string): string {
  const position = `(${level} * (len(${list}) - 1))`;
  const lower = `CAST(floor(${position}) AS BIGINT)`;
  const low = `${list}[${lower} + 1]`;
  return `CASE WHEN ${list} IS NULL THEN NULL WHEN floor(${position}) = ${position} THEN ${low}
    ELSE ${low} + (${position} - floor(${position})) * (${list}[${lower} + 2] - ${low}) END`;
}

/** A canonical text of filters, so that equal `where`s share their parameters and columns. */
function filtersKey(where: EngineFilters | undefined): string {
  if (where === undefined) return '';
  return JSON.stringify(
    Object.entries(where)
      .filter(([, allowed]) => allowed !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** The SQL column of a checked numeric field or dimension. */
export function fieldColumn(field: NumericField | Dimension): string {
  if (isNumericField(field)) {
    const column = NUMERIC_COLUMNS.get(field);
    if (column === undefined) throw new Error(`unknown field ${JSON.stringify(field)}`);
    return column;
  }
  return dimensionColumn(field);
}

function sumExpression(field: NumericField, filter: string, orderFree: SumOrderCheck): string {
  const column = fieldColumn(field);
  return orderFree(field)
    ? `sum(${column})${filter}`
    : `sum(CAST(${column} AS DOUBLE) ORDER BY ${TIME_ORDER})${filter}`;
}

function filterClause(where: EngineFilters | undefined, params: SqlParams): string {
  if (where === undefined) return '';
  const conditions = compileFilters(where, params);
  return conditions.length === 0 ? '' : ` FILTER (WHERE ${conditions.join(' AND ')})`;
}
