/** The keys and config of the benchmark's one tenant. */
export const BENCH_KEYS = {
  write: 'tly_pub_bench_write_key_000000',
  secret: 'tly_sec_bench_secret_key_00000',
};

/** A config with one tenant, `bench`, and rate limits far above what the benchmark sends. */
export function benchConfig(settings = {}) {
  return {
    tenants: [
      { id: 'bench', writeKeys: [BENCH_KEYS.write], secretKeys: [BENCH_KEYS.secret], settings },
    ],
    tokens: { secret: 'bench-token-secret-that-is-long-enough' },
    rateLimits: {
      ingest: { perSecond: 1e9, burst: 1e9 },
      query: { perSecond: 1e9, burst: 1e9 },
    },
  };
}
