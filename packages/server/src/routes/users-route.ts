import { describeValue, validateRoster } from '@tally/core';
import { bearerOf, requireKind } from '../auth/authenticate.js';
import { jsonResponse } from '../http/json-response.js';
import { readJsonBody } from '../http/read-body.js';
import { requestError } from '../http/request-error.js';
import type { Route } from './server-state.js';

/**
 * `PUT /v1/users`: upserts roster records `{ users: [{ id, name?, email?, licensed?, active? }] }`
 * with the secret key. Valid records are stored even when others are refused, like events.
 */
export const usersRoute: Route = async (request, _info, state) => {
  const principal = await state.authenticate(bearerOf(request));
  requireKind(principal, ['secret'], 'change the roster');
  state.rateLimit('query', principal.tenant);
  const body = await readJsonBody(request, state.config.limits.bodyBytes);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw requestError(
      'invalid_roster',
      'body',
      `must be an object { users } (got ${describeValue(body)})`,
    );
  }
  for (const key of Object.keys(body)) {
    if (key !== 'users')
      throw requestError('invalid_roster', key, 'is not a field; the body is { users }');
  }
  const validation = validateRoster((body as { users?: unknown }).users);
  if (validation.users.length > 0)
    await state.store.upsertUsers(principal.tenant, validation.users);
  return jsonResponse({
    upserted: validation.users.length,
    duplicates: validation.duplicates.length,
    rejected: validation.rejected,
  });
};
