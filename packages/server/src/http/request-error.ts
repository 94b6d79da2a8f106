import { TallyError, type TallyErrorOptions } from '@tally/core';

/** Options of {@link RequestError}: a {@link TallyError}'s, plus response headers. */
export interface RequestErrorOptions extends TallyErrorOptions {
  /** Headers the error response carries, e.g. `Retry-After` or `Allow`. */
  headers?: Record<string, string>;
}

/**
 * A refused request: a {@link TallyError} whose `code` decides the HTTP status (see
 * `statusOf`) and which may add response headers. Throw it anywhere in a route; the handler
 * turns it into the JSON error answer.
 *
 * @example
 * ```ts
 * throw new RequestError('authorization: unknown key', { code: 'unauthorized', field: 'authorization' });
 * ```
 */
export class RequestError extends TallyError {
  /** Headers the error response carries. */
  readonly headers: Record<string, string>;

  constructor(message: string, options: RequestErrorOptions = {}) {
    super(message, options);
    this.name = 'RequestError';
    this.headers = options.headers ?? {};
  }
}

/** Shorthand for a {@link RequestError} about one field: `field: reason`. */
export function requestError(
  code: string,
  field: string,
  reason: string,
  headers?: Record<string, string>,
): RequestError {
  return new RequestError(`${field}: ${reason}`, { code, field, headers });
}
