// The one tracker of the page. The SDK queues every event in IndexedDB before a call returns
// and delivers in the background; the endpoint is the Tally API mounted on this origin.
import { createTracker } from '@tally/sdk';

let tracker;

/**
 * The page's tracker, created on first use with the tenant's public write key.
 *
 * @param {{ tallyEndpoint: string, writeKey: string }} demo
 * @returns {import('@tally/sdk').Tracker}
 */
export function trackerFor(demo) {
  tracker ??= createTracker({
    endpoint: demo.tallyEndpoint,
    writeKey: demo.writeKey,
    // A demo wants its numbers to move soon after a click; the default is 5 s.
    flushIntervalMs: 1000,
    onError: (error) => console.warn('[tally]', error.message),
  });
  return tracker;
}
