import { instantBound, type SqlParams } from './sql-params.js';

/** A time grouping compiled to SQL. */
export interface CompiledBuckets {
  /** The bucket index of a row's `ts`; valid for rows at or after {@link first}. */
  expression: string;
  /** Rows before this (a parameter) belong to no bucket. */
  first: string;
}

/** A run of equally spaced boundaries with consecutive indexes. */
interface Run {
  start: number;
  step: number;
  firstIndex: number;
  lastIndex: number;
}

/**
 * Compiles bucket boundaries (sorted, non-empty) into a SQL expression of `ts` giving the index
 * of the last boundary at or before it, the rule core's engine follows (so, for repeated
 * boundaries, the last of them). Boundaries are grouped into runs of equal spacing, and
 * each run is one integer division, so day, hour and minute grids cost one or a few divisions
 * per row even across DST changes; the runs are picked by a balanced tree of comparisons,
 * which keeps irregular grids (months) logarithmic. Boundaries are bound parameters; the
 * indexes are the only literals, and they are array positions.
 */
export function compileBuckets(boundaries: readonly number[], params: SqlParams): CompiledBuckets {
  const runs = toRuns(boundaries);
  return {
    expression: tree(runs, 0, runs.length - 1, params),
    first: params.integer(runs[0].start),
  };
}

function toRuns(boundaries: readonly number[]): Run[] {
  // `ts` is an integer: `b <= ts` holds exactly when `ceil(b) <= ts`.
  const starts: number[] = [];
  const indexes: number[] = [];
  boundaries.forEach((boundary, index) => {
    const start = instantBound(boundary);
    if (starts.length > 0 && starts[starts.length - 1] === start) {
      indexes[indexes.length - 1] = index;
    } else {
      starts.push(start);
      indexes.push(index);
    }
  });
  const runs: Run[] = [];
  for (let position = 0; position < starts.length; position += 1) {
    const run = runs[runs.length - 1];
    const previous = position - 1;
    if (
      run !== undefined &&
      indexes[position] === indexes[previous] + 1 &&
      (run.firstIndex === run.lastIndex || starts[position] - starts[previous] === run.step)
    ) {
      run.step = starts[position] - starts[previous];
      run.lastIndex = indexes[position];
      continue;
    }
    runs.push({
      start: starts[position],
      step: 0,
      firstIndex: indexes[position],
      lastIndex: indexes[position],
    });
  }
  return runs;
}

function tree(runs: readonly Run[], low: number, high: number, params: SqlParams): string {
  if (low === high) return leaf(runs[low], params);
  const middle = (low + high + 1) >> 1;
  const split = params.integer(runs[middle].start);
  return `CASE WHEN ts < ${split} THEN ${tree(runs, low, middle - 1, params)} ELSE ${tree(runs, middle, high, params)} END`;
}

function leaf(run: Run, params: SqlParams): string {
  if (run.firstIndex === run.lastIndex) return String(run.firstIndex);
  const offset = `(ts - ${params.integer(run.start)}) // ${params.integer(run.step)}`;
  return `least(${run.firstIndex} + ${offset}, ${run.lastIndex})`;
}
