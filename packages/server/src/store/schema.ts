import type { Dimension, NumericField } from '@tally/core';

/** How a column is stored and appended. */
export type ColumnKind = 'varchar' | 'bigint' | 'double' | 'boolean' | 'json';

/** One column of the `events` table, in table order. */
export interface EventColumn {
  name: string;
  kind: ColumnKind;
}

/**
 * The `events` table's columns, in the order the appender writes them: every stored field
 * flattened, plus the tenant, a 53-bit hash of `(tenant, id)` for dedup, and `seq`, the
 * store-wide insertion order that breaks timestamp ties.
 */
export const EVENT_COLUMNS: readonly EventColumn[] = [
  { name: 'tenant', kind: 'varchar' },
  { name: 'id', kind: 'varchar' },
  { name: 'key_hash', kind: 'bigint' },
  { name: 'seq', kind: 'bigint' },
  { name: 'ts', kind: 'bigint' },
  { name: 'name', kind: 'varchar' },
  { name: 'user_id', kind: 'varchar' },
  { name: 'actor', kind: 'varchar' },
  { name: 'agent', kind: 'varchar' },
  { name: 'category', kind: 'varchar' },
  { name: 'source', kind: 'varchar' },
  { name: 'endpoint', kind: 'varchar' },
  { name: 'session_id', kind: 'varchar' },
  { name: 'conversation_id', kind: 'varchar' },
  { name: 'model', kind: 'varchar' },
  { name: 'provider', kind: 'varchar' },
  { name: 'status', kind: 'varchar' },
  { name: 'error_type', kind: 'varchar' },
  { name: 'target_id', kind: 'varchar' },
  { name: 'pricing', kind: 'varchar' },
  { name: 'catalog_version', kind: 'varchar' },
  { name: 'has_tokens', kind: 'boolean' },
  { name: 'tokens_input', kind: 'bigint' },
  { name: 'tokens_output', kind: 'bigint' },
  { name: 'tokens_cached_input', kind: 'bigint' },
  { name: 'tokens_cache_write', kind: 'bigint' },
  { name: 'tokens_reasoning', kind: 'bigint' },
  { name: 'tokens_total', kind: 'bigint' },
  { name: 'cost_nanos', kind: 'bigint' },
  { name: 'cost_usd', kind: 'double' },
  { name: 'credits', kind: 'double' },
  { name: 'latency_ms', kind: 'double' },
  { name: 'feedback', kind: 'double' },
  { name: 'rating', kind: 'double' },
  { name: 'value', kind: 'double' },
  { name: 'has_context', kind: 'boolean' },
  { name: 'page', kind: 'varchar' },
  { name: 'referrer', kind: 'varchar' },
  { name: 'browser', kind: 'varchar' },
  { name: 'os', kind: 'varchar' },
  { name: 'timezone', kind: 'varchar' },
  { name: 'locale', kind: 'varchar' },
  { name: 'ip', kind: 'varchar' },
  { name: 'country', kind: 'varchar' },
  { name: 'region', kind: 'varchar' },
  { name: 'city', kind: 'varchar' },
  { name: 'properties', kind: 'json' },
];

/** The column of every {@link Dimension}: the only way a dimension name reaches SQL. */
export const DIMENSION_COLUMNS: ReadonlyMap<Dimension, string> = new Map<Dimension, string>([
  ['name', 'name'],
  ['userId', 'user_id'],
  ['actor', 'actor'],
  ['agent', 'agent'],
  ['category', 'category'],
  ['source', 'source'],
  ['endpoint', 'endpoint'],
  ['sessionId', 'session_id'],
  ['conversationId', 'conversation_id'],
  ['model', 'model'],
  ['provider', 'provider'],
  ['status', 'status'],
  ['errorType', 'error_type'],
  ['targetId', 'target_id'],
  ['pricing', 'pricing'],
  ['ip', 'ip'],
  ['country', 'country'],
  ['region', 'region'],
  ['city', 'city'],
  ['page', 'page'],
  ['referrer', 'referrer'],
  ['browser', 'browser'],
  ['os', 'os'],
  ['timezone', 'timezone'],
  ['locale', 'locale'],
]);

/** The column of every {@link NumericField}: the only way a field name reaches SQL. */
export const NUMERIC_COLUMNS: ReadonlyMap<NumericField, string> = new Map<NumericField, string>([
  ['timestamp', 'ts'],
  ['tokensInput', 'tokens_input'],
  ['tokensOutput', 'tokens_output'],
  ['tokensCachedInput', 'tokens_cached_input'],
  ['tokensCacheWrite', 'tokens_cache_write'],
  ['tokensReasoning', 'tokens_reasoning'],
  ['tokensTotal', 'tokens_total'],
  ['costNanos', 'cost_nanos'],
  ['credits', 'credits'],
  ['latencyMs', 'latency_ms'],
  ['feedback', 'feedback'],
  ['rating', 'rating'],
  ['value', 'value'],
]);

const SQL_TYPES: Record<ColumnKind, string> = {
  varchar: 'VARCHAR',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  json: 'JSON',
};

const REQUIRED = new Set(['tenant', 'id', 'key_hash', 'seq', 'ts', 'has_tokens', 'has_context']);

/** The version of the schema below; kept in `tally_meta` so a later version can migrate. */
export const SCHEMA_VERSION = 1;

/**
 * The DDL of a store file: events, the roster, per-tenant statistics (what the engine needs to
 * know to sum exactly without sorting), and a small key/value table for the schema version.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS events (${EVENT_COLUMNS.map(
    (column) =>
      `${column.name} ${SQL_TYPES[column.kind]}${REQUIRED.has(column.name) ? ' NOT NULL' : ''}`,
  ).join(', ')})`,
  `CREATE TABLE IF NOT EXISTS roster (tenant VARCHAR NOT NULL, id VARCHAR NOT NULL,
    seq BIGINT NOT NULL, name VARCHAR, email VARCHAR, licensed BOOLEAN NOT NULL,
    active BOOLEAN NOT NULL, PRIMARY KEY (tenant, id))`,
  `CREATE TABLE IF NOT EXISTS tenant_stats (tenant VARCHAR PRIMARY KEY, stats VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS tally_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
];
