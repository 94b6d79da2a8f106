import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('grants a burst, then asks to wait until a token is back', () => {
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 });
    assert.deepEqual(
      [0, 0, 0].map(() => limiter.take('t', 1000)),
      [0, 0, 0],
    );
    assert.equal(limiter.take('t', 1000), 1);
  });

  it('refills at the configured rate', () => {
    const limiter = new RateLimiter({ perSecond: 2, burst: 2 });
    limiter.take('t', 0);
    limiter.take('t', 0);
    assert.equal(limiter.take('t', 499), 1);
    assert.equal(limiter.take('t', 1000), 0);
  });

  it('keeps tenants apart', () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1 });
    assert.equal(limiter.take('a', 0), 0);
    assert.equal(limiter.take('b', 0), 0);
    assert.equal(limiter.take('a', 0), 1);
  });

  it('rounds a slow refill up to whole seconds', () => {
    const limiter = new RateLimiter({ perSecond: 0.1, burst: 1 });
    limiter.take('t', 0);
    assert.equal(limiter.take('t', 0), 10);
  });
});
