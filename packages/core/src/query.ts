import type { RosterUser, StoredEvent } from './event.js';

/**
 * The string-valued columns an engine can group and filter by. Nested wire fields are
 * flattened: `context.country` is `country`, `context.page` is `page`.
 */
export type Dimension =
  | 'name'
  | 'userId'
  | 'actor'
  | 'agent'
  | 'category'
  | 'source'
  | 'endpoint'
  | 'sessionId'
  | 'conversationId'
  | 'model'
  | 'provider'
  | 'status'
  | 'errorType'
  | 'targetId'
  | 'pricing'
  | 'ip'
  | 'country'
  | 'region'
  | 'city'
  | 'page'
  | 'referrer'
  | 'browser'
  | 'os'
  | 'timezone'
  | 'locale';

/** Every {@link Dimension}, in a stable order. */
export const DIMENSIONS: readonly Dimension[] = [
  'name',
  'userId',
  'actor',
  'agent',
  'category',
  'source',
  'endpoint',
  'sessionId',
  'conversationId',
  'model',
  'provider',
  'status',
  'errorType',
  'targetId',
  'pricing',
  'ip',
  'country',
  'region',
  'city',
  'page',
  'referrer',
  'browser',
  'os',
  'timezone',
  'locale',
];

/**
 * The numeric columns an engine can aggregate. `tokensTotal` is `tokensInput + tokensOutput`.
 * Token columns are `null` for events without tokens; `latencyMs`, `feedback`, `rating`,
 * `value` are `null` when absent; `costNanos` and `credits` are always set.
 */
export type NumericField =
  | 'timestamp'
  | 'tokensInput'
  | 'tokensOutput'
  | 'tokensCachedInput'
  | 'tokensCacheWrite'
  | 'tokensReasoning'
  | 'tokensTotal'
  | 'costNanos'
  | 'credits'
  | 'latencyMs'
  | 'feedback'
  | 'rating'
  | 'value';

/** Every {@link NumericField}, in a stable order. */
export const NUMERIC_FIELDS: readonly NumericField[] = [
  'timestamp',
  'tokensInput',
  'tokensOutput',
  'tokensCachedInput',
  'tokensCacheWrite',
  'tokensReasoning',
  'tokensTotal',
  'costNanos',
  'credits',
  'latencyMs',
  'feedback',
  'rating',
  'value',
];

/**
 * Row filters an engine applies: for each dimension listed, the event's value must be one of
 * the allowed values (`null` allows a missing value). Dimensions combine with AND; an empty
 * list matches nothing.
 */
export type EngineFilters = Partial<Record<Dimension, readonly (string | null)[]>>;

/**
 * One aggregate. Nulls are skipped, as in SQL. Over no non-null values: `count` and `sum` give
 * 0, `countDistinct` gives 0, the others give `null`.
 *
 * - `count`: rows (or, with `field`, rows where that column is non-null).
 * - `countDistinct`: distinct non-null values of a dimension.
 * - `quantile`: continuous quantile with linear interpolation between order statistics
 *   (SQL `quantile_cont`); `q` in [0, 1].
 * - `last`: the value on the latest event by timestamp (ties: the one appended last); nulls
 *   are not skipped.
 *
 * `where` restricts the rows one measure sees (SQL `FILTER (WHERE …)`), on top of the query's
 * filters.
 */
export type Measure = (
  | { op: 'count'; field?: NumericField | Dimension }
  | { op: 'sum' | 'min' | 'max' | 'avg'; field: NumericField }
  | { op: 'countDistinct'; field: Dimension }
  | { op: 'quantile'; field: NumericField; q: number }
  | { op: 'last'; field: NumericField | Dimension }
) & { where?: EngineFilters };

/**
 * Grouping by time: events fall into the bucket whose start is the greatest boundary at or
 * before their timestamp. Boundaries are sorted epoch ms; the first equals the range start.
 * The group key is the bucket's index. Core computes boundaries (local-time aligned, DST
 * aware) so every engine buckets identically.
 */
export interface TimeGrouping {
  boundaries: readonly number[];
}

/** A grouping key: a dimension, or time buckets. */
export type Grouping = Dimension | TimeGrouping;

/** A half-open time interval `[from, to)` in epoch milliseconds. */
export interface Interval {
  from: number;
  to: number;
}

/** A grouped aggregate query. */
export interface AggregateQuery {
  range: Interval;
  filters?: EngineFilters;
  groupBy?: readonly Grouping[];
  measures: readonly Measure[];
}

/** One group: its key (one entry per grouping; a bucket index for time) and its measures. */
export interface AggregateRow {
  key: (string | number | null)[];
  values: (number | string | null)[];
}

/** The groups of an aggregate query, in no particular order. Groups with no rows are absent. */
export interface AggregateResult {
  rows: AggregateRow[];
}

/** A sort key for raw rows. */
export interface RowSort {
  field: NumericField | Dimension | 'id';
  direction: 'asc' | 'desc';
}

/** A query for raw events. Nulls sort last in either direction; ties break by id ascending. */
export interface RowsQuery {
  range: Interval;
  filters?: EngineFilters;
  sort?: readonly RowSort[];
  offset?: number;
  limit?: number;
}

/** A page of raw events and the number of all matching events. */
export interface RowsResult {
  rows: StoredEvent[];
  total: number;
}

/**
 * A sessionisation query: the events of each user (events with a `userId`), in time order,
 * split where the gap to the previous event is greater than `gapMs`. With `partitionBy`, a
 * user's events are sessionised separately per value of that dimension (sessions per agent).
 */
export interface SessionsQuery {
  range: Interval;
  filters?: EngineFilters;
  gapMs: number;
  partitionBy?: Dimension;
}

/** One session. `duration = end - start`. */
export interface SessionRecord {
  userId: string;
  /** The `partitionBy` value, when asked for. */
  partition?: string | null;
  start: number;
  end: number;
  events: number;
}

/**
 * The small surface every storage engine implements: the in-memory columnar engine in core,
 * and the DuckDB and ClickHouse engines in the server. Views are written against it only.
 */
export interface Engine {
  /** Grouped aggregates. */
  aggregate(query: AggregateQuery): Promise<AggregateResult>;
  /** Raw events, sorted and paged. */
  rows(query: RowsQuery): Promise<RowsResult>;
  /** Sessions of the matching events. */
  sessions(query: SessionsQuery): Promise<SessionRecord[]>;
  /** The roster of licensed users. */
  roster(): Promise<RosterUser[]>;
}
