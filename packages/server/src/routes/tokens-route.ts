import { describeValue } from '@tally/core';
import { bearerOf, requireKind } from '../auth/authenticate.js';
import { jsonResponse } from '../http/json-response.js';
import { readJsonBody } from '../http/read-body.js';
import { requestError } from '../http/request-error.js';
import type { Route } from './server-state.js';

const FIELDS = new Set(['role', 'sub', 'ttlSeconds']);
/** The longest user id (the roster's limit). */
const MAX_SUB_LENGTH = 256;

/**
 * `POST /v1/tokens`: the vendor's backend mints a short-lived read token for its page,
 * `{ role: 'admin' | 'member', sub?, ttlSeconds? }` with the secret key. A member token must
 * name its user (`sub`); a lifetime above the configured maximum is cut to it.
 */
export const tokensRoute: Route = async (request, _info, state) => {
  const principal = await state.authenticate(bearerOf(request));
  requireKind(principal, ['secret'], 'mint read tokens');
  state.rateLimit('query', principal.tenant);
  const body = await readJsonBody(request, state.config.limits.bodyBytes);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid(
      'body',
      `must be an object { role, sub, ttlSeconds } (got ${describeValue(body)})`,
    );
  }
  const input = body as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!FIELDS.has(key)) throw invalid(key, 'is not a field; it takes role, sub, ttlSeconds');
  }
  const { role, sub, ttlSeconds } = input;
  if (role !== 'admin' && role !== 'member') {
    throw invalid('role', `must be admin or member (got ${describeValue(role)})`);
  }
  if (sub !== undefined && (typeof sub !== 'string' || sub === '' || sub.length > MAX_SUB_LENGTH)) {
    throw invalid(
      'sub',
      `must be a user id of 1–${MAX_SUB_LENGTH} characters (got ${describeValue(sub)})`,
    );
  }
  if (role === 'member' && sub === undefined) {
    throw invalid('sub', 'is required for a member token: the user it may see');
  }
  const { defaultTtlSeconds, maxTtlSeconds } = state.config.tokens;
  if (
    ttlSeconds !== undefined &&
    (typeof ttlSeconds !== 'number' || !Number.isInteger(ttlSeconds) || ttlSeconds < 1)
  ) {
    throw invalid(
      'ttlSeconds',
      `must be a whole number of seconds, at least 1 (got ${describeValue(ttlSeconds)})`,
    );
  }
  const ttl = Math.min((ttlSeconds as number | undefined) ?? defaultTtlSeconds, maxTtlSeconds);
  const minted = await state.tokens.mint(
    { tenant: principal.tenant, role, ...(sub === undefined ? {} : { sub: sub as string }) },
    ttl,
    state.now(),
  );
  return jsonResponse({
    token: minted.token,
    expiresAt: minted.expiresAt * 1000,
    ttlSeconds: ttl,
    role,
    ...(sub === undefined ? {} : { sub }),
  });
};

function invalid(field: string, reason: string) {
  return requestError('invalid_token_request', field, reason);
}
