import type { SessionRecord, SessionsQuery } from '@tally/core';
import type { SeriesColumns } from './compile-aggregate.js';
import { dimensionColumn, scopeConditions } from './compile-filters.js';
import { SqlParams } from './sql-params.js';

/** One statement and its bound parameters. */
interface Statement {
  sql: string;
  params: SqlParams;
}

/**
 * A user of a session series: the id and the two 32-bit halves of its 64-bit hash; in a
 * partitioned series, one (user, partition) pair, with the partition value (`null` for events
 * without one) and the halves of the pair's hash.
 */
export type SeriesUser =
  | readonly [id: string, high: number, low: number]
  | readonly [id: string, high: number, low: number, partition: string | null];

/** The 64-bit DuckDB hash of `key`, split into two exact doubles. */
function hashHalves(key: string): string {
  return `CAST(hash(${key}) >> 32 AS DOUBLE), CAST(hash(${key}) & 4294967295 AS DOUBLE)`;
}

/**
 * Compiles a sessions query into two statements that need no sort in DuckDB: `series` selects
 * every matching event with a user as three DOUBLE columns (the two halves of the 64-bit hash
 * of the user id, or of the user id and the partition value when partitioned, and `ts`), in no
 * order, and `users` selects each matching user id (and partition value) once with the same
 * hash halves. {@link sessionsFromSeries} cuts the sessions from both.
 */
export function compileSessionSeries(
  tenant: string,
  query: SessionsQuery,
): { series: Statement; users: Statement } {
  const partition =
    query.partitionBy === undefined ? undefined : dimensionColumn(query.partitionBy);
  const key = partition === undefined ? 'user_id' : `user_id, ${partition}`;
  const statement = (select: string, tail = ''): Statement => {
    const params = new SqlParams();
    const where = scopeConditions(tenant, query.range, query.filters, params);
    where.push('user_id IS NOT NULL');
    return { sql: `SELECT ${select} FROM events WHERE ${where.join(' AND ')}${tail}`, params };
  };
  return {
    series: statement(`${hashHalves(key)}, CAST(ts AS DOUBLE)`),
    users: statement(
      `user_id, ${hashHalves(key)}${partition === undefined ? '' : `, ${partition}`}`,
      ` GROUP BY ${key}`,
    ),
  };
}

/**
 * Cuts sessions from a session series (see {@link compileSessionSeries}): events are grouped
 * by user (or by user and partition) through their hashes (a counting sort, stable), each
 * group's timestamps are put in order (they usually are already), and a gap strictly greater
 * than `gapMs` starts a new session, as core's engine does. Sessions come sorted by user id
 * (UTF-16 order), partition (`null` last) and start; they carry `partition` when `users` name
 * one (four-element entries). Returns `null` when the hashes cannot tell the groups apart
 * exactly (two share a hash, or an event's hash is not among `users`, which another snapshot
 * may cause), so that the caller falls back to an exact path.
 */
export function sessionsFromSeries(
  [highs, lows, times]: SeriesColumns,
  users: readonly SeriesUser[],
  gapMs: number,
): SessionRecord[] | null {
  const table = new HashTable(users.length);
  for (let code = 0; code < users.length; code += 1) {
    const [, high, low] = users[code];
    if (!table.insert(high, low, code)) return null;
  }
  const length = times.length;
  const codes = new Int32Array(length);
  const starts = new Int32Array(users.length + 1);
  for (let index = 0; index < length; index += 1) {
    const code = table.find(highs[index], lows[index]);
    if (code < 0) return null;
    codes[index] = code;
    starts[code + 1] += 1;
  }
  for (let code = 0; code < users.length; code += 1) starts[code + 1] += starts[code];
  const next = starts.slice(0, users.length);
  const grouped = new Float64Array(length);
  for (let index = 0; index < length; index += 1) grouped[next[codes[index]]++] = times[index];

  const order = users
    .map((_, code) => code)
    .sort(
      (a, b) =>
        compareText(users[a][0], users[b][0]) ||
        compareNullableText(users[a][3] ?? null, users[b][3] ?? null),
    );
  const scratch = new Float64Array(length);
  const sessions: SessionRecord[] = [];
  for (const code of order) {
    const from = starts[code];
    const to = starts[code + 1];
    if (from === to) continue;
    const userTimes = grouped.subarray(from, to);
    mergeRuns(userTimes, scratch);
    const user = users[code];
    const userId = user[0];
    const push = (start: number, end: number, events: number): void => {
      const session: SessionRecord = { userId, start, end, events };
      if (user.length > 3) session.partition = user[3];
      sessions.push(session);
    };
    let start = userTimes[0];
    let last = start;
    let events = 1;
    for (let index = 1; index < userTimes.length; index += 1) {
      const time = userTimes[index];
      if (time - last > gapMs) {
        push(start, last, events);
        start = time;
        events = 0;
      }
      last = time;
      events += 1;
    }
    push(start, last, events);
  }
  return sessions;
}

/** Open addressing from a 64-bit hash (two 32-bit halves) to a user's code. */
class HashTable {
  private readonly highs: Uint32Array;
  private readonly lows: Uint32Array;
  /** Code + 1; 0 marks an empty slot. */
  private readonly codes: Int32Array;
  private readonly mask: number;

  constructor(count: number) {
    let size = 2;
    while (size < count * 2) size *= 2;
    this.highs = new Uint32Array(size);
    this.lows = new Uint32Array(size);
    this.codes = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Adds a hash; `false` when it is already there (a collision of two ids). */
  insert(high: number, low: number, code: number): boolean {
    let slot = low & this.mask;
    while (this.codes[slot] !== 0) {
      if (this.highs[slot] === high && this.lows[slot] === low) return false;
      slot = (slot + 1) & this.mask;
    }
    this.highs[slot] = high;
    this.lows[slot] = low;
    this.codes[slot] = code + 1;
    return true;
  }

  /** The code of a hash; -1 when absent. */
  find(high: number, low: number): number {
    let slot = low & this.mask;
    while (this.codes[slot] !== 0) {
      if (this.highs[slot] === high && this.lows[slot] === low) return this.codes[slot] - 1;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }
}

/**
 * Sorts `values` ascending by merging its ascending runs (events usually arrive in time order,
 * or as a few interleaved time-ordered streams), using `scratch` (at least as long) as a buffer.
 */
function mergeRuns(values: Float64Array, scratch: Float64Array): void {
  let bounds = [0];
  for (let index = 1; index < values.length; index += 1) {
    if (values[index] < values[index - 1]) bounds.push(index);
  }
  if (bounds.length === 1) return;
  bounds.push(values.length);
  let source = values;
  let target = scratch.subarray(0, values.length);
  while (bounds.length > 2) {
    const merged = [0];
    for (let run = 0; run + 1 < bounds.length; run += 2) {
      const from = bounds[run];
      const middle = bounds[run + 1];
      const to = run + 2 < bounds.length ? bounds[run + 2] : middle;
      let left = from;
      let right = middle;
      let at = from;
      while (left < middle && right < to) {
        target[at++] = source[right] < source[left] ? source[right++] : source[left++];
      }
      while (left < middle) target[at++] = source[left++];
      while (right < to) target[at++] = source[right++];
      merged.push(to);
    }
    bounds = merged;
    [source, target] = [target, source];
  }
  if (source !== values) values.set(source);
}

/** Orders strings as JavaScript's `<` does (by UTF-16 code units). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders nullable strings by UTF-16 code units, `null` last. */
function compareNullableText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}
