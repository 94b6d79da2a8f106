import { TallyError, describeValue, fieldError } from '../errors.js';
import type { PropertyValue, RosterUser, StoredEvent } from '../event.js';
import { DIMENSIONS, NUMERIC_FIELDS } from '../query.js';
import type {
  AggregateQuery,
  AggregateResult,
  AggregateRow,
  Dimension,
  Engine,
  EngineFilters,
  Interval,
  NumericField,
  RowSort,
  RowsQuery,
  RowsResult,
  SessionRecord,
  SessionsQuery,
} from '../query.js';
import { checkAggregateQuery } from './check-aggregate-query.js';
import { checkRowsQuery } from './check-rows-query.js';
import { checkSessionsQuery } from './check-sessions-query.js';
import { compileFilters, filterRows } from './compile-filters.js';
import { DictionaryColumn } from './dictionary-column.js';
import { groupRows } from './group-keys.js';
import type { GroupingPlan } from './group-keys.js';
import { IdColumn } from './id-column.js';
import { evaluateMeasures } from './measure-evaluator.js';
import type { MeasureRows } from './measure-rows.js';
import { NumericColumn } from './numeric-column.js';
import type { NumericKind } from './numeric-column.js';
import { isRecord } from './query-checks.js';
import { rowComparator } from './row-comparator.js';
import type { SortColumn } from './row-comparator.js';
import { firstRows, firstRowsByTime } from './row-order.js';
import { sessionize } from './sessionize.js';
import { SlotTable } from './slot-table.js';
import { TimeOrder } from './time-order.js';
import {
  CONTEXT_DIMENSIONS,
  HAS_CONTEXT,
  HAS_TOKENS,
  eventColumnsLength,
  writeEventColumns,
} from './write-event-columns.js';
import type { EventColumns } from './write-event-columns.js';

/** Options of a {@link ColumnarEngine}. */
export interface ColumnarEngineOptions {
  /**
   * Rows to allocate up front; storage doubles when it fills (or grows to fit a larger batch).
   * @default 1024
   */
  initialCapacity?: number;
}

/**
 * Where numeric columns start. Token counts, costs and latencies outgrow one byte in any real
 * data, so they start at four bytes rather than being copied twice on the way there.
 */
const INITIAL_KINDS: Partial<Record<NumericField, NumericKind>> = {
  timestamp: 'float64',
  tokensInput: 'int32',
  tokensOutput: 'int32',
  tokensCachedInput: 'int32',
  tokensCacheWrite: 'int32',
  tokensReasoning: 'int32',
  tokensTotal: 'int32',
  costNanos: 'int32',
  latencyMs: 'int32',
};

/** A column of selected rows, in time order: `rows[0..length)`. */
interface Selection {
  rows: Int32Array;
  length: number;
}

const EMPTY_SELECTION: Selection = { rows: new Int32Array(0), length: 0 };

/**
 * The in-memory engine: events in growable typed-array columns (strings dictionary-encoded,
 * numbers in the narrowest exact array), a time-ordered permutation so that a query's range is
 * one contiguous slice found by binary search, and aggregation compiled to flat loops over
 * that slice. It powers local dashboards in the browser and is the reference speed for the
 * server engines.
 *
 * @example
 * ```ts
 * const engine = new ColumnarEngine();
 * engine.append(events);
 * const { rows } = await engine.aggregate({
 *   range: { from, to },
 *   groupBy: ['userId'],
 *   measures: [{ op: 'count' }, { op: 'sum', field: 'credits' }],
 * });
 * ```
 */
export class ColumnarEngine implements Engine {
  private rowCount = 0;
  private capacity: number;
  private readonly ids: IdColumn;
  private readonly dimensions: Record<Dimension, DictionaryColumn>;
  private readonly catalogVersions: DictionaryColumn;
  private readonly numbers: Record<NumericField, NumericColumn>;
  private readonly costUsd: NumericColumn;
  private flags: Uint8Array;
  private readonly contextColumns: readonly DictionaryColumn[];
  private readonly tokenColumns: readonly NumericColumn[];
  private readonly properties = new Map<number, Record<string, PropertyValue>>();
  private readonly timeOrder: TimeOrder;
  private selectionBuffer = new Int32Array(0);
  private groupBuffer = new Int32Array(0);
  private readonly slotTable = new SlotTable();
  private readonly users = new Map<string, RosterUser>();

  constructor(options: ColumnarEngineOptions = {}) {
    const initial = options.initialCapacity ?? 1024;
    if (!Number.isSafeInteger(initial) || initial < 0) {
      throw fieldError(
        'invalid_options',
        'initialCapacity',
        `must be a non-negative integer (got ${describeValue(initial)})`,
      );
    }
    const capacity = Math.max(initial, 16);
    this.capacity = capacity;
    this.ids = new IdColumn(capacity);
    this.dimensions = Object.fromEntries(
      DIMENSIONS.map((dimension) => [dimension, new DictionaryColumn(capacity)]),
    ) as Record<Dimension, DictionaryColumn>;
    this.catalogVersions = new DictionaryColumn(capacity);
    this.numbers = Object.fromEntries(
      NUMERIC_FIELDS.map((field) => [
        field,
        new NumericColumn(capacity, INITIAL_KINDS[field] ?? 'int8'),
      ]),
    ) as Record<NumericField, NumericColumn>;
    this.costUsd = new NumericColumn(capacity);
    this.contextColumns = CONTEXT_DIMENSIONS.map((dimension) => this.dimensions[dimension]);
    this.tokenColumns = [
      ...TOKEN_BUCKETS.map(([field]) => this.numbers[field]),
      this.numbers.tokensTotal,
    ];
    this.flags = new Uint8Array(capacity);
    this.timeOrder = new TimeOrder(capacity);
  }

  /** The number of events appended. */
  get size(): number {
    return this.rowCount;
  }

  /**
   * Adds stored events. Their order here breaks timestamp ties (a later append is later);
   * they need not arrive in time order. A batch with a malformed event adds nothing.
   *
   * @throws {TallyError} `invalid_event` naming the field, e.g. `events[3].timestamp`.
   */
  append(events: readonly StoredEvent[]): void {
    if (!Array.isArray(events)) {
      throw fieldError(
        'invalid_event',
        'events',
        `must be an array (got ${describeValue(events)})`,
      );
    }
    const start = this.rowCount;
    this.reserve(start + events.length);
    try {
      for (let index = 0; index < events.length; index += 1) {
        this.appendOne(events[index], start + index, index);
      }
    } catch (error) {
      this.truncate(start);
      throw error;
    }
    this.rowCount = start + events.length;
    this.timeOrder.appended(this.timestamps, start, this.rowCount);
  }

  /**
   * Adds stored events given as columns (see {@link EventColumns}): the same rows as
   * {@link ColumnarEngine.append} with the same events, loaded column by column without an
   * object per event, several times faster for large batches. A batch with a malformed value
   * adds nothing.
   *
   * @throws {TallyError} `invalid_event` naming the column and index, e.g. `columns.model[3]`.
   */
  appendColumns(columns: EventColumns): void {
    const count = eventColumnsLength(columns);
    const start = this.rowCount;
    this.reserve(start + count);
    try {
      writeEventColumns(
        {
          ids: this.ids,
          timestamps: this.timestamps,
          dimensions: this.dimensions,
          catalogVersions: this.catalogVersions,
          numbers: this.numbers,
          costUsd: this.costUsd,
          flags: this.flags,
          properties: this.properties,
        },
        columns,
        start,
        count,
      );
    } catch (error) {
      this.truncate(start);
      throw error;
    }
    this.rowCount = start + count;
    this.timeOrder.appended(this.timestamps, start, this.rowCount);
  }

  /** Replaces the roster of licensed users. */
  setRoster(users: readonly RosterUser[]): void {
    checkUsers(users);
    this.users.clear();
    for (const user of users) this.users.set(user.id, { ...user });
  }

  /** Adds users to the roster, or merges the given fields into the user with the same id. */
  upsertUsers(users: readonly RosterUser[]): void {
    checkUsers(users);
    for (const user of users) {
      const existing = this.users.get(user.id);
      this.users.set(user.id, existing === undefined ? { ...user } : { ...existing, ...user });
    }
  }

  /** Grouped aggregates. See {@link ColumnarEngine.aggregateSync}. */
  async aggregate(query: AggregateQuery): Promise<AggregateResult> {
    return this.aggregateSync(query);
  }

  /** Raw events, sorted and paged. See {@link ColumnarEngine.rowsSync}. */
  async rows(query: RowsQuery): Promise<RowsResult> {
    return this.rowsSync(query);
  }

  /** Sessions of the matching events. See {@link ColumnarEngine.sessionsSync}. */
  async sessions(query: SessionsQuery): Promise<SessionRecord[]> {
    return this.sessionsSync(query);
  }

  /** The roster, as copies. */
  async roster(): Promise<RosterUser[]> {
    return this.rosterSync();
  }

  /** The roster, as copies, in the order users were first added. */
  rosterSync(): RosterUser[] {
    return [...this.users.values()].map((user) => ({ ...user }));
  }

  /**
   * Grouped aggregates, computed synchronously: the matching rows are selected once, assigned
   * to groups once, then each measure (or set of measures sharing a column and `where`) runs
   * one flat loop over them.
   *
   * @throws {TallyError} `invalid_query` naming the field, e.g. `measures[2].q`.
   */
  aggregateSync(query: AggregateQuery): AggregateResult {
    const checked = checkAggregateQuery(query);
    const selection = this.select(checked.range, checked.filters);
    const groupBy = checked.groupBy ?? [];
    const timestamps = this.timestamps;
    const plans = groupBy.map((grouping): GroupingPlan => {
      if (typeof grouping === 'string') {
        const column = this.dimensions[grouping];
        return { kind: 'dimension', codes: column.codes, radix: column.size };
      }
      return { kind: 'time', timestamps, boundaries: Float64Array.from(grouping.boundaries) };
    });
    const grouped = groupRows(
      selection.rows,
      selection.length,
      plans,
      this.scratchGroups(selection.length),
      this.slotTable,
    );
    const groupCount = grouped.count;
    if (groupCount === 0) return { rows: [] };
    // One object shape for every row set the kernels see.
    const baseRows: MeasureRows = {
      rows: grouped.rows,
      groups: grouped.groups,
      length: grouped.length,
    };

    const results = evaluateMeasures(
      checked.measures,
      baseRows,
      groupCount,
      {
        dimension: (dimension) => this.dimensions[dimension],
        numeric: (field) => this.numbers[field],
      },
      grouped.sizes,
    );

    const keyColumns = groupBy.map((grouping) =>
      typeof grouping === 'string' ? this.dimensions[grouping] : null,
    );
    const rows: AggregateRow[] = new Array(groupCount);
    for (let group = 0; group < groupCount; group += 1) {
      // The digits array becomes the key: codes turn into their strings in place.
      const key: (string | number | null)[] = grouped.keys[group];
      for (let index = 0; index < keyColumns.length; index += 1) {
        const column = keyColumns[index];
        if (column !== null) key[index] = column.valueOf(key[index] as number);
      }
      const values = new Array<number | string | null>(results.length);
      for (let index = 0; index < results.length; index += 1) values[index] = results[index](group);
      rows[group] = { key, values };
    }
    return { rows };
  }

  /**
   * Raw events, computed synchronously: filtered, sorted (nulls last in both directions, ties
   * by id ascending; no sort keys means by id), paged. A leading timestamp key reuses the time
   * order; a short page is picked without sorting every row.
   *
   * @throws {TallyError} `invalid_query` naming the field, e.g. `sort[0].field`.
   */
  rowsSync(query: RowsQuery): RowsResult {
    const checked = checkRowsQuery(query);
    const selection = this.select(checked.range, checked.filters);
    const total = selection.length;
    const offset = checked.offset ?? 0;
    const end = checked.limit === undefined ? total : Math.min(total, offset + checked.limit);
    if (offset >= end) return { rows: [], total };
    const keys = checked.sort ?? [];
    const compareIds = (a: number, b: number): number => this.ids.compare(a, b);
    const columnOf = (field: RowSort['field']): SortColumn => this.sortColumn(field);
    let page: Int32Array;
    if (keys.length > 0 && keys[0].field === 'timestamp') {
      page = firstRowsByTime(
        selection.rows,
        total,
        this.timestamps,
        keys[0].direction === 'desc',
        rowComparator(keys.slice(1), columnOf, compareIds),
        end,
      );
    } else {
      page = firstRows(selection.rows, total, rowComparator(keys, columnOf, compareIds), end);
    }
    const rows: StoredEvent[] = [];
    for (let index = offset; index < end; index += 1) rows.push(this.eventAt(page[index]));
    return { rows, total };
  }

  /**
   * Sessions, computed synchronously in one walk over the matching rows in time order; sorted
   * by user id, partition (absent last) and start.
   *
   * @throws {TallyError} `invalid_query` naming the field, e.g. `gapMs`.
   */
  sessionsSync(query: SessionsQuery): SessionRecord[] {
    const checked = checkSessionsQuery(query);
    const selection = this.select(checked.range, checked.filters);
    return sessionize(
      selection.rows,
      selection.length,
      this.timestamps,
      this.dimensions.userId,
      checked.partitionBy === undefined ? null : this.dimensions[checked.partitionBy],
      checked.gapMs,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Selection.

  private get timestamps(): Float64Array {
    return this.numbers.timestamp.data as Float64Array;
  }

  /** The rows in `range` passing `filters`, in time order (ties in append order). */
  private select(range: Interval, filters: EngineFilters | undefined): Selection {
    const count = this.rowCount;
    const timestamps = this.timestamps;
    if (!this.timeOrder.isCurrent(count)) this.timeOrder.update(timestamps, count);
    const compiled = compileFilters(filters, (dimension) => this.dimensions[dimension]);
    if (compiled.none) return EMPTY_SELECTION;
    const low = this.timeOrder.lowerBound(timestamps, count, range.from);
    const high = this.timeOrder.lowerBound(timestamps, count, range.to);
    if (high <= low) return EMPTY_SELECTION;
    const slice = this.timeOrder.order.subarray(low, high);
    if (compiled.masks.length === 0) return { rows: slice, length: slice.length };
    if (this.selectionBuffer.length < slice.length) {
      this.selectionBuffer = new Int32Array(this.capacity);
    }
    const target = this.selectionBuffer;
    let length = filterRows(slice, slice.length, compiled.masks[0], target);
    for (let index = 1; index < compiled.masks.length && length > 0; index += 1) {
      length = filterRows(target, length, compiled.masks[index], target);
    }
    return { rows: target, length };
  }

  private scratchGroups(length: number): Int32Array {
    if (this.groupBuffer.length < length) this.groupBuffer = new Int32Array(this.capacity);
    return this.groupBuffer;
  }

  private sortColumn(field: RowSort['field']): SortColumn {
    if (field === 'id') return { kind: 'id' };
    if (NUMERIC_FIELDS.includes(field as NumericField)) {
      return { kind: 'numeric', column: this.numbers[field as NumericField] };
    }
    const column = this.dimensions[field as Dimension];
    return { kind: 'dimension', codes: column.codes, ranks: column.ranks() };
  }

  // -------------------------------------------------------------------------------------------
  // Storage.

  private reserve(needed: number): void {
    if (needed <= this.capacity) return;
    const capacity = Math.max(needed, this.capacity * 2);
    this.ids.grow(capacity);
    for (const dimension of DIMENSIONS) this.dimensions[dimension].grow(capacity);
    this.catalogVersions.grow(capacity);
    for (const field of NUMERIC_FIELDS) this.numbers[field].grow(capacity);
    this.costUsd.grow(capacity);
    const flags = new Uint8Array(capacity);
    flags.set(this.flags);
    this.flags = flags;
    this.timeOrder.grow(capacity);
    this.capacity = capacity;
  }

  private truncate(rowCount: number): void {
    this.ids.truncate(rowCount);
    for (const row of this.properties.keys()) if (row >= rowCount) this.properties.delete(row);
  }

  /**
   * Writes every column of one row (absent values too: a rolled-back row may be reused). Kept
   * in small methods so that each stays within the optimising compiler's inlining budget.
   */
  private appendOne(event: StoredEvent, row: number, index: number): void {
    if (typeof event !== 'object' || event === null) {
      throw invalidEvent(index, '', 'must be an object', event);
    }
    const { id, timestamp } = event as { id: unknown; timestamp: unknown };
    if (typeof id !== 'string' || id.length === 0) {
      throw invalidEvent(index, 'id', 'must be a non-empty string', id);
    }
    if (typeof timestamp !== 'number' || timestamp - timestamp !== 0) {
      throw invalidEvent(
        index,
        'timestamp',
        'must be a finite number of epoch milliseconds',
        timestamp,
      );
    }
    this.timestamps[row] = timestamp;
    this.ids.set(row, id);
    this.appendStrings(event, row, index);
    let flags = this.appendContext(event.context, row, index);
    flags |= this.appendTokens(event.tokens, row, index);
    this.appendNumbers(event, row, index);
    this.flags[row] = flags;
    const properties: unknown = event.properties;
    if (properties === undefined || properties === null) {
      if (this.properties.size > 0) this.properties.delete(row);
    } else {
      if (!isRecord(properties)) {
        throw invalidEvent(index, 'properties', 'must be an object', properties);
      }
      this.properties.set(row, { ...(properties as Record<string, PropertyValue>) });
    }
  }

  private appendStrings(event: StoredEvent, row: number, index: number): void {
    const dimensions = this.dimensions;
    if (!dimensions.name.write(row, event.name))
      throw invalidEvent(index, 'name', 'must be a string', event.name);
    if (!dimensions.userId.write(row, event.userId))
      throw invalidEvent(index, 'userId', 'must be a string', event.userId);
    if (!dimensions.actor.write(row, event.actor))
      throw invalidEvent(index, 'actor', 'must be a string', event.actor);
    if (!dimensions.agent.write(row, event.agent))
      throw invalidEvent(index, 'agent', 'must be a string', event.agent);
    if (!dimensions.category.write(row, event.category))
      throw invalidEvent(index, 'category', 'must be a string', event.category);
    if (!dimensions.source.write(row, event.source))
      throw invalidEvent(index, 'source', 'must be a string', event.source);
    if (!dimensions.endpoint.write(row, event.endpoint))
      throw invalidEvent(index, 'endpoint', 'must be a string', event.endpoint);
    if (!dimensions.sessionId.write(row, event.sessionId))
      throw invalidEvent(index, 'sessionId', 'must be a string', event.sessionId);
    if (!dimensions.conversationId.write(row, event.conversationId))
      throw invalidEvent(index, 'conversationId', 'must be a string', event.conversationId);
    if (!dimensions.model.write(row, event.model))
      throw invalidEvent(index, 'model', 'must be a string', event.model);
    if (!dimensions.provider.write(row, event.provider))
      throw invalidEvent(index, 'provider', 'must be a string', event.provider);
    if (!dimensions.status.write(row, event.status))
      throw invalidEvent(index, 'status', 'must be a string', event.status);
    if (!dimensions.errorType.write(row, event.errorType))
      throw invalidEvent(index, 'errorType', 'must be a string', event.errorType);
    if (!dimensions.targetId.write(row, event.targetId))
      throw invalidEvent(index, 'targetId', 'must be a string', event.targetId);
    if (!dimensions.pricing.write(row, event.pricing))
      throw invalidEvent(index, 'pricing', 'must be a string', event.pricing);
    if (!this.catalogVersions.write(row, event.catalogVersion))
      throw invalidEvent(index, 'catalogVersion', 'must be a string', event.catalogVersion);
  }

  /** Writes the context columns; returns the row's context flag. */
  private appendContext(context: unknown, row: number, index: number): number {
    const dimensions = this.dimensions;
    if (context === undefined || context === null) {
      for (const column of this.contextColumns) column.write(row, undefined);
      return 0;
    }
    if (typeof context !== 'object')
      throw invalidEvent(index, 'context', 'must be an object', context);
    const fields = context as Record<string, unknown>;
    if (!dimensions.page.write(row, fields.page))
      throw invalidEvent(index, 'context.page', 'must be a string', fields.page);
    if (!dimensions.referrer.write(row, fields.referrer))
      throw invalidEvent(index, 'context.referrer', 'must be a string', fields.referrer);
    if (!dimensions.browser.write(row, fields.browser))
      throw invalidEvent(index, 'context.browser', 'must be a string', fields.browser);
    if (!dimensions.os.write(row, fields.os))
      throw invalidEvent(index, 'context.os', 'must be a string', fields.os);
    if (!dimensions.timezone.write(row, fields.timezone))
      throw invalidEvent(index, 'context.timezone', 'must be a string', fields.timezone);
    if (!dimensions.locale.write(row, fields.locale))
      throw invalidEvent(index, 'context.locale', 'must be a string', fields.locale);
    if (!dimensions.ip.write(row, fields.ip))
      throw invalidEvent(index, 'context.ip', 'must be a string', fields.ip);
    if (!dimensions.country.write(row, fields.country))
      throw invalidEvent(index, 'context.country', 'must be a string', fields.country);
    if (!dimensions.region.write(row, fields.region))
      throw invalidEvent(index, 'context.region', 'must be a string', fields.region);
    if (!dimensions.city.write(row, fields.city))
      throw invalidEvent(index, 'context.city', 'must be a string', fields.city);
    return HAS_CONTEXT;
  }

  /** Writes the token columns; returns the row's tokens flag. */
  private appendTokens(tokens: unknown, row: number, index: number): number {
    const numbers = this.numbers;
    if (tokens === undefined || tokens === null) {
      for (const column of this.tokenColumns) column.write(row, undefined);
      return 0;
    }
    if (typeof tokens !== 'object') {
      throw invalidEvent(index, 'tokens', 'must be an object or null', tokens);
    }
    const buckets = tokens as Record<string, unknown>;
    const input = buckets.input;
    const output = buckets.output;
    if (!numbers.tokensInput.write(row, input))
      throw invalidEvent(index, 'tokens.input', 'must be a finite number', input);
    if (!numbers.tokensOutput.write(row, output))
      throw invalidEvent(index, 'tokens.output', 'must be a finite number', output);
    if (!numbers.tokensCachedInput.write(row, buckets.cachedInput))
      throw invalidEvent(
        index,
        'tokens.cachedInput',
        'must be a finite number',
        buckets.cachedInput,
      );
    if (!numbers.tokensCacheWrite.write(row, buckets.cacheWrite))
      throw invalidEvent(index, 'tokens.cacheWrite', 'must be a finite number', buckets.cacheWrite);
    if (!numbers.tokensReasoning.write(row, buckets.reasoning))
      throw invalidEvent(index, 'tokens.reasoning', 'must be a finite number', buckets.reasoning);
    const hasInput = typeof input === 'number';
    const hasOutput = typeof output === 'number';
    numbers.tokensTotal.write(
      row,
      hasInput || hasOutput ? (hasInput ? input : 0) + (hasOutput ? output : 0) : null,
    );
    return HAS_TOKENS;
  }

  private appendNumbers(event: StoredEvent, row: number, index: number): void {
    const numbers = this.numbers;
    if (!numbers.costNanos.write(row, event.costNanos))
      throw invalidEvent(index, 'costNanos', 'must be a finite number', event.costNanos);
    if (!numbers.credits.write(row, event.credits))
      throw invalidEvent(index, 'credits', 'must be a finite number', event.credits);
    if (!numbers.latencyMs.write(row, event.latencyMs))
      throw invalidEvent(index, 'latencyMs', 'must be a finite number', event.latencyMs);
    if (!numbers.feedback.write(row, event.feedback))
      throw invalidEvent(index, 'feedback', 'must be a finite number', event.feedback);
    if (!numbers.rating.write(row, event.rating))
      throw invalidEvent(index, 'rating', 'must be a finite number', event.rating);
    if (!numbers.value.write(row, event.value))
      throw invalidEvent(index, 'value', 'must be a finite number', event.value);
    if (!this.costUsd.write(row, event.costUsd))
      throw invalidEvent(index, 'costUsd', 'must be a finite number', event.costUsd);
  }

  /** Rebuilds the stored event of `row`, with the fields it was appended with. */
  private eventAt(row: number): StoredEvent {
    const dimensions = this.dimensions;
    const numbers = this.numbers;
    const event: Record<string, unknown> = {
      id: this.ids.get(row),
    };
    const name = dimensions.name.valueOf(dimensions.name.codes[row]);
    if (name !== null) event.name = name;
    event.timestamp = numbers.timestamp.data[row];
    for (const dimension of TOP_LEVEL_DIMENSIONS) {
      const column = dimensions[dimension];
      const value = column.valueOf(column.codes[row]);
      if (value !== null) event[dimension] = value;
    }
    const flags = this.flags[row];
    if ((flags & HAS_TOKENS) === 0) {
      event.tokens = null;
    } else {
      const tokens: Record<string, number> = {};
      for (const [field, bucket] of TOKEN_BUCKETS) {
        const value = numbers[field].get(row);
        if (value !== null) tokens[bucket] = value;
      }
      event.tokens = tokens;
    }
    for (const field of PLAIN_NUMBERS) {
      const value = numbers[field].get(row);
      if (value !== null) event[field] = value;
    }
    const costUsd = this.costUsd.get(row);
    if (costUsd !== null) event.costUsd = costUsd;
    const catalogVersion = this.catalogVersions.valueOf(this.catalogVersions.codes[row]);
    if (catalogVersion !== null) event.catalogVersion = catalogVersion;
    if ((flags & HAS_CONTEXT) !== 0) {
      const context: Record<string, string> = {};
      for (const dimension of CONTEXT_DIMENSIONS) {
        const column = dimensions[dimension];
        const value = column.valueOf(column.codes[row]);
        if (value !== null) context[dimension] = value;
      }
      event.context = context;
    }
    const properties = this.properties.get(row);
    if (properties !== undefined) event.properties = { ...properties };
    return event as unknown as StoredEvent;
  }
}

/** Dimensions that are top-level event fields, `name` aside. */
const TOP_LEVEL_DIMENSIONS = DIMENSIONS.filter(
  (dimension) =>
    dimension !== 'name' && !(CONTEXT_DIMENSIONS as readonly Dimension[]).includes(dimension),
);

/** Token columns and the bucket of `tokens` each one stores. */
const TOKEN_BUCKETS: readonly (readonly [NumericField, string])[] = [
  ['tokensInput', 'input'],
  ['tokensOutput', 'output'],
  ['tokensCachedInput', 'cachedInput'],
  ['tokensCacheWrite', 'cacheWrite'],
  ['tokensReasoning', 'reasoning'],
];

/** Numeric columns that are top-level event fields under the same name. */
const PLAIN_NUMBERS: readonly NumericField[] = [
  'costNanos',
  'credits',
  'latencyMs',
  'feedback',
  'rating',
  'value',
];

function invalidEvent(index: number, field: string, reason: string, value: unknown): TallyError {
  const path = field === '' ? `events[${index}]` : `events[${index}].${field}`;
  return fieldError('invalid_event', path, `${reason} (got ${describeValue(value)})`);
}

function checkUsers(users: readonly RosterUser[]): void {
  if (!Array.isArray(users)) {
    throw fieldError('invalid_roster', 'users', `must be an array (got ${describeValue(users)})`);
  }
  users.forEach((user: unknown, index) => {
    if (!isRecord(user) || typeof user.id !== 'string' || user.id.length === 0) {
      throw fieldError(
        'invalid_roster',
        `users[${index}].id`,
        `must be a non-empty string (got ${describeValue(isRecord(user) ? user.id : user)})`,
      );
    }
  });
}
