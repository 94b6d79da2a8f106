import { describeValue, fieldError } from '../errors.js';
import type { ResolvedRange } from '../time/types.js';
import { countOf } from './counts.js';
import { leaderboard, type LeaderboardRow, type SystemSummary } from './leaderboard.js';
import { compareText } from './sorted-rows.js';
import type { ViewContext, ViewRequest } from './types.js';

/** What the per-user table has a column for: each category, or each event name. */
export type PerUserColumns = 'category' | 'name';

/** A sort of the per-user table. */
export interface PerUserSort {
  /**
   * The column: `rank` (the leaderboard's order), `user` (name, then id), `email`, `total`,
   * `credits`, or `count` for the column named by `key`.
   */
  by: 'rank' | 'user' | 'email' | 'total' | 'credits' | 'count';
  /** The category id or event name, for `by: 'count'`. */
  key?: string;
  /** Sort direction. @default 'asc' for rank, user and email; 'desc' for numbers */
  direction?: 'asc' | 'desc';
}

/** Options of {@link perUserTable}. */
export interface PerUserTableRequest extends ViewRequest {
  /** A column per category or per event name. @default 'category' */
  columns?: PerUserColumns;
  /** The order of the rows; ties fall back to the user id. @default { by: 'rank' } */
  sort?: PerUserSort;
}

/** One user of the per-user table. */
export interface PerUserRow {
  /** Leaderboard rank, `null` for users without events. */
  rank: number | null;
  /** The user's id. */
  userId: string;
  /** Roster name, `null` when unknown. */
  name: string | null;
  /** Roster email, `null` when unknown. */
  email: string | null;
  /** Events per column key; every column is present, zeros included. */
  counts: Record<string, number>;
  /** All the user's events. */
  total: number;
  /** Credits of those events. */
  credits: number;
  /** Whether the user holds a seat. */
  licensed: boolean;
  /** Whether the user is active. */
  active: boolean;
}

/** The per-user table's answer. */
export interface PerUserTableResult {
  /** The range the answer covers, after clamping to the data floor. */
  range: ResolvedRange;
  /** What the count columns are. */
  columns: PerUserColumns;
  /**
   * The count columns' keys in display order: categories as the leaderboard orders them, event
   * names by event count (ties by name).
   */
  keys: string[];
  /** One row per user: everyone on the leaderboard, including licensed users without events. */
  rows: PerUserRow[];
  /** System-attributed events (not a user row), or `null` when there are none. */
  system: SystemSummary | null;
}

/**
 * The per-user breakdown table (DESIGN §5 rows): one row per user with a column per category or
 * per event name, the total and the credits, sortable by any column. Covers the same users as
 * {@link leaderboard}, including licensed users without events; for tables and CSV export.
 *
 * @example
 * ```ts
 * const table = await perUserTable(context, { columns: 'name', sort: { by: 'count', key: 'doc.generate' } });
 * table.rows[0].counts['doc.generate'];
 * ```
 */
export async function perUserTable(
  context: ViewContext,
  request: PerUserTableRequest = {},
): Promise<PerUserTableResult> {
  const columns = readColumns(request.columns);
  const sort = readSort(request.sort);
  const board = await leaderboard(context, request);
  const keys =
    columns === 'category'
      ? board.categories.filter((key) => countOf(board.totals.byCategory, key) > 0)
      : Object.keys(board.totals.byName).sort(
          (a, b) =>
            countOf(board.totals.byName, b) - countOf(board.totals.byName, a) || compareText(a, b),
        );
  const rows = board.rows.map((row) => toRow(row, columns, keys));
  const compare = comparator(sort);
  rows.sort((a, b) => compare(a, b) || compareText(a.userId, b.userId));
  return { range: board.range, columns, keys, rows, system: board.system };
}

function toRow(row: LeaderboardRow, columns: PerUserColumns, keys: readonly string[]): PerUserRow {
  const source = columns === 'category' ? row.byCategory : row.byName;
  return {
    rank: row.rank,
    userId: row.userId,
    name: row.name,
    email: row.email,
    counts: Object.fromEntries(keys.map((key) => [key, countOf(source, key)])),
    total: row.total,
    credits: row.credits,
    licensed: row.licensed,
    active: row.active,
  };
}

type Compare = (a: PerUserRow, b: PerUserRow) => number;

function comparator(sort: Required<Pick<PerUserSort, 'by' | 'direction'>> & PerUserSort): Compare {
  const sign = sort.direction === 'asc' ? 1 : -1;
  switch (sort.by) {
    case 'rank':
      // Unranked users stay last either way.
      return (a, b) =>
        a.rank === b.rank
          ? 0
          : a.rank === null
            ? 1
            : b.rank === null
              ? -1
              : sign * (a.rank - b.rank);
    case 'user':
      return nullsLast((row) => row.name?.toLowerCase() ?? null, sign);
    case 'email':
      return nullsLast((row) => row.email?.toLowerCase() ?? null, sign);
    case 'total':
      return (a, b) => sign * (a.total - b.total);
    case 'credits':
      return (a, b) => sign * (a.credits - b.credits);
    case 'count': {
      const key = sort.key as string;
      return (a, b) => sign * (countOf(a.counts, key) - countOf(b.counts, key));
    }
  }
}

function nullsLast(read: (row: PerUserRow) => string | null, sign: number): Compare {
  return (a, b) => {
    const left = read(a);
    const right = read(b);
    if (left === right) return 0;
    if (left === null) return 1;
    if (right === null) return -1;
    return sign * compareText(left, right);
  };
}

function readColumns(value: unknown): PerUserColumns {
  if (value === undefined) return 'category';
  if (value === 'category' || value === 'name') return value;
  throw fieldError(
    'invalid_query',
    'columns',
    `must be category or name (got ${describeValue(value)})`,
  );
}

const SORTS = ['rank', 'user', 'email', 'total', 'credits', 'count'] as const;

function readSort(value: unknown): Required<Pick<PerUserSort, 'by' | 'direction'>> & PerUserSort {
  if (value === undefined) return { by: 'rank', direction: 'asc' };
  const { by, key, direction } = (
    typeof value === 'object' && value !== null ? value : {}
  ) as Record<string, unknown>;
  if (!SORTS.includes(by as PerUserSort['by'])) {
    throw fieldError(
      'invalid_query',
      'sort.by',
      `must be one of ${SORTS.join(', ')} (got ${describeValue(by)})`,
    );
  }
  if (by === 'count' && typeof key !== 'string') {
    throw fieldError(
      'invalid_query',
      'sort.key',
      `must name a column when sorting by count (got ${describeValue(key)})`,
    );
  }
  if (direction !== undefined && direction !== 'asc' && direction !== 'desc') {
    throw fieldError(
      'invalid_query',
      'sort.direction',
      `must be asc or desc (got ${describeValue(direction)})`,
    );
  }
  const textual = by === 'rank' || by === 'user' || by === 'email';
  return {
    by: by as PerUserSort['by'],
    key: key as string | undefined,
    direction: (direction as 'asc' | 'desc' | undefined) ?? (textual ? 'asc' : 'desc'),
  };
}
