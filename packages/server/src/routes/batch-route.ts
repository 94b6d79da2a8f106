import { bearerOf, requireKind } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import { jsonResponse } from '../http/json-response.js';
import { readJsonBody } from '../http/read-body.js';
import { requestError } from '../http/request-error.js';
import { clockOffset } from '../ingest/clock-skew.js';
import { applyIdentify, planIdentify, type IdentifyResult } from '../ingest/identify-users.js';
import { prepareEvents } from '../ingest/prepare-events.js';
import { readBatchBody } from '../ingest/read-batch-body.js';
import { requestLocation } from '../ingest/request-location.js';
import type { Route } from './server-state.js';

/** The answer to a batch (DESIGN §7). */
export interface BatchAnswer {
  /** Events newly stored. */
  accepted: number;
  /** Events already stored (sent before) or repeated within the batch: counted once. */
  duplicates: number;
  /** Refused events, by index in the batch, with every problem found. */
  rejected: { index: number; errors: { path: string; reason: string }[] }[];
  /** What the batch's `users` did, when it had any. */
  users?: IdentifyResult;
}

/**
 * `POST /v1/batch`: authenticates the key (header, or `writeKey` in the body or query for
 * `sendBeacon`), applies the tenant's rate, validates and prepares the events, and answers only
 * after the store has made them durable.
 */
export const batchRoute: Route = async (request, info, state) => {
  const receivedAt = state.now();
  const url = new URL(request.url);
  let principal: Principal | undefined;
  const header = bearerOf(request);
  const queryKey = url.searchParams.get('writeKey');
  // With the key outside the body, a bad key or an exhausted rate is refused before reading it.
  if (header !== null || queryKey !== null) {
    principal = await state.authenticate(header ?? queryKey);
    state.rateLimit('ingest', principal.tenant);
  }
  const body = readBatchBody(await readJsonBody(request, state.config.limits.bodyBytes));
  if (principal === undefined) {
    if (body.writeKey !== undefined && typeof body.writeKey !== 'string') {
      throw requestError('unauthorized', 'writeKey', 'must be a string');
    }
    principal = await state.authenticate((body.writeKey as string | undefined) ?? null);
    state.rateLimit('ingest', principal.tenant);
  }
  requireKind(principal, ['write', 'secret'], 'send events');
  const tenant = state.tenants.get(principal.tenant);
  if (tenant === undefined) throw requestError('unauthorized', 'authorization', 'names no tenant');

  if (body.users !== undefined && principal.kind !== 'secret' && !tenant.config.acceptIdentify) {
    throw requestError(
      'forbidden',
      'users',
      'this tenant takes roster updates only from its secret key (PUT /v1/users)',
    );
  }
  // Checked before anything is stored, so a refused batch has stored nothing.
  const identify =
    body.users === undefined ? undefined : planIdentify(body.users, principal.kind === 'secret');
  const prepared = prepareEvents(body.batch, {
    allowSystem: principal.kind === 'secret',
    now: receivedAt,
    offset: clockOffset(body.sentAt, receivedAt, state.config.ingest.clockSkewToleranceMs),
    maxFutureMs: state.config.ingest.maxFutureMs,
    location: await requestLocation(request, info.remoteAddress, state.config, await state.geo()),
    enrich: tenant.enrich,
  });
  const answer: BatchAnswer = {
    accepted: 0,
    duplicates: prepared.duplicates,
    rejected: prepared.rejected,
  };
  if (prepared.events.length > 0) {
    const stored = await state.store.insertEvents(tenant.config.id, prepared.events);
    answer.accepted = stored.inserted;
    answer.duplicates += stored.duplicates;
  }
  if (identify !== undefined) {
    answer.users = await applyIdentify(identify, state.store, tenant.config.id);
  }
  return jsonResponse(answer);
};
