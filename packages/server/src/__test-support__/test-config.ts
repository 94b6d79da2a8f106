import type { TallyConfig } from '../config/config-types.js';

/** Keys of the two test tenants. */
export const KEYS = {
  acme: { write: 'tly_pub_acme_write_key_0001', secret: 'tly_sec_acme_secret_key_0001' },
  globex: { write: 'tly_pub_globex_write_key_001', secret: 'tly_sec_globex_secret_key_01' },
} as const;

/** The token signing secret of the test config. */
export const TOKEN_SECRET = 'test-token-secret-of-at-least-32-characters';

/** A config with two tenants, `acme` and `globex`, and CORS for one origin. */
export function testConfig(overrides: Partial<TallyConfig> = {}): TallyConfig {
  return {
    tenants: [
      {
        id: 'acme',
        writeKeys: [KEYS.acme.write],
        secretKeys: [KEYS.acme.secret],
        settings: {
          timezone: 'UTC',
          credits: { multipliers: { o3: 2 } },
          categories: [{ id: 'chat' }, { id: 'flow' }, { id: 'research' }, { id: 'documents' }],
          planCredits: 1000,
          budget: { measure: 'credits', limit: 1200, period: 'month' },
        },
      },
      { id: 'globex', writeKeys: [KEYS.globex.write], secretKeys: [KEYS.globex.secret] },
    ],
    tokens: { secret: TOKEN_SECRET, defaultTtlSeconds: 600, maxTtlSeconds: 3600 },
    cors: { origins: ['https://app.example.com'] },
    // Tests send many requests quickly; the rate-limit test sets its own.
    rateLimits: {
      ingest: { perSecond: 10_000, burst: 10_000 },
      query: { perSecond: 10_000, burst: 10_000 },
    },
    ...overrides,
  };
}
