/**
 * @packageDocumentation
 * @tally/server: the collector and query API. A fetch-style handler over a store (an embedded
 * DuckDB file by default), a `node:http` adapter and the `tally-server` command.
 */

export { createTallyServer } from './create-tally-server.js';
export { listen } from './node/listen.js';
export { toNodeListener } from './node/to-node-listener.js';
export { loadConfig } from './config/load-config.js';
export { validateConfig } from './config/validate-config.js';
export { initialConfig, generateKey } from './config/initial-config.js';
export { createMaxMindLookup } from './geo/maxmind-lookup.js';
export { DuckDbStore } from './store/duckdb-store.js';
export { MemoryStore } from './store/memory-store.js';
export { RequestError } from './http/request-error.js';
export { statusOf } from './http/error-response.js';
export { VIEW_NAMES } from './query/view-registry.js';
export type { TallyServer, TallyServerOptions } from './create-tally-server.js';
export type { Listening, ListenOptions } from './node/listen.js';
export type { FetchHandler } from './node/to-node-listener.js';
export type { RequestInfo } from './routes/server-state.js';
export type { BatchAnswer } from './routes/batch-route.js';
export type {
  NormalizedConfig,
  NormalizedTenant,
  RateLimit,
  TallyConfig,
  TenantConfig,
} from './config/config-types.js';
export type { GeoLocation, GeoLookup } from './geo/geo-lookup.js';
export type { ErrorBody } from './http/error-response.js';
export type { InsertResult, Store } from './store/types.js';
export type { DuckDbStoreOptions } from './store/duckdb-store.js';

/** The version of this package. */
export const VERSION = '0.1.0';
