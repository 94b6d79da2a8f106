import type { RosterUser, StoredEvent } from '../../event.js';
import type {
  AggregateQuery,
  AggregateResult,
  AggregateRow,
  Dimension,
  Engine,
  EngineFilters,
  Interval,
  Measure,
  NumericField,
  RowSort,
  RowsQuery,
  RowsResult,
  SessionRecord,
  SessionsQuery,
} from '../../query.js';

/** Dimensions read from the event's `context` rather than from the event itself. */
const CONTEXT_DIMENSIONS: readonly string[] = [
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

/** Numeric fields read from `event.tokens`, with the bucket each one names. */
const TOKEN_FIELDS: Record<string, keyof NonNullable<StoredEvent['tokens']>> = {
  tokensInput: 'input',
  tokensOutput: 'output',
  tokensCachedInput: 'cachedInput',
  tokensCacheWrite: 'cacheWrite',
  tokensReasoning: 'reasoning',
};

/** The value of a dimension on one event, `null` when absent. */
export function dimensionValue(event: StoredEvent, dimension: Dimension): string | null {
  if (CONTEXT_DIMENSIONS.includes(dimension)) {
    const context = (event.context ?? {}) as Record<string, string | undefined>;
    return context[dimension] ?? null;
  }
  const value = (event as unknown as Record<string, unknown>)[dimension];
  return typeof value === 'string' ? value : null;
}

/** The value of a numeric column on one event, `null` when absent. */
export function numericValue(event: StoredEvent, field: NumericField): number | null {
  if (field === 'tokensTotal') {
    return event.tokens === null ? null : event.tokens.input + event.tokens.output;
  }
  if (field in TOKEN_FIELDS) {
    return event.tokens === null ? null : event.tokens[TOKEN_FIELDS[field]];
  }
  const value = (event as unknown as Record<string, unknown>)[field];
  return typeof value === 'number' ? value : null;
}

/** Whether `field` names a numeric column (the two name sets do not overlap). */
function isNumericField(field: string): field is NumericField {
  return [
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
  ].includes(field);
}

/** The value of any column (numeric, dimension or `id`) on one event. */
function columnValue(event: StoredEvent, field: string): number | string | null {
  if (field === 'id') return event.id;
  if (isNumericField(field)) return numericValue(event, field);
  return dimensionValue(event, field as Dimension);
}

function inRange(event: StoredEvent, range: Interval): boolean {
  return event.timestamp >= range.from && event.timestamp < range.to;
}

function matchesFilters(event: StoredEvent, filters: EngineFilters | undefined): boolean {
  if (filters === undefined) return true;
  for (const dimension of Object.keys(filters) as Dimension[]) {
    const allowed = filters[dimension];
    if (allowed === undefined) continue;
    if (!allowed.includes(dimensionValue(event, dimension))) return false;
  }
  return true;
}

/** Events in time order; a stable sort keeps append order among equal timestamps. */
function inTimeOrder(events: readonly StoredEvent[]): StoredEvent[] {
  return [...events].sort((a, b) => a.timestamp - b.timestamp);
}

/** `quantile_cont`: linear interpolation between the order statistics around `q * (n - 1)`. */
function quantileCont(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  if (lower === upper) return sorted[lower];
  return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
}

function measureValue(
  measure: Measure,
  groupEvents: readonly StoredEvent[],
): number | string | null {
  const events = groupEvents.filter((event) => matchesFilters(event, measure.where));
  if (measure.op === 'last') {
    let latest: StoredEvent | null = null;
    for (const event of events) {
      // `>=` so that, among equal timestamps, the event appended later wins.
      if (latest === null || event.timestamp >= latest.timestamp) latest = event;
    }
    return latest === null ? null : columnValue(latest, measure.field);
  }
  if (measure.op === 'count') {
    if (measure.field === undefined) return events.length;
    const field = measure.field;
    return events.filter((event) => columnValue(event, field) !== null).length;
  }
  if (measure.op === 'countDistinct') {
    const distinct = new Set<string>();
    for (const event of events) {
      const value = dimensionValue(event, measure.field);
      if (value !== null) distinct.add(value);
    }
    return distinct.size;
  }
  const field = measure.field;
  const values: number[] = [];
  for (const event of inTimeOrder(events)) {
    const value = numericValue(event, field);
    if (value !== null) values.push(value);
  }
  if (measure.op === 'quantile') return quantileCont(values, measure.q);
  if (measure.op === 'sum' || measure.op === 'avg') {
    let sum = 0;
    for (const value of values) sum += value;
    if (measure.op === 'sum') return sum;
    return values.length === 0 ? null : sum / values.length;
  }
  if (values.length === 0) return null;
  let extreme = values[0];
  for (const value of values) {
    if (measure.op === 'min' ? value < extreme : value > extreme) extreme = value;
  }
  return extreme;
}

/** The index of the bucket holding `timestamp`: the last boundary at or before it, or -1. */
function bucketIndex(boundaries: readonly number[], timestamp: number): number {
  let index = -1;
  for (let i = 0; i < boundaries.length; i += 1) {
    if (boundaries[i] <= timestamp) index = i;
  }
  return index;
}

/** Orders two column values: nulls last in either direction, otherwise by `direction`. */
function compareValues(
  a: number | string | null,
  b: number | string | null,
  direction: RowSort['direction'],
): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const ascending = a < b ? -1 : a > b ? 1 : 0;
  return direction === 'asc' ? ascending : -ascending;
}

/**
 * A deliberately naive {@link Engine} for tests: events in an array, plain filters, maps keyed
 * by `JSON.stringify`, full sorts. Other engines are checked against it, so it favours obvious
 * code over speed.
 */
export class ReferenceEngine implements Engine {
  private readonly events: StoredEvent[] = [];
  private users: RosterUser[] = [];

  /** The number of events appended. */
  get size(): number {
    return this.events.length;
  }

  /** Adds events; their order here is the arrival order that breaks timestamp ties. */
  append(events: readonly StoredEvent[]): void {
    this.events.push(...events);
  }

  /** Replaces the roster. */
  setRoster(users: readonly RosterUser[]): void {
    this.users = users.map((user) => ({ ...user }));
  }

  private matching(range: Interval, filters: EngineFilters | undefined): StoredEvent[] {
    return this.events.filter((event) => inRange(event, range) && matchesFilters(event, filters));
  }

  /** Grouped aggregates, computed group by group from the matching events, in reverse order. */
  async aggregate(query: AggregateQuery): Promise<AggregateResult> {
    const groupBy = query.groupBy ?? [];
    const groups = new Map<string, { key: (string | number | null)[]; events: StoredEvent[] }>();
    for (const event of this.matching(query.range, query.filters)) {
      const key: (string | number | null)[] = [];
      let bucketed = true;
      for (const grouping of groupBy) {
        if (typeof grouping === 'string') {
          key.push(dimensionValue(event, grouping));
        } else {
          const index = bucketIndex(grouping.boundaries, event.timestamp);
          if (index === -1) bucketed = false;
          key.push(index);
        }
      }
      // An event before the first boundary belongs to no bucket.
      if (!bucketed) continue;
      const id = JSON.stringify(key);
      const group = groups.get(id) ?? { key, events: [] };
      group.events.push(event);
      groups.set(id, group);
    }
    const rows: AggregateRow[] = [];
    for (const group of groups.values()) {
      rows.push({
        key: group.key,
        values: query.measures.map((measure) => measureValue(measure, group.events)),
      });
    }
    // Groups come back in reverse order of first appearance: engines promise no order, and a
    // view that adds floats in the engine's row order should then disagree between engines.
    return { rows: rows.reverse() };
  }

  /** Raw events: filtered, fully sorted (nulls last, ties by id), then sliced. */
  async rows(query: RowsQuery): Promise<RowsResult> {
    const sort = query.sort ?? [];
    const matching = this.matching(query.range, query.filters);
    const sorted = [...matching].sort((a, b) => {
      for (const key of sort) {
        const order = compareValues(
          columnValue(a, key.field),
          columnValue(b, key.field),
          key.direction,
        );
        if (order !== 0) return order;
      }
      return compareValues(a.id, b.id, 'asc');
    });
    const offset = query.offset ?? 0;
    const end = query.limit === undefined ? sorted.length : offset + query.limit;
    return { rows: sorted.slice(offset, end), total: matching.length };
  }

  /** Sessions: each user's (and partition's) events in time order, split at long gaps. */
  async sessions(query: SessionsQuery): Promise<SessionRecord[]> {
    const partitions = new Map<
      string,
      { userId: string; partition: string | null; events: StoredEvent[] }
    >();
    for (const event of this.matching(query.range, query.filters)) {
      if (event.userId === undefined) continue;
      const partition =
        query.partitionBy === undefined ? null : dimensionValue(event, query.partitionBy);
      const id = JSON.stringify([event.userId, partition]);
      const entry = partitions.get(id) ?? { userId: event.userId, partition, events: [] };
      entry.events.push(event);
      partitions.set(id, entry);
    }
    const sessions: SessionRecord[] = [];
    for (const entry of partitions.values()) {
      let current: SessionRecord | null = null;
      for (const event of inTimeOrder(entry.events)) {
        if (current !== null && event.timestamp - current.end <= query.gapMs) {
          current.end = event.timestamp;
          current.events += 1;
          continue;
        }
        current = { userId: entry.userId, start: event.timestamp, end: event.timestamp, events: 1 };
        if (query.partitionBy !== undefined) current.partition = entry.partition;
        sessions.push(current);
      }
    }
    return sessions;
  }

  /** The roster, as copies. */
  async roster(): Promise<RosterUser[]> {
    return this.users.map((user) => ({ ...user }));
  }
}
