import { describeValue, fieldError, type StoredEvent, type TallyError } from '@tally/core';
import { keyHash } from './key-hash.js';

/** One event ready for the appender: values in `EVENT_COLUMNS` order, `seq` still unset. */
export interface EventRow {
  tenant: string;
  id: string;
  hash: number;
  /** Values in `EVENT_COLUMNS` order; index {@link SEQ_INDEX} is filled in at write time. */
  values: (string | number | boolean | null)[];
}

/** Where `seq` sits in {@link EventRow.values}. */
export const SEQ_INDEX = 3;

/** Event fields stored as `context.*`, in `EVENT_COLUMNS` order. */
export const CONTEXT_FIELDS = [
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
] as const;

/** Top-level string fields after `name`, in `EVENT_COLUMNS` order (`catalogVersion` last). */
export const TEXT_FIELDS = [
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
] as const;

/** Token buckets, in `EVENT_COLUMNS` order. */
export const TOKEN_FIELDS = ['input', 'output', 'cachedInput', 'cacheWrite', 'reasoning'] as const;

/** Plain numbers after `costNanos`, in `EVENT_COLUMNS` order (`costUsd` first). */
export const DOUBLE_FIELDS = [
  'costUsd',
  'credits',
  'latencyMs',
  'feedback',
  'rating',
  'value',
] as const;

/**
 * Turns a stored event into a row for the `events` table, checking each field's type the way
 * core's columnar engine does (and, for the integer columns, that the value is a safe integer).
 * `-0` is stored as `0`.
 *
 * @throws {TallyError} `invalid_event` naming the field, e.g. `events[3].tokens.input`.
 */
export function toEventRow(tenant: string, event: StoredEvent, index: number): EventRow {
  if (!isRecord(event)) throw invalidEvent(index, '', 'must be an object', event);
  const { id, timestamp } = event;
  if (typeof id !== 'string' || id.length === 0) {
    throw invalidEvent(index, 'id', 'must be a non-empty string', id);
  }
  if (!Number.isSafeInteger(timestamp)) {
    throw invalidEvent(
      index,
      'timestamp',
      'must be an integer number of epoch milliseconds',
      timestamp,
    );
  }
  const hash = keyHash(tenant, id);
  const values: EventRow['values'] = [tenant, id, hash, 0, timestamp];
  const record = event as unknown as Record<string, unknown>;

  values.push(text(record.name, index, 'name'));
  for (const field of TEXT_FIELDS) values.push(text(record[field], index, field));
  values.push(text(record.catalogVersion, index, 'catalogVersion'));

  const tokens = record.tokens;
  if (tokens === undefined || tokens === null) {
    values.push(false, null, null, null, null, null, null);
  } else {
    if (!isRecord(tokens)) throw invalidEvent(index, 'tokens', 'must be an object or null', tokens);
    values.push(true);
    const [input, output, cachedInput, cacheWrite, reasoning] = TOKEN_FIELDS.map((bucket) =>
      integer(tokens[bucket], index, `tokens.${bucket}`),
    );
    const total = input === null && output === null ? null : (input ?? 0) + (output ?? 0);
    values.push(input, output, cachedInput, cacheWrite, reasoning, total);
  }

  values.push(integer(record.costNanos, index, 'costNanos'));
  for (const field of DOUBLE_FIELDS) values.push(finite(record[field], index, field));

  const context = record.context;
  if (context === undefined || context === null) {
    values.push(false, ...CONTEXT_FIELDS.map(() => null));
  } else {
    if (!isRecord(context)) throw invalidEvent(index, 'context', 'must be an object', context);
    values.push(true);
    for (const field of CONTEXT_FIELDS) {
      values.push(text(context[field], index, `context.${field}`));
    }
  }

  const properties = record.properties;
  if (properties === undefined || properties === null) {
    values.push(null);
  } else {
    if (!isRecord(properties)) {
      throw invalidEvent(index, 'properties', 'must be an object', properties);
    }
    values.push(JSON.stringify(properties));
  }
  return { tenant, id, hash, values };
}

/**
 * Rebuilds a stored event from a row selected with `ROW_SELECT`, with exactly the fields it was
 * stored with, in the order core's columnar engine gives them.
 */
export function fromEventRow(row: readonly unknown[]): StoredEvent {
  let at = 0;
  const next = (): unknown => row[at++];
  const event: Record<string, unknown> = { id: next() };
  const name = next();
  const timestamp = toNumber(next());
  if (name !== null) event.name = name;
  event.timestamp = timestamp;
  for (const field of TEXT_FIELDS) {
    const value = next();
    if (value !== null) event[field] = value;
  }
  const catalogVersion = next();
  const hasTokens = next() === true;
  const tokenValues = TOKEN_FIELDS.map(() => toNumber(next()));
  if (hasTokens) {
    const tokens: Record<string, number> = {};
    TOKEN_FIELDS.forEach((bucket, position) => {
      const value = tokenValues[position];
      if (value !== null) tokens[bucket] = value;
    });
    event.tokens = tokens;
  } else {
    event.tokens = null;
  }
  const costNanos = toNumber(next());
  const doubles = DOUBLE_FIELDS.map(() => toNumber(next()));
  if (costNanos !== null) event.costNanos = costNanos;
  DOUBLE_FIELDS.forEach((field, position) => {
    if (field !== 'costUsd' && doubles[position] !== null) event[field] = doubles[position];
  });
  if (doubles[0] !== null) event.costUsd = doubles[0];
  if (catalogVersion !== null) event.catalogVersion = catalogVersion;
  const hasContext = next() === true;
  const contextValues = CONTEXT_FIELDS.map(() => next());
  if (hasContext) {
    const context: Record<string, unknown> = {};
    CONTEXT_FIELDS.forEach((field, position) => {
      if (contextValues[position] !== null) context[field] = contextValues[position];
    });
    event.context = context;
  }
  const properties = next();
  if (typeof properties === 'string') event.properties = JSON.parse(properties);
  return event as unknown as StoredEvent;
}

/**
 * The select list `fromEventRow` reads: the `events` columns after `tenant`, `key_hash` and
 * `seq`, with `tokens_total` left out (it is derived).
 */
export const ROW_SELECT = [
  'id',
  'name',
  'ts',
  'user_id',
  'actor',
  'agent',
  'category',
  'source',
  'endpoint',
  'session_id',
  'conversation_id',
  'model',
  'provider',
  'status',
  'error_type',
  'target_id',
  'pricing',
  'catalog_version',
  'has_tokens',
  'tokens_input',
  'tokens_output',
  'tokens_cached_input',
  'tokens_cache_write',
  'tokens_reasoning',
  'cost_nanos',
  'cost_usd',
  'credits',
  'latency_ms',
  'feedback',
  'rating',
  'value',
  'has_context',
  ...CONTEXT_FIELDS,
  'properties',
].join(', ');

/** A DuckDB number (`bigint` for BIGINT and HUGEINT) as a JavaScript number; null stays null. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  return value as number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidEvent(index: number, field: string, reason: string, value: unknown): TallyError {
  const path = field === '' ? `events[${index}]` : `events[${index}].${field}`;
  return fieldError('invalid_event', path, `${reason} (got ${describeValue(value)})`);
}

function text(value: unknown, index: number, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalidEvent(index, field, 'must be a string', value);
  return value;
}

function integer(value: unknown, index: number, field: string): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isSafeInteger(value)) {
    throw invalidEvent(index, field, 'must be a safe integer', value);
  }
  return (value as number) === 0 ? 0 : (value as number);
}

function finite(value: unknown, index: number, field: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidEvent(index, field, 'must be a finite number', value);
  }
  return value === 0 ? 0 : value;
}
