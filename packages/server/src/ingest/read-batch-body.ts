import { describeValue } from '@tally/core';
import { requestError } from '../http/request-error.js';

/** A `POST /v1/batch` body, its parts not yet validated. */
export interface BatchBody {
  batch: unknown;
  /** When the client sent the batch, by its own clock (epoch ms or ISO-8601). */
  sentAt: unknown;
  /** Roster records from the SDK's `identify`. */
  users: unknown;
  /** The write key, for `sendBeacon` requests, which cannot set headers. */
  writeKey: unknown;
}

const FIELDS = new Set(['batch', 'sentAt', 'users', 'writeKey']);

/**
 * Checks a batch body's shape: an object with `batch` and optionally `sentAt`, `users` and
 * `writeKey`. Throws `invalid_batch` (400) naming the field; the events themselves are
 * validated one by one later.
 */
export function readBatchBody(body: unknown): BatchBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw requestError(
      'invalid_batch',
      'body',
      `must be an object { batch, sentAt } (got ${describeValue(body)})`,
    );
  }
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!FIELDS.has(key)) {
      throw requestError(
        'invalid_batch',
        key,
        'is not a field of a batch; it takes batch, sentAt, users, writeKey',
      );
    }
  }
  if (record.batch === undefined) throw requestError('invalid_batch', 'batch', 'is required');
  return {
    batch: record.batch,
    sentAt: record.sentAt,
    users: record.users,
    writeKey: record.writeKey,
  };
}
