import type { RateLimit } from '../config/config-types.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Token buckets, one per key (a tenant): each request takes a token, tokens refill at
 * `perSecond` up to `burst`. A refused request learns how long until a token is back, for
 * `Retry-After`.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limit: RateLimit) {}

  /**
   * Takes `cost` tokens from `key`'s bucket at `now` (epoch ms). Returns 0 when granted, else
   * the whole seconds to wait before the request could be granted (at least 1).
   */
  take(key: string, now: number, cost = 1): number {
    const { perSecond, burst } = this.limit;
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = { tokens: burst, updatedAt: now };
      this.buckets.set(key, bucket);
    }
    const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perSecond);
    bucket.updatedAt = now;
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return 0;
    }
    return Math.max(1, Math.ceil((Math.min(cost, burst) - bucket.tokens) / perSecond));
  }
}
