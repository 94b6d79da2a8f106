import type { NormalizedEvent, StoredEvent } from '@tally/core';
import type { KeyIndex } from '../auth/key-index.js';
import type { Principal } from '../auth/principal.js';
import type { ReadTokens } from '../auth/read-tokens.js';
import type { NormalizedConfig, NormalizedTenant } from '../config/config-types.js';
import type { GeoLookup } from '../geo/geo-lookup.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import type { Store } from '../store/types.js';

/** A configured tenant and its event pricer, built once. */
export interface TenantState {
  config: NormalizedTenant;
  enrich: (event: NormalizedEvent) => StoredEvent;
}

/** What a request can know about its connection. */
export interface RequestInfo {
  /** The peer's address (the socket's), used when no trusted proxy header names the client. */
  remoteAddress?: string;
}

/** Everything the routes share. */
export interface ServerState {
  config: NormalizedConfig;
  store: Store;
  tenants: ReadonlyMap<string, TenantState>;
  keys: KeyIndex;
  tokens: ReadTokens;
  limits: { ingest: RateLimiter; query: RateLimiter };
  geo: () => Promise<GeoLookup | undefined>;
  /** The server's clock, epoch ms. */
  now: () => number;
  /** Establishes the caller from a credential (see `authenticate`). */
  authenticate(credential: string | null): Promise<Principal>;
  /** Takes a token of the tenant's bucket, or throws `rate_limited` (429) with `Retry-After`. */
  rateLimit(kind: 'ingest' | 'query', tenant: string): void;
  /** Keeps the server open while a streamed answer is still being written. */
  track<T>(work: Promise<T>): Promise<T>;
}

/** A route: answers one method on one path. */
export type Route = (request: Request, info: RequestInfo, state: ServerState) => Promise<Response>;
