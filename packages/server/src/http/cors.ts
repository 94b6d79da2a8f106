import type { NormalizedConfig } from '../config/config-types.js';

const ALLOWED_HEADERS = 'authorization, content-type';
const EXPOSED_HEADERS = 'retry-after, content-disposition';

/**
 * CORS for the configured origins: whether a request's `Origin` may read the answer, and the
 * headers that say so. Requests without `Origin` (servers, `curl`) need none.
 */
export class Cors {
  constructor(private readonly config: NormalizedConfig['cors']) {}

  /** Whether `origin` is allowed. */
  allows(origin: string): boolean {
    return this.config.anyOrigin || this.config.origins.includes(origin.toLowerCase());
  }

  /** Headers for an answer to a request from `origin` (`null`: no `Origin` header). */
  headers(origin: string | null): Record<string, string> {
    if (origin === null || !this.allows(origin)) return origin === null ? {} : { vary: 'Origin' };
    return {
      'access-control-allow-origin': origin,
      'access-control-expose-headers': EXPOSED_HEADERS,
      vary: 'Origin',
    };
  }

  /** Headers for a successful preflight from `origin` for a route taking `methods`. */
  preflightHeaders(origin: string, methods: readonly string[]): Record<string, string> {
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': methods.join(', '),
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': '600',
      vary: 'Origin',
    };
  }
}
