import { TallyError, describeValue, fieldError } from '../errors.js';
import type { PropertyValue } from '../event.js';
import { DIMENSIONS } from '../query.js';
import type { Dimension, NumericField } from '../query.js';
import type { DictionaryColumn } from './dictionary-column.js';
import type { IdColumn } from './id-column.js';
import type { NumericColumn } from './numeric-column.js';
import { isRecord } from './query-checks.js';

/**
 * The values of one column: one entry per event, `null` or `undefined` for absent (and, in
 * numeric columns, `NaN`, so that a `Float64Array` can carry absent values).
 */
export type ColumnValues<T> = ArrayLike<T | null | undefined>;

/**
 * A string column already dictionary-encoded: event `i` has `values[codes[i]]`. Loading it
 * looks each distinct value up once instead of once per event.
 */
export interface EncodedColumn {
  codes: ArrayLike<number>;
  values: ArrayLike<string | null | undefined>;
}

/** A string column: the values, or their dictionary encoding. */
export type StringColumn = ColumnValues<string> | EncodedColumn;

/** Numeric fields given as columns; `tokensTotal` is derived, as for event objects. */
export type EventColumnsNumericField = Exclude<NumericField, 'timestamp' | 'tokensTotal'>;

/**
 * Stored events as parallel columns, one array per field, all as long as `id`: the way to load
 * many events without building an object per event. Fields are named as the engine names them
 * (`ip` for `context.ip`, `tokensInput` for `tokens.input`); a missing column means the field
 * is absent on every event. String columns may come dictionary-encoded ({@link EncodedColumn}),
 * which loads fastest. An event has `tokens` when one of its token fields is set, and a
 * `context` when one of its context fields is set.
 *
 * @example
 * ```ts
 * engine.appendColumns({
 *   id: ['0f8f…', '5d1c…'],
 *   timestamp: Float64Array.of(1_790_000_000_000, 1_790_000_060_000),
 *   name: ['chat.completion', 'doc.generate'],
 *   costNanos: Int32Array.of(1200, 0),
 * });
 * ```
 */
export type EventColumns = {
  /** Event ids: non-empty strings. */
  id: ArrayLike<string>;
  /** Epoch milliseconds: finite numbers. */
  timestamp: ArrayLike<number>;
  catalogVersion?: StringColumn;
  costUsd?: ColumnValues<number>;
  properties?: ColumnValues<Record<string, PropertyValue>>;
} & { [dimension in Dimension]?: StringColumn } & {
  [field in EventColumnsNumericField]?: ColumnValues<number>;
};

/** The engine's storage, as {@link writeEventColumns} fills it. */
export interface ColumnStorage {
  ids: IdColumn;
  timestamps: Float64Array;
  dimensions: Record<Dimension, DictionaryColumn>;
  catalogVersions: DictionaryColumn;
  numbers: Record<NumericField, NumericColumn>;
  costUsd: NumericColumn;
  flags: Uint8Array;
  properties: Map<number, Record<string, PropertyValue>>;
}

/** Flag bits of a row (shared with the engine). */
export const HAS_CONTEXT = 1;
export const HAS_TOKENS = 2;

/** Dimensions stored under an event's `context`. */
export const CONTEXT_DIMENSIONS = [
  'page',
  'referrer',
  'browser',
  'os',
  'timezone',
  'locale',
  'ip',
  'country',
  'region',
  'city',
] as const satisfies readonly Dimension[];

const CONTEXT_SET = new Set<string>(CONTEXT_DIMENSIONS);

const TOKEN_FIELDS = [
  'tokensInput',
  'tokensOutput',
  'tokensCachedInput',
  'tokensCacheWrite',
  'tokensReasoning',
] as const satisfies readonly NumericField[];

const OTHER_NUMBERS = [
  'costNanos',
  'credits',
  'latencyMs',
  'feedback',
  'rating',
  'value',
] as const satisfies readonly NumericField[];

/** Every column name {@link EventColumns} knows. */
const COLUMN_NAMES = new Set<string>([
  'id',
  'timestamp',
  'catalogVersion',
  'costUsd',
  'properties',
  ...DIMENSIONS,
  ...TOKEN_FIELDS,
  ...OTHER_NUMBERS,
]);

/**
 * Checks that `columns` is an object of known columns whose `id` column sets the length and
 * every other column given has that length; returns the number of events.
 *
 * @throws {TallyError} `invalid_event` naming the column.
 */
export function eventColumnsLength(columns: EventColumns): number {
  if (!isRecord(columns)) {
    throw fieldError(
      'invalid_event',
      'columns',
      `must be an object (got ${describeValue(columns)})`,
    );
  }
  const ids: unknown = columns.id;
  if (!isArrayLike(ids)) {
    throw fieldError('invalid_event', 'columns.id', `must be an array (got ${describeValue(ids)})`);
  }
  const length = ids.length;
  for (const [field, column] of Object.entries(columns)) {
    if (!COLUMN_NAMES.has(field)) {
      throw fieldError('invalid_event', `columns.${field}`, 'is not a column of an event');
    }
    if (column === undefined) continue;
    const encoded = isRecord(column) && !isArrayLike(column);
    if (encoded) checkEncoded(field, column, length);
    else if (!isArrayLike(column) || column.length !== length) {
      throw fieldError(
        'invalid_event',
        `columns.${field}`,
        `must be an array as long as columns.id (${length}) (got ${describeValue(column)})`,
      );
    }
  }
  return length;
}

/**
 * Writes `count` events from `columns` into rows `[start, start + count)` of `storage`, one
 * column at a time. Column by column, each loop reads one array of one element kind and calls
 * one column's `write`, so the optimising compiler sees a single shape everywhere (reading
 * fields of event objects of many shapes is what makes per-object appends slow), and no
 * object is built per event.
 *
 * @throws {TallyError} `invalid_event` naming the column and index, e.g. `columns.model[3]`.
 */
export function writeEventColumns(
  storage: ColumnStorage,
  columns: EventColumns,
  start: number,
  count: number,
): void {
  writeIds(storage.ids, columns.id, start, count);
  writeTimestamps(storage.timestamps, columns.timestamp, start, count);
  const flags = storage.flags;
  flags.fill(0, start, start + count);
  for (const dimension of Object.keys(storage.dimensions) as Dimension[]) {
    const flag = CONTEXT_SET.has(dimension) ? HAS_CONTEXT : 0;
    writeDictionary(storage.dimensions[dimension], columns[dimension], start, count, dimension);
    if (flag !== 0) markPresent(flags, columns[dimension], start, count, flag);
  }
  writeDictionary(storage.catalogVersions, columns.catalogVersion, start, count, 'catalogVersion');
  const numbers = storage.numbers;
  for (const field of TOKEN_FIELDS) {
    writeNumbers(numbers[field], columns[field], start, count, field);
    markPresent(flags, columns[field], start, count, HAS_TOKENS);
  }
  writeTokensTotal(numbers.tokensTotal, columns.tokensInput, columns.tokensOutput, start, count);
  for (const field of OTHER_NUMBERS)
    writeNumbers(numbers[field], columns[field], start, count, field);
  writeNumbers(storage.costUsd, columns.costUsd, start, count, 'costUsd');
  writeProperties(storage.properties, columns.properties, start, count);
}

function checkEncoded(field: string, column: Record<string, unknown>, length: number): void {
  const { codes, values } = column;
  if (!isArrayLike(codes) || codes.length !== length) {
    throw fieldError(
      'invalid_event',
      `columns.${field}.codes`,
      `must be an array as long as columns.id (${length}) (got ${describeValue(codes)})`,
    );
  }
  if (!isArrayLike(values)) {
    throw fieldError(
      'invalid_event',
      `columns.${field}.values`,
      `must be an array (got ${describeValue(values)})`,
    );
  }
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw fieldError(
        'invalid_event',
        `columns.${field}.values[${index}]`,
        `must be a string (got ${describeValue(value)})`,
      );
    }
  }
}

function writeIds(ids: IdColumn, values: ArrayLike<unknown>, start: number, count: number): void {
  for (let index = 0; index < count; index += 1) {
    const id = values[index];
    if (typeof id !== 'string' || id.length === 0) {
      throw invalidColumn('id', index, 'must be a non-empty string', id);
    }
    ids.set(start + index, id);
  }
}

function writeTimestamps(
  timestamps: Float64Array,
  values: unknown,
  start: number,
  count: number,
): void {
  if (!isArrayLike(values)) {
    throw fieldError(
      'invalid_event',
      'columns.timestamp',
      `must be an array (got ${describeValue(values)})`,
    );
  }
  for (let index = 0; index < count; index += 1) {
    const timestamp = values[index];
    if (typeof timestamp !== 'number' || timestamp - timestamp !== 0) {
      throw invalidColumn(
        'timestamp',
        index,
        'must be a finite number of epoch milliseconds',
        timestamp,
      );
    }
    timestamps[start + index] = timestamp;
  }
}

function writeDictionary(
  column: DictionaryColumn,
  values: StringColumn | undefined,
  start: number,
  count: number,
  field: string,
): void {
  if (values === undefined) {
    column.codes.fill(0, start, start + count);
    return;
  }
  if (isEncoded(values)) {
    const bad = column.writeEncoded(start, count, values.codes, values.values);
    if (bad >= 0) {
      throw fieldError(
        'invalid_event',
        `columns.${field}.codes[${bad}]`,
        `must be an index of columns.${field}.values (got ${describeValue(values.codes[bad])})`,
      );
    }
    return;
  }
  for (let index = 0; index < count; index += 1) {
    if (!column.write(start + index, values[index])) {
      throw invalidColumn(field, index, 'must be a string', values[index]);
    }
  }
}

function writeNumbers(
  column: NumericColumn,
  values: ColumnValues<number> | undefined,
  start: number,
  count: number,
  field: string,
): void {
  if (values === undefined) {
    column.data.fill(column.sentinel, start, start + count);
    return;
  }
  for (let index = 0; index < count; index += 1) {
    const value = values[index];
    // NaN is absent: a Float64Array holds no null, and boxing numbers in plain arrays to
    // carry nulls costs the caller memory and the collector time.
    if (!column.write(start + index, value === value ? value : null)) {
      throw invalidColumn(field, index, 'must be a finite number', value);
    }
  }
}

/** `tokensInput + tokensOutput`, either counting as 0 when absent, null when both are. */
function writeTokensTotal(
  column: NumericColumn,
  inputs: ColumnValues<number> | undefined,
  outputs: ColumnValues<number> | undefined,
  start: number,
  count: number,
): void {
  for (let index = 0; index < count; index += 1) {
    const input = inputs === undefined ? undefined : inputs[index];
    const output = outputs === undefined ? undefined : outputs[index];
    const hasInput = typeof input === 'number' && input === input;
    const hasOutput = typeof output === 'number' && output === output;
    column.write(
      start + index,
      hasInput || hasOutput ? (hasInput ? input : 0) + (hasOutput ? output : 0) : null,
    );
  }
}

function markPresent(
  flags: Uint8Array,
  values: StringColumn | ColumnValues<number> | undefined,
  start: number,
  count: number,
  flag: number,
): void {
  if (values === undefined) return;
  if (isEncoded(values)) {
    markEncoded(flags, values, start, count, flag);
    return;
  }
  for (let index = 0; index < count; index += 1) {
    const value = values[index];
    if (value !== undefined && value !== null && value === value) flags[start + index] |= flag;
  }
}

function markEncoded(
  flags: Uint8Array,
  column: EncodedColumn,
  start: number,
  count: number,
  flag: number,
): void {
  const present = new Uint8Array(column.values.length);
  for (let code = 0; code < present.length; code += 1) {
    const value = column.values[code];
    if (value !== undefined && value !== null) present[code] = flag;
  }
  const codes = column.codes;
  for (let index = 0; index < count; index += 1) flags[start + index] |= present[codes[index]];
}

function isEncoded(column: StringColumn | ColumnValues<number>): column is EncodedColumn {
  return !isArrayLike(column);
}

function writeProperties(
  properties: Map<number, Record<string, PropertyValue>>,
  values: ColumnValues<Record<string, PropertyValue>> | undefined,
  start: number,
  count: number,
): void {
  if (values === undefined) {
    if (properties.size > 0)
      for (let row = start; row < start + count; row += 1) properties.delete(row);
    return;
  }
  for (let index = 0; index < count; index += 1) {
    const value: unknown = values[index];
    const row = start + index;
    if (value === undefined || value === null) {
      if (properties.size > 0) properties.delete(row);
    } else if (isRecord(value)) {
      properties.set(row, { ...(value as Record<string, PropertyValue>) });
    } else {
      throw invalidColumn('properties', index, 'must be an object', value);
    }
  }
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

function invalidColumn(field: string, index: number, reason: string, value: unknown): TallyError {
  return fieldError(
    'invalid_event',
    `columns.${field}[${index}]`,
    `${reason} (got ${describeValue(value)})`,
  );
}
