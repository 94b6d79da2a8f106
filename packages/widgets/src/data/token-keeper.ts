/** What a `fetchToken` callback returns: the token, with its expiry when known. */
export type FetchedToken = string | { token: string; expiresAt?: number };

/** Refresh a token this long before it expires, so no request leaves with a dying token. */
const EXPIRY_MARGIN_MS = 30_000;

interface HeldToken {
  token: string;
  /** Epoch ms, `Infinity` when unknown. */
  expiresAt: number;
}

/**
 * Holds the read token of an {@link HttpSource}: a static one, or one fetched from the host page
 * by `fetchToken()` and fetched again shortly before it expires or when the server refuses it.
 * Concurrent callers share one fetch.
 */
export class TokenKeeper {
  private held: HeldToken | undefined;
  private pending: Promise<HeldToken> | undefined;

  constructor(
    private readonly fixed: string | undefined,
    private readonly fetchToken: (() => Promise<FetchedToken> | FetchedToken) | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a refused token can be replaced by asking for a new one. */
  get canRefresh(): boolean {
    return this.fetchToken !== undefined;
  }

  /** The token to send now, or `undefined` when the source has none. */
  async current(): Promise<string | undefined> {
    if (this.fetchToken === undefined) return this.fixed;
    if (this.held === undefined && this.fixed !== undefined) {
      this.held = { token: this.fixed, expiresAt: expiryOf(this.fixed) };
    }
    if (this.held !== undefined && this.now() < this.held.expiresAt - EXPIRY_MARGIN_MS) {
      return this.held.token;
    }
    return (await this.refresh()).token;
  }

  /** Drops `token` (the server refused it) unless a newer one already replaced it. */
  invalidate(token: string | undefined): void {
    if (this.held !== undefined && this.held.token === token) this.held = undefined;
  }

  private refresh(): Promise<HeldToken> {
    this.pending ??= (async () => {
      try {
        const fetched = await (this.fetchToken as () => Promise<FetchedToken> | FetchedToken)();
        const token = typeof fetched === 'string' ? fetched : fetched?.token;
        if (typeof token !== 'string' || token === '') {
          throw new TypeError('fetchToken: must return a token string or { token, expiresAt }');
        }
        const expiresAt =
          typeof fetched === 'object' && typeof fetched.expiresAt === 'number'
            ? fetched.expiresAt
            : expiryOf(token);
        this.held = { token, expiresAt };
        return this.held;
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }
}

/** The `exp` claim of a JWT in epoch ms, or `Infinity` for tokens that are not JWTs. */
export function expiryOf(token: string): number {
  const payload = token.split('.')[1];
  if (payload === undefined) return Infinity;
  try {
    const text = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(text) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : Infinity;
  } catch {
    return Infinity;
  }
}
