import { createEnricher, TallyError } from '@tally/core';
import { authenticate } from './auth/authenticate.js';
import { KeyIndex } from './auth/key-index.js';
import { ReadTokens } from './auth/read-tokens.js';
import type { TallyConfig } from './config/config-types.js';
import { validateConfig } from './config/validate-config.js';
import type { GeoLookup } from './geo/geo-lookup.js';
import { createMaxMindLookup } from './geo/maxmind-lookup.js';
import { Cors } from './http/cors.js';
import { errorResponse } from './http/error-response.js';
import { RateLimiter } from './http/rate-limiter.js';
import { requestError } from './http/request-error.js';
import { batchRoute } from './routes/batch-route.js';
import { exportRoute } from './routes/export-route.js';
import { healthRoute } from './routes/health-route.js';
import { queryRoute } from './routes/query-route.js';
import type { RequestInfo, Route, ServerState, TenantState } from './routes/server-state.js';
import { tokensRoute } from './routes/tokens-route.js';
import { usersRoute } from './routes/users-route.js';
import type { Store } from './store/types.js';

/** Options of {@link createTallyServer}. */
export interface TallyServerOptions {
  /** Where events and rosters live, e.g. a `DuckDbStore`. */
  store: Store;
  /** The config (`tally.config.json`'s contents); validated here. */
  config: TallyConfig;
  /**
   * Finds a location for an IP address. @default a MaxMind lookup when `config.geoip` names a
   * database, else none
   */
  geo?: GeoLookup;
  /**
   * Where the API is mounted inside a larger app, e.g. `/tally`: routes are matched below it.
   * @default ''
   */
  basePath?: string;
  /** The clock, epoch ms. @default Date.now */
  now?: () => number;
  /** Receives server faults (answered with a generic 500). @default console.error */
  onError?: (error: unknown) => void;
}

/** A running Tally API: a fetch-style handler, mountable in any framework. */
export interface TallyServer {
  /**
   * Answers one request. `info.remoteAddress` is the peer's address (the Node adapter passes
   * it); without it and without trusted proxy headers, events carry no IP.
   */
  handler(request: Request, info?: RequestInfo): Promise<Response>;
  /**
   * Shuts down gracefully: new requests get 503, requests in flight (batches being stored,
   * exports being written) finish, then the store is checkpointed. The store stays open: it is
   * the caller's to close.
   */
  close(): Promise<void>;
}

const ROUTES: Readonly<Record<string, Readonly<Record<string, Route>>>> = {
  '/healthz': { GET: healthRoute, HEAD: healthRoute },
  '/v1/batch': { POST: batchRoute },
  '/v1/query': { POST: queryRoute },
  '/v1/export': { GET: exportRoute },
  '/v1/users': { PUT: usersRoute },
  '/v1/tokens': { POST: tokensRoute },
};

/**
 * Creates the Tally API over a store (DESIGN §7): `POST /v1/batch`, `POST /v1/query`,
 * `GET /v1/export`, `PUT /v1/users`, `POST /v1/tokens`, `GET /healthz`, with CORS for the
 * configured origins. Serve it with `listen` (Node) or mount `handler` in any framework that
 * speaks `Request` / `Response`.
 *
 * @throws {TallyError} `invalid_config` naming the field when the config is invalid.
 * @example
 * ```ts
 * const store = await DuckDbStore.open('./tally.duckdb');
 * const tally = createTallyServer({ store, config: await loadConfig('tally.config.json') });
 * const server = await listen(tally, { port: 8787 });
 * ```
 */
export function createTallyServer(options: TallyServerOptions): TallyServer {
  const now = options.now ?? Date.now;
  const config = validateConfig(options.config, now());
  const report = options.onError ?? ((error: unknown) => console.error('tally-server:', error));
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const tenants = new Map<string, TenantState>(
    config.tenants.map((tenant) => [
      tenant.id,
      { config: tenant, enrich: createEnricher(tenant.settings) },
    ]),
  );
  const cors = new Cors(config.cors);
  const keys = new KeyIndex(config.tenants);
  const tokens = new ReadTokens(config.tokens.secret);
  const limits = {
    ingest: new RateLimiter(config.rateLimits.ingest),
    query: new RateLimiter(config.rateLimits.query),
  };
  let geoLookup: Promise<GeoLookup | undefined> | undefined;
  const inFlight = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;

  const state: ServerState = {
    config,
    store: options.store,
    tenants,
    keys,
    tokens,
    limits,
    now,
    geo() {
      if (options.geo !== undefined) return Promise.resolve(options.geo);
      if (config.geoip === null) return Promise.resolve(undefined);
      geoLookup ??= createMaxMindLookup(config.geoip.database).catch((error: unknown) => {
        report(error);
        return undefined;
      });
      return geoLookup;
    },
    authenticate: (credential) =>
      authenticate(credential, { keys, tokens, hasTenant: (id) => tenants.has(id) }, now()),
    rateLimit(kind, tenant) {
      // Rates run on the process's monotonic clock, not on `now`, which may be a fixed or
      // shifted business clock.
      const wait = limits[kind].take(tenant, performance.now());
      if (wait > 0) {
        throw requestError(
          'rate_limited',
          'rate',
          `this tenant's ${kind} rate is used up; retry in ${wait} s`,
          { 'retry-after': String(wait) },
        );
      }
    },
    track(work) {
      inFlight.add(work);
      const done = () => inFlight.delete(work);
      work.then(done, done);
      return work;
    },
  };

  async function route(request: Request, info: RequestInfo): Promise<Response> {
    const origin = request.headers.get('origin');
    const path = pathOf(request.url, basePath);
    const methods = path !== undefined && Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
    if (request.method === 'OPTIONS') return preflight(request, origin, methods);
    if (closing !== undefined) {
      throw new TallyError('the server is shutting down', { code: 'unavailable' });
    }
    if (methods === undefined) throw requestError('not_found', 'path', 'is not a Tally API route');
    const handle = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
    if (handle === undefined) {
      throw requestError(
        'method_not_allowed',
        'method',
        `${request.method} is not allowed here; use ${Object.keys(methods).join(', ')}`,
        { allow: Object.keys(methods).join(', ') },
      );
    }
    return handle(request, info, state);
  }

  function preflight(
    request: Request,
    origin: string | null,
    methods: Readonly<Record<string, Route>> | undefined,
  ): Response {
    if (methods === undefined) throw requestError('not_found', 'path', 'is not a Tally API route');
    if (origin === null || !cors.allows(origin)) {
      throw requestError(
        'forbidden_origin',
        'origin',
        `${origin ?? 'a request without Origin'} is not an allowed origin`,
      );
    }
    const asked = request.headers.get('access-control-request-method');
    if (asked !== null && !Object.hasOwn(methods, asked.toUpperCase())) {
      throw requestError(
        'method_not_allowed',
        'access-control-request-method',
        `${asked} is not allowed here`,
        {
          allow: Object.keys(methods).join(', '),
        },
      );
    }
    return new Response(null, {
      status: 204,
      headers: cors.preflightHeaders(origin, Object.keys(methods)),
    });
  }

  async function handler(request: Request, info: RequestInfo = {}): Promise<Response> {
    const work = route(request, info).catch((error: unknown) => errorResponse(error, report));
    const response = await state.track(work);
    const origin = request.headers.get('origin');
    const extra = request.method === 'OPTIONS' ? {} : cors.headers(origin);
    if (closing !== undefined) extra.connection = 'close';
    for (const [name, value] of Object.entries(extra)) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    return response;
  }

  return {
    handler,
    close() {
      closing ??= (async () => {
        while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
        await options.store.checkpoint();
      })();
      return closing;
    },
  };
}

/** The route path of a URL below `basePath`, or `undefined` when it is outside it. */
function pathOf(url: string, basePath: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  if (basePath === '') return path;
  return path === basePath || path.startsWith(`${basePath}/`)
    ? path.slice(basePath.length) || '/'
    : undefined;
}
