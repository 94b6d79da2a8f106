import { TallyError } from '@tally/core';
import { jsonResponse } from './json-response.js';
import { RequestError } from './request-error.js';

/** HTTP status per error code; every `invalid_*` code not listed is a 400. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  unauthorized: 401,
  token_expired: 401,
  forbidden: 403,
  forbidden_origin: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  store_closed: 503,
};

/**
 * The HTTP status of an error: the one table that maps error codes to statuses. Any
 * `TallyError` with an `invalid_*` code is the client's fault (400); anything else that is not
 * a known code, including errors that are not `TallyError`s, is the server's (500).
 */
export function statusOf(error: unknown): number {
  if (!TallyError.isInstance(error)) return 500;
  const status = STATUS_BY_CODE[error.code];
  if (status !== undefined) return status;
  return error.code.startsWith('invalid_') ? 400 : 500;
}

/** The JSON body of an error answer. */
export interface ErrorBody {
  error: {
    code: string;
    field: string | null;
    message: string;
    issues: { path: string; reason: string }[];
  };
}

/**
 * Turns anything thrown while handling a request into its answer:
 * `{ error: { code, field, message, issues } }` with the status from {@link statusOf}. Server
 * faults are answered with a generic message, so internals never leak; `report` sees them.
 */
export function errorResponse(error: unknown, report?: (error: unknown) => void): Response {
  const status = statusOf(error);
  if (status >= 500 && status !== 503) {
    report?.(error);
    const body: ErrorBody = {
      error: { code: 'internal', field: null, message: 'internal server error', issues: [] },
    };
    return jsonResponse(body, 500);
  }
  const tally = error as TallyError;
  const body: ErrorBody = {
    error: {
      code: tally.code,
      field: tally.field ?? null,
      message: tally.message,
      issues: tally.issues.map(({ path, reason }) => ({ path, reason })),
    },
  };
  const headers = error instanceof RequestError ? error.headers : {};
  return jsonResponse(body, status, headers);
}
