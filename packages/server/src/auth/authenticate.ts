import { requestError } from '../http/request-error.js';
import type { KeyIndex } from './key-index.js';
import type { Principal } from './principal.js';
import type { ReadTokens } from './read-tokens.js';

/** What {@link authenticate} checks credentials against. */
export interface Credentials {
  keys: KeyIndex;
  tokens: ReadTokens;
  /** Whether a tenant is still configured: tokens of a removed tenant are refused. */
  hasTenant(tenant: string): boolean;
}

/** The credential of `Authorization: Bearer …`, or `null` without one. */
export function bearerOf(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (header === null) return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (match === null) {
    throw requestError('unauthorized', 'authorization', 'must be "Bearer <key or token>"');
  }
  return match[1];
}

/**
 * Establishes who is calling from a key or read token: a configured key names its tenant and
 * kind; anything else must be a valid read token of a configured tenant. Throws `unauthorized`
 * (401) otherwise, never saying which tenants or keys exist.
 */
export async function authenticate(
  credential: string | null,
  credentials: Credentials,
  now: number,
): Promise<Principal> {
  if (credential === null || credential === '') {
    throw requestError('unauthorized', 'authorization', 'is required: "Bearer <key or token>"');
  }
  const key = credentials.keys.find(credential);
  if (key !== undefined) return { kind: key.kind, tenant: key.tenant };
  const claims = await credentials.tokens.verify(credential, now);
  if (!credentials.hasTenant(claims.tenant)) {
    throw requestError('unauthorized', 'authorization', 'is not a valid key or read token');
  }
  return claims.role === 'member'
    ? { kind: 'token', tenant: claims.tenant, role: 'member', userId: claims.sub as string }
    : { kind: 'token', tenant: claims.tenant, role: 'admin' };
}

/** Refuses a principal that may not use a route: `forbidden` (403). */
export function requireKind(
  principal: Principal,
  allowed: readonly Principal['kind'][],
  action: string,
): void {
  if (!allowed.includes(principal.kind)) {
    const what = { write: 'a public write key', secret: 'a secret key', token: 'a read token' };
    throw requestError(
      'forbidden',
      'authorization',
      `${what[principal.kind]} cannot ${action}; use ${allowed.map((kind) => what[kind]).join(' or ')}`,
    );
  }
}
