import { randomBytes } from 'node:crypto';
import type { TallyConfig } from './config-types.js';

/** Prefix of generated public write keys. */
export const WRITE_KEY_PREFIX = 'tly_pub_';
/** Prefix of generated secret keys. */
export const SECRET_KEY_PREFIX = 'tly_sec_';

/** A random key: the prefix and 32 bytes of randomness in base64url. */
export function generateKey(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Options of {@link initialConfig}. */
export interface InitialConfigOptions {
  /** @default 'default' */
  tenant?: string;
  /** @default 'UTC' */
  timezone?: string;
}

/**
 * A fresh config for `tally-server init`: one tenant with a new write key and secret key, a new
 * token signing secret, the four default categories, example credit rules (premium models 2×,
 * economy models 0.5×), a monthly plan and budget, and CORS open to a local dev server. Edit
 * it freely: the server validates it on start.
 */
export function initialConfig(options: InitialConfigOptions = {}): TallyConfig {
  const { tenant = 'default', timezone = 'UTC' } = options;
  return {
    tenants: [
      {
        id: tenant,
        name: tenant,
        writeKeys: [generateKey(WRITE_KEY_PREFIX)],
        secretKeys: [generateKey(SECRET_KEY_PREFIX)],
        settings: {
          timezone,
          categories: [
            { id: 'chat', label: 'Chat' },
            { id: 'flow', label: 'Flow' },
            { id: 'research', label: 'Research' },
            { id: 'documents', label: 'Documents' },
          ],
          credits: {
            base: { 'research.deep_dive': 5, 'doc.generate': 2 },
            multipliers: {
              o3: 2,
              'claude-opus-4-1': 2,
              'gpt-4o-mini': 0.5,
              'gemini-2.5-flash': 0.5,
            },
          },
          planCredits: 50_000,
          budget: { measure: 'credits', limit: 60_000, period: 'month' },
        },
      },
    ],
    tokens: {
      secret: randomBytes(32).toString('base64url'),
      defaultTtlSeconds: 3600,
      maxTtlSeconds: 86_400,
    },
    cors: { origins: ['http://localhost:5173'] },
    rateLimits: { ingest: { perSecond: 1000, burst: 2000 }, query: { perSecond: 50, burst: 100 } },
    limits: { bodyBytes: 1024 * 1024 },
  };
}
