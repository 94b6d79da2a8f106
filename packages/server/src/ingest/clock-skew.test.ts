import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TallyError } from '@tally/core';
import { clockOffset } from './clock-skew.js';

describe('clockOffset', () => {
  it('corrects a client clock that is an hour behind', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    assert.equal(clockOffset(now - 3_600_000, now, 2000), 3_600_000);
  });

  it('corrects a clock that is ahead, given as ISO-8601', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    assert.equal(clockOffset('2026-01-01T12:10:00Z', now, 2000), -600_000);
  });

  it('leaves a difference within the tolerance alone', () => {
    assert.equal(clockOffset(1000, 2500, 2000), 0);
  });

  it('does nothing without sentAt', () => {
    assert.equal(clockOffset(undefined, 5000, 0), 0);
  });

  it('refuses a sentAt that is not a time', () => {
    assert.throws(
      () => clockOffset('yesterday', 0, 0),
      (error: unknown) =>
        TallyError.isInstance(error) && error.code === 'invalid_batch' && error.field === 'sentAt',
    );
    assert.throws(() => clockOffset({}, 0, 0), TallyError);
  });
});
