import ky, { isHTTPError, type KyInstance } from 'ky';
import { TallyError } from '@tally/core';
import type {
  DataSource,
  ExportFormat,
  ExportParams,
  ExportView,
  QueryParams,
  RequestOptions,
  SourceSettings,
  ViewName,
  ViewResults,
} from './data-source.js';
import { SharedRequests } from './shared-requests.js';
import { stableKey } from './stable-key.js';
import { TokenKeeper, type FetchedToken } from './token-keeper.js';

/** Options of an {@link HttpSource}. */
export interface HttpSourceOptions {
  /** The Tally server's base URL, e.g. `https://tally.example.com`. */
  endpoint: string;
  /** A read token (or secret key). Without `fetchToken`, it is used until the server refuses it. */
  token?: string;
  /**
   * Asks the host app for a fresh read token: called first, again shortly before the token
   * expires (its JWT `exp`, or `expiresAt`), and again when the server answers 401.
   */
  fetchToken?: () => Promise<FetchedToken> | FetchedToken;
  /** The tenant's zone, data floor and categories, for the date picker and colours. */
  settings?: SourceSettings;
  /**
   * Cancel queries still in flight for another date range when one for a new range starts: the
   * page moved on, and their answers would be thrown away. @default true
   */
  cancelStaleRanges?: boolean;
  /** Gives up on a request after this long. @default 30000 */
  timeoutMs?: number;
  /** Retries after a network error or a 5xx / 429 answer. @default 2 */
  retries?: number;
  /** The `fetch` to use (tests, proxies). @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** How many superseded ranges are remembered (each a few dozen characters). */
const MAX_SUPERSEDED_RANGES = 64;

const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

interface ErrorBody {
  error?: { code?: string; field?: string | null; message?: string };
}

/**
 * A data source backed by the Tally server: `POST /v1/query` for views and `GET /v1/export` for
 * files (DESIGN §7), authorised by a read token. Identical queries in flight are sent once, and a
 * query for a new date range cancels the queries still running for the old one.
 *
 * @example
 * ```ts
 * const source = new HttpSource({
 *   endpoint: 'https://tally.example.com',
 *   fetchToken: () => fetch('/api/tally-token').then((response) => response.text()),
 * });
 * ```
 */
export class HttpSource implements DataSource {
  private readonly client: KyInstance;
  private readonly tokens: TokenKeeper;
  private readonly shared = new SharedRequests();
  private readonly cancelStale: boolean;
  private readonly known: SourceSettings;
  private lastRange: string | undefined;
  /** The ranges whose queries were cancelled for a newer one, oldest first. */
  private readonly supersededRanges = new Set<string>();

  constructor(options: HttpSourceOptions) {
    if (typeof options?.endpoint !== 'string' || options.endpoint === '') {
      throw new TallyError(
        `options.endpoint: must be the server URL (got ${String(options?.endpoint)})`,
        {
          code: 'invalid_options',
          field: 'options.endpoint',
        },
      );
    }
    this.tokens = new TokenKeeper(options.token, options.fetchToken);
    this.cancelStale = options.cancelStaleRanges ?? true;
    this.known = options.settings ?? {};
    this.client = ky.create({
      prefixUrl: options.endpoint.replace(/\/+$/, ''),
      timeout: options.timeoutMs ?? 30_000,
      // Statuses worth retrying throw (and so are retried); others are answered below.
      throwHttpErrors: (status) => RETRY_STATUSES.includes(status),
      // Queries only read, so repeating one is safe even though it is a POST.
      retry: {
        limit: options.retries ?? 2,
        methods: ['get', 'post'],
        statusCodes: RETRY_STATUSES,
      },
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
  }

  query<View extends ViewName>(
    view: View,
    params: QueryParams = {},
    options: RequestOptions = {},
  ): Promise<ViewResults[View]> {
    const body = { view, ...params };
    // A view without a range (a budget's calendar period) is never stale: it neither cancels
    // the page's range nor is cancelled by a new one.
    const range =
      params.range === undefined ? null : stableKey({ range: params.range, tz: params.tz ?? null });
    // A range whose queries were cancelled and that is asked for again is still wanted (a block
    // with its own range, asking again): it neither cancels the newer range in turn nor becomes
    // the page's range, or two blocks with different ranges would cancel each other for ever.
    if (range !== null && !this.supersededRanges.has(range)) {
      if (this.cancelStale && this.lastRange !== undefined && range !== this.lastRange) {
        for (const group of this.shared.cancelOtherGroups(range)) this.supersede(group);
      }
      this.lastRange = range;
    }
    return this.shared.run(stableKey(body), range, options.signal, (signal) =>
      this.send((headers) => this.client.post('v1/query', { json: body, headers, signal })).then(
        (response) => response.json() as Promise<ViewResults[View]>,
      ),
    );
  }

  async export(
    view: ExportView,
    params: ExportParams,
    format: ExportFormat,
    options: RequestOptions = {},
  ): Promise<Blob> {
    const searchParams = exportSearchParams(view, params, format);
    const response = await this.send((headers) =>
      this.client.get('v1/export', { searchParams, headers, signal: options.signal }),
    );
    return response.blob();
  }

  async settings(): Promise<SourceSettings> {
    return this.known;
  }

  private supersede(range: string): void {
    this.supersededRanges.delete(range);
    this.supersededRanges.add(range);
    if (this.supersededRanges.size > MAX_SUPERSEDED_RANGES) {
      const [oldest] = this.supersededRanges;
      this.supersededRanges.delete(oldest);
    }
  }

  /** Sends with the current token; after a 401, fetches a new token once and tries again. */
  private async send(
    request: (headers: Record<string, string>) => Promise<Response>,
  ): Promise<Response> {
    let token = await this.tokens.current();
    let response = await answerOf(() => request(authorization(token)));
    if (response.status === 401 && this.tokens.canRefresh) {
      this.tokens.invalidate(token);
      token = await this.tokens.current();
      response = await answerOf(() => request(authorization(token)));
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }
}

/** The response, also when retries ran out on an error status (ky then throws it). */
async function answerOf(request: () => Promise<Response>): Promise<Response> {
  try {
    return await request();
  } catch (error) {
    if (isHTTPError(error)) return error.response;
    throw error;
  }
}

function authorization(token: string | undefined): Record<string, string> {
  return token === undefined ? {} : { authorization: `Bearer ${token}` };
}

async function errorOf(response: Response): Promise<TallyError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not a Tally error body (a proxy's page): the status says enough.
  }
  const code = body.error?.code ?? (response.status === 401 ? 'unauthorized' : 'http_error');
  const message =
    body.error?.message ?? `the server answered ${response.status} ${response.statusText}`.trim();
  return new TallyError(message, {
    code,
    ...(body.error?.field ? { field: body.error.field } : {}),
  });
}

/** `GET /v1/export`'s query string: view, format, range, filters (repeated), sort, columns. */
export function exportSearchParams(
  view: ExportView,
  params: ExportParams,
  format: ExportFormat,
): URLSearchParams {
  const search = new URLSearchParams({ view, format });
  const { range, tz, filters = {}, sort = [], columns, key, bom } = params;
  if (range?.preset !== undefined) search.set('range', range.preset);
  if (range?.from !== undefined) search.set('from', String(range.from));
  if (range?.to !== undefined) search.set('to', String(range.to));
  if (tz !== undefined) search.set('tz', tz);
  for (const [name, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    if (name === 'search') search.set('search', String(value));
    else for (const item of [value].flat()) search.append(name, String(item));
  }
  for (const { column, direction } of sort) {
    search.append('sort', direction === undefined ? column : `${column}:${direction}`);
  }
  if (columns !== undefined) search.set('columns', columns);
  if (key !== undefined) search.set('key', key);
  if (bom === true) search.set('bom', '1');
  return search;
}
