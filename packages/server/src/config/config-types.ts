import type { TenantSettings } from '@tally/core';

/** A tenant as written in the config file. */
export interface TenantConfig {
  /** The tenant's id: `[A-Za-z0-9_.-]`, 1–64 characters. */
  id: string;
  /** A display name. */
  name?: string;
  /** Public write keys (browsers, `sendBeacon`): may send user-attributed events only. */
  writeKeys: string[];
  /** Secret keys (the vendor's backend): admin of this tenant, may send system events. */
  secretKeys: string[];
  /** Settings core needs: time zone, data floor, catalog, credit rules, categories, budget. */
  settings?: TenantSettings;
  /**
   * Whether a batch's `users` (the SDK's `identify`) may add and rename roster users. Public
   * keys can send it, so a vendor that keeps its roster only through `PUT /v1/users` turns it
   * off. @default true
   */
  acceptIdentify?: boolean;
}

/** A token bucket: `perSecond` requests on average, up to `burst` at once. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** The server's config file (`tally.config.json`), as written. */
export interface TallyConfig {
  tenants: TenantConfig[];
  /** Read tokens: the HS256 signing secret (≥ 32 characters) and lifetimes. */
  tokens: {
    secret: string;
    /** @default 3600 */
    defaultTtlSeconds?: number;
    /** Longer requested lifetimes are cut to this. @default 86400 */
    maxTtlSeconds?: number;
  };
  /** Browser origins allowed to call the API (`*` for any). @default [] */
  cors?: { origins: string[] };
  /**
   * Where the client's address and location come from when the server runs behind a proxy:
   * request headers the proxy sets. Without it the socket's address is used and no header is
   * trusted.
   */
  trustedProxy?: {
    /** Headers holding the client IP, first found wins, e.g. `x-forwarded-for`, `cf-connecting-ip`. */
    ipHeaders?: string[];
    /**
     * Proxies in front of the server that append to `X-Forwarded-For`: the client is the entry
     * this many places from the right. @default 1
     */
    hops?: number;
    /** Headers holding the location, e.g. `{ country: 'cf-ipcountry' }`. */
    geoHeaders?: { country?: string; region?: string; city?: string };
  };
  /** An optional GeoIP database (MaxMind `.mmdb`, read with `@maxmind/geoip2-node`). */
  geoip?: { database: string };
  /** Per-tenant request rates. */
  rateLimits?: { ingest?: RateLimit; query?: RateLimit };
  /** The largest request body in bytes; larger ones get a 413. @default 1048576 (1 MiB) */
  limits?: { bodyBytes?: number };
  /** Ingest timing rules. */
  ingest?: {
    /**
     * A client clock that differs from the server's by more than this is corrected with the
     * batch's `sentAt`. @default 2000
     */
    clockSkewToleranceMs?: number;
    /** Events later than this after the server's now (after correction) are refused. @default 86400000 */
    maxFutureMs?: number;
  };
}

/** A validated config with every default filled in. */
export interface NormalizedConfig {
  tenants: NormalizedTenant[];
  tokens: { secret: string; defaultTtlSeconds: number; maxTtlSeconds: number };
  cors: { origins: string[]; anyOrigin: boolean };
  trustedProxy: {
    ipHeaders: string[];
    hops: number;
    geoHeaders: { country?: string; region?: string; city?: string };
  };
  geoip: { database: string } | null;
  rateLimits: { ingest: RateLimit; query: RateLimit };
  limits: { bodyBytes: number };
  ingest: { clockSkewToleranceMs: number; maxFutureMs: number };
}

/** A validated tenant. */
export interface NormalizedTenant {
  id: string;
  name: string;
  writeKeys: string[];
  secretKeys: string[];
  settings: TenantSettings;
  acceptIdentify: boolean;
}
