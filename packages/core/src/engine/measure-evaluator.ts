import type { Dimension, EngineFilters, Measure, NumericField } from '../query.js';
import { NUMERIC_FIELDS } from '../query.js';
import { compileFilters, filterRows } from './compile-filters.js';
import type { CodeMask } from './compile-filters.js';
import { countMatching, countPresentCodes, countRows } from './count-kernels.js';
import type { DictionaryColumn } from './dictionary-column.js';
import { countDistinctCodes } from './distinct-kernels.js';
import type { MeasureRows } from './measure-rows.js';
import type { NumericColumn } from './numeric-column.js';
import { filtersKey } from './query-checks.js';
import { groupQuantiles, lastRows } from './row-kernels.js';
import { extremeValues, sumValues } from './sum-kernels.js';

/** How the evaluator reaches the table's columns. */
export interface MeasureColumns {
  dimension: (dimension: Dimension) => DictionaryColumn;
  numeric: (field: NumericField) => NumericColumn;
}

/** A measure's result for one group, by group number. */
export type MeasureValues = (group: number) => number | string | null;

/**
 * Evaluates (validated) measures over rows already assigned to `groupCount` groups; returns,
 * per measure, its value for each group. Work is shared between measures: sums, averages and
 * counts of one column and `where` come from one loop, all quantiles of one column and
 * `where` from one bucketing, and each distinct `where` is applied once (or tested in place
 * when a single mask decides it). `sizes`, the rows per group when grouping already counted
 * them, answers a plain `count` without another pass.
 */
export function evaluateMeasures(
  measures: readonly Measure[],
  base: MeasureRows,
  groupCount: number,
  columns: MeasureColumns,
  sizes: readonly number[] | null = null,
): MeasureValues[] {
  const evaluator = new MeasureEvaluator(measures, base, groupCount, columns, sizes);
  return measures.map((measure) => evaluator.measure(measure));
}

/** The shared state of one query's measures. */
class MeasureEvaluator {
  private readonly cache = new Map<string, unknown>();
  private readonly rowSets = new Map<string, MeasureRows>();
  private readonly quantilesWanted = new Map<string, number[]>();

  constructor(
    measures: readonly Measure[],
    private readonly base: MeasureRows,
    private readonly groupCount: number,
    private readonly columns: MeasureColumns,
    private readonly sizes: readonly number[] | null,
  ) {
    for (const measure of measures) {
      if (measure.op !== 'quantile') continue;
      const key = `${measure.field}|${filtersKey(measure.where)}`;
      const wanted = this.quantilesWanted.get(key) ?? [];
      if (!wanted.includes(measure.q)) wanted.push(measure.q);
      this.quantilesWanted.set(key, wanted);
    }
  }

  measure(measure: Measure): MeasureValues {
    const whereKey = filtersKey(measure.where);
    const groupCount = this.groupCount;
    const rows = (): MeasureRows => this.rowsFor(measure.where);
    switch (measure.op) {
      case 'count': {
        if (measure.field === undefined) {
          const counts = this.once(`count||${whereKey}`, () => this.countWhere(measure.where));
          return (group) => counts[group];
        }
        const field = measure.field;
        if (isNumeric(field)) {
          const { counts } = this.sums(field, whereKey, rows);
          return (group) => counts[group];
        }
        const counts = this.once(`present|${field}|${whereKey}`, () =>
          countPresentCodes(rows(), this.columns.dimension(field).codes, groupCount),
        );
        return (group) => counts[group];
      }
      case 'sum': {
        const { sums } = this.sums(measure.field, whereKey, rows);
        return (group) => sums[group];
      }
      case 'avg': {
        const { sums, counts } = this.sums(measure.field, whereKey, rows);
        return (group) => (counts[group] === 0 ? null : sums[group] / counts[group]);
      }
      case 'min':
      case 'max': {
        const largest = measure.op === 'max';
        const extremes = this.once(`${measure.op}|${measure.field}|${whereKey}`, () =>
          extremeValues(rows(), this.columns.numeric(measure.field), groupCount, largest),
        );
        return (group) => nullIfNaN(extremes[group]);
      }
      case 'countDistinct': {
        const column = this.columns.dimension(measure.field);
        const counts = this.once(`distinct|${measure.field}|${whereKey}`, () => {
          const filter = groupCount === 1 ? this.singleFilter(measure.where) : null;
          return filter === null
            ? countDistinctCodes(rows(), column.codes, column.size, groupCount)
            : countDistinctCodes(this.base, column.codes, column.size, groupCount, filter);
        });
        return (group) => counts[group];
      }
      case 'quantile': {
        const key = `${measure.field}|${whereKey}`;
        const qs = this.quantilesWanted.get(key) ?? [measure.q];
        const results = this.once(`quantile|${key}`, () =>
          groupQuantiles(rows(), this.columns.numeric(measure.field), groupCount, qs),
        );
        const values = results[qs.indexOf(measure.q)];
        return (group) => nullIfNaN(values[group]);
      }
      case 'last': {
        const last = this.once(`last||${whereKey}`, () => lastRows(rows(), groupCount));
        const field = measure.field;
        if (isNumeric(field)) {
          const column = this.columns.numeric(field);
          return (group) => (last[group] < 0 ? null : column.get(last[group]));
        }
        const column = this.columns.dimension(field);
        return (group) => (last[group] < 0 ? null : column.valueOf(column.codes[last[group]]));
      }
    }
  }

  /** Rows per group passing `where`, counted in place when one mask decides it. */
  private countWhere(where: EngineFilters | undefined): Float64Array {
    if (where === undefined && this.sizes !== null) return Float64Array.from(this.sizes);
    const filter = this.singleFilter(where);
    if (filter === null) return countRows(this.rowsFor(where), this.groupCount);
    return countMatching(this.base, filter, this.groupCount);
  }

  /**
   * The one mask a `where` comes down to, when it does and a kernel can test it in place
   * rather than through a copy of the rows.
   */
  private singleFilter(where: EngineFilters | undefined): CodeMask | null {
    if (where === undefined) return null;
    const compiled = compileFilters(where, this.columns.dimension);
    return !compiled.none && compiled.masks.length === 1 ? compiled.masks[0] : null;
  }

  /** The rows a `where` leaves, computed once per distinct `where`. */
  private rowsFor(where: EngineFilters | undefined): MeasureRows {
    const key = filtersKey(where);
    let found = this.rowSets.get(key);
    if (found === undefined) {
      found = key === '' ? this.base : restrict(this.base, where, this.groupCount, this.columns);
      this.rowSets.set(key, found);
    }
    return found;
  }

  private sums(
    field: NumericField,
    whereKey: string,
    rows: () => MeasureRows,
  ): { sums: Float64Array; counts: Float64Array } {
    return this.once(`sum|${field}|${whereKey}`, () =>
      sumValues(rows(), this.columns.numeric(field), this.groupCount),
    );
  }

  private once<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }
}

const NUMERIC_SET = new Set<string>(NUMERIC_FIELDS);

function isNumeric(field: NumericField | Dimension): field is NumericField {
  return NUMERIC_SET.has(field);
}

function nullIfNaN(value: number): number | null {
  return value !== value ? null : value;
}

/** Keeps the rows (and their groups) that pass `filter`, writing them to the targets in order. */
function filterGroupedRows(
  input: MeasureRows,
  filter: CodeMask,
  rows: Int32Array,
  groups: Int32Array,
): number {
  const { codes, mask } = filter;
  let kept = 0;
  for (let index = 0; index < input.length; index += 1) {
    const row = input.rows[index];
    if (mask[codes[row]] === 1) {
      rows[kept] = row;
      groups[kept] = input.groups[index];
      kept += 1;
    }
  }
  return kept;
}

/**
 * A measure's `where`: the grouped rows that also pass it, with their groups. With a single
 * group every group number is 0, so the input's groups serve as they are.
 */
function restrict(
  input: MeasureRows,
  where: EngineFilters | undefined,
  groupCount: number,
  columns: MeasureColumns,
): MeasureRows {
  const compiled = compileFilters(where, columns.dimension);
  if (compiled.none) return { rows: new Int32Array(0), groups: new Int32Array(0), length: 0 };
  const masks: CodeMask[] = compiled.masks;
  if (masks.length === 0) return input;
  const rows = new Int32Array(input.length);
  let length: number;
  let groups: Int32Array;
  if (groupCount === 1) {
    groups = input.groups;
    length = filterRows(input.rows, input.length, masks[0], rows);
  } else {
    groups = new Int32Array(input.length);
    length = filterGroupedRows(input, masks[0], rows, groups);
  }
  for (let index = 1; index < masks.length && length > 0; index += 1) {
    length =
      groupCount === 1
        ? filterRows(rows, length, masks[index], rows)
        : filterGroupedRows({ rows, groups, length }, masks[index], rows, groups);
  }
  return { rows, groups, length };
}
