// The host app inside test-support/tab.html: a tracker configured from the query string, exposed
// to the test page as `window.tally` (errors as `window.tallyErrors`).
import type { TallyError } from '@tally/core';
import { createTracker } from '../index.js';

const query = new URLSearchParams(location.search);
const number = (name: string, fallback: number) => Number(query.get(name) ?? fallback);

if (query.has('noIndexedDb')) {
  Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
}
if (query.has('brokenIndexedDb')) {
  indexedDB.open = () => {
    throw new DOMException('The user denied permission to access the database.', 'SecurityError');
  };
}

const errors: TallyError[] = [];
const tally = createTracker({
  endpoint: query.get('endpoint') ?? '',
  writeKey: query.get('writeKey') ?? '',
  flushAt: number('flushAt', 20),
  flushIntervalMs: number('flushIntervalMs', 5000),
  retry: { minMs: number('retryMs', 50), maxMs: 1000 },
  onError: (error) => errors.push(error),
});

Object.assign(globalThis, {
  tally,
  tallyErrors: errors,
  tallyPageId: Math.random(),
  tallyReady: true,
});
