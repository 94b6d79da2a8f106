import type {
  AggregateQuery,
  AggregateRow,
  Dimension,
  EngineFilters,
  NumericField,
} from '@tally/core';
import { isNumericField, quantiles } from '@tally/core';
import { compileBuckets } from './compile-buckets.js';
import { compileFilters, dimensionColumn, scopeConditions } from './compile-filters.js';
import { toNumber } from './event-row.js';
import { NUMERIC_COLUMNS } from './schema.js';
import { SqlParams } from './sql-params.js';

/**
 * A statement selecting a field's non-null values with their `ts` and `seq`, as three DOUBLE
 * columns (exact: all three are safe integers or doubles), in no particular order.
 */
export interface CompiledSeries {
  sql: string;
  params: SqlParams;
}

/** An aggregate query as SQL statements, and how to read its result rows. */
export interface CompiledAggregate {
  sql: string;
  params: SqlParams;
  /**
   * Value series that some measures of an ungrouped query are computed from in JavaScript
   * (ordered sums, interpolated quantiles); run beside `sql`, their results (the three
   * columns of each) are handed to `readRow` in this order.
   */
  series: CompiledSeries[];
  /**
   * Turns one result row (the select list in order) into an {@link AggregateRow}, with the
   * columns each of `series` selected.
   */
  readRow(row: readonly unknown[], series: readonly SeriesColumns[]): AggregateRow;
}

/** The columns a series statement selected: values, and their `ts` and `seq`. */
export type SeriesColumns = readonly [Float64Array, Float64Array, Float64Array];

/** What a measure reads: the main statement's row, and the series' sums and quantiles. */
type Reader = (row: readonly unknown[], series: SeriesResults) => number | string | null;

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
 * any order gives the same double. Without groupings, ordered sums and interpolated quantiles
 * instead read the field's values with their `(ts, seq)` once, from a series statement (shared
 * by all measures of one field and `where`), and are computed in JavaScript with core's own
 * operations: DuckDB's ordered aggregate and sorted lists cost several times more than one
 * scan. Returns `null` when
 * the answer is known to be empty (a time grouping without boundaries).
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
  const series: CompiledSeries[] = [];
  const seriesIndexes = new Map<string, number>();
  /** Per series, the quantile levels asked of it (computed together, by selection). */
  const seriesLevels: number[][] = [];
  /** The series of `field`'s values under `where` (only without groupings). */
  const seriesOf = (field: NumericField, where: EngineFilters | undefined): number => {
    const column = fieldColumn(field);
    const key = `${column}|${filtersKey(where)}`;
    let index = seriesIndexes.get(key);
    if (index === undefined) {
      const seriesParams = new SqlParams();
      const conditions = [
        ...scopeConditions(tenant, query.range, query.filters, seriesParams),
        ...compileFilters(where, seriesParams),
        `${column} IS NOT NULL`,
      ];
      index =
        series.push({
          sql: `SELECT CAST(${column} AS DOUBLE), CAST(ts AS DOUBLE), CAST(seq AS DOUBLE)
          FROM events WHERE ${conditions.join(' AND ')}`,
          params: seriesParams,
        }) - 1;
      seriesLevels.push([]);
      seriesIndexes.set(key, index);
    }
    return index;
  };
  const readers: Reader[] = [];
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
        if (keyCount === 0 && !orderFree(measure.field)) {
          const at = seriesOf(measure.field, measure.where);
          readers.push((_, results) => results.sum(at));
          break;
        }
        const filter = filterOf(measure.where);
        const at = output(columns.of(sumExpression(measure.field, filter, orderFree)));
        readers.push((row) => toNumber(row[at]) ?? 0);
        break;
      }
      case 'avg': {
        if (keyCount === 0 && !orderFree(measure.field)) {
          const at = seriesOf(measure.field, measure.where);
          readers.push((_, results) => results.mean(at));
          break;
        }
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
        if (keyCount === 0 && measure.q !== 0 && measure.q !== 1) {
          const at = seriesOf(measure.field, measure.where);
          const q = measure.q;
          if (!seriesLevels[at].includes(q)) seriesLevels[at].push(q);
          readers.push((_, results) => results.quantile(at, q));
          break;
        }
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
  // Every measure may come from series: the statement still tells whether any row matched.
  if (outer.length === 0) output(columns.of('count(*)'));
  const keys = select.slice(0, keyCount).map((_, index) => `c${index}`);
  // Without groupings SQL returns one row even over no rows; core returns none.
  const tail = keyCount === 0 ? 'HAVING count(*) > 0' : `GROUP BY ${keys.join(', ')}`;
  const inner = `SELECT ${select.map((expression, index) => `${expression} AS c${index}`).join(', ')}
    FROM events WHERE ${where.join(' AND ')} ${tail}`;
  const sql = `SELECT ${outer.join(', ')} FROM (${inner})`;
  return {
    sql,
    params,
    series,
    readRow: (row, columns) => {
      const results = new SeriesResults(columns, seriesLevels);
      return {
        key: groupKinds.map((kind, index) =>
          kind === 'time' ? toNumber(row[index]) : (row[index] as string | null),
        ),
        values: readers.map((read) => read(row, results)),
      };
    },
  };
}

/**
 * Sums and quantiles of value series, each computed once however many measures ask for it,
 * with core's operations in core's order: the sum adds the values in time order (`ts`, then
 * `seq`), which the rows usually arrive in already (checked, and sorted when not); quantiles
 * come from core's own selection.
 */
class SeriesResults {
  private readonly sums: (number | undefined)[] = [];
  private readonly levels: (Map<number, number> | undefined)[] = [];

  constructor(
    private readonly series: readonly SeriesColumns[],
    private readonly asked: readonly (readonly number[])[],
  ) {}

  /** The sum in time order (core's definition); 0 for no values. */
  sum(index: number): number {
    let sum = this.sums[index];
    if (sum === undefined) {
      sum = timeOrderedSum(this.series[index]);
      this.sums[index] = sum;
    }
    return sum;
  }

  /** The time-ordered sum divided by the number of values; null for none. */
  mean(index: number): number | null {
    const count = this.series[index][0].length;
    return count === 0 ? null : this.sum(index) / count;
  }

  /** The continuous quantile `q` as core's engine computes it; null for no values. */
  quantile(index: number, q: number): number | null {
    let found = this.levels[index];
    if (found === undefined) {
      // Selection reorders the values: take the ordered sum first.
      this.sum(index);
      const values = this.series[index][0];
      const levels = this.asked[index];
      const results = quantiles(values, 0, values.length, levels);
      found = new Map(levels.map((level, position) => [level, results[position]]));
      this.levels[index] = found;
    }
    const value = found.get(q);
    return value === undefined || Number.isNaN(value) ? null : value;
  }
}

/** Adds `values` with `+=` in `(ts, seq)` order, as core's engine does. */
function timeOrderedSum(series: SeriesColumns): number {
  const values = series[0];
  let sum = 0;
  const order = timeOrder(series);
  if (order === null) {
    for (let index = 0; index < values.length; index += 1) sum += values[index];
  } else {
    for (let index = 0; index < order.length; index += 1) sum += values[order[index]];
  }
  return sum;
}

/**
 * The positions of a series in `(ts, seq)` order, or null when it is in that order already
 * (the usual case: rows are stored about in time order). A few rows out of place are moved by
 * insertion; beyond a few moves a row, the whole series is sorted.
 */
function timeOrder([values, times, seqs]: SeriesColumns): Int32Array | null {
  const length = values.length;
  const after = (a: number, b: number): boolean =>
    times[a] > times[b] || (times[a] === times[b] && seqs[a] > seqs[b]);
  let first = 1;
  while (first < length && !after(first - 1, first)) first += 1;
  if (first >= length) return null;
  const order = new Int32Array(length);
  for (let index = 0; index < length; index += 1) order[index] = index;
  let budget = 4 * length;
  for (let index = first; index < length; index += 1) {
    const item = order[index];
    let at = index - 1;
    while (at >= 0 && after(order[at], item)) {
      order[at + 1] = order[at];
      at -= 1;
      budget -= 1;
    }
    order[at + 1] = item;
    if (budget < 0) {
      return order.sort((a, b) => times[a] - times[b] || seqs[a] - seqs[b]);
    }
  }
  return order;
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
