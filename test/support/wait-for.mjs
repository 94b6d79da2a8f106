// Polling with a deadline, for tests that wait on a server, a queue or a page.
import assert from 'node:assert/strict';

/**
 * Polls `read` every 250 ms until `done(value)` holds and returns that value; fails with the
 * last value read after `timeoutMs`.
 *
 * @template T
 * @param {string} what
 * @param {() => T | Promise<T>} read
 * @param {(value: T) => boolean} done
 * @param {number} [timeoutMs]
 * @returns {Promise<T>}
 */
export async function waitFor(what, read, done, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let value;
  for (;;) {
    value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      assert.fail(
        `timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(value)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
