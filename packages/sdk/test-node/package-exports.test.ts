import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VERSION, createTracker, isValidEvent, readCompletion, uuidV7 } from '@tally/sdk';

// Imports the package by name from its build (dist/): proof that the exports map works.
describe('@tally/sdk', () => {
  it('exports the tracker and its helpers by name', async () => {
    assert.equal(VERSION, '0.1.0');
    assert.equal(typeof readCompletion, 'function');
    assert.equal(isValidEvent({ id: uuidV7(), name: 'chat.message', timestamp: 0 }), true);
    const tally = createTracker({
      endpoint: 'http://127.0.0.1:9',
      writeKey: 'wk',
      persist: 'memory',
      onError: () => {},
    });
    assert.equal(typeof tally.track('chat.message'), 'string');
    await tally.shutdown({ timeoutMs: 10 });
  });
});
