import { describeValue } from '@tally/core';
import { requestError } from '../http/request-error.js';

/**
 * How far the client's clock is behind the server's, in ms, from the batch's `sentAt` (the
 * client's time of sending) and the time it arrived: add it to the batch's timestamps. A
 * difference within `toleranceMs` is transit time and jitter rather than a wrong clock, and
 * gives 0, so events from clients with good clocks keep their exact timestamps.
 *
 * @throws {RequestError} `invalid_batch` (400) for a `sentAt` that is not a time.
 */
export function clockOffset(sentAt: unknown, receivedAt: number, toleranceMs: number): number {
  if (sentAt === undefined || sentAt === null) return 0;
  const sent =
    typeof sentAt === 'number' ? sentAt : typeof sentAt === 'string' ? Date.parse(sentAt) : NaN;
  if (!Number.isFinite(sent) || Math.abs(sent) > 8.64e15) {
    throw requestError(
      'invalid_batch',
      'sentAt',
      `must be epoch milliseconds or an ISO-8601 time (got ${describeValue(sentAt)})`,
    );
  }
  const offset = Math.round(receivedAt - sent);
  return Math.abs(offset) <= toleranceMs ? 0 : offset;
}
