import { createHash } from 'node:crypto';
import type { NormalizedTenant } from '../config/config-types.js';

/** What a key is: whose, and whether public or secret. */
export interface KeyEntry {
  tenant: string;
  kind: 'write' | 'secret';
}

/**
 * Finds the tenant of an API key. Keys are looked up by their SHA-256 digest, so the lookup's
 * timing says nothing about how much of a guessed key was right.
 */
export class KeyIndex {
  private readonly entries = new Map<string, KeyEntry>();

  constructor(tenants: readonly NormalizedTenant[]) {
    for (const tenant of tenants) {
      for (const key of tenant.writeKeys) {
        this.entries.set(digest(key), { tenant: tenant.id, kind: 'write' });
      }
      for (const key of tenant.secretKeys) {
        this.entries.set(digest(key), { tenant: tenant.id, kind: 'secret' });
      }
    }
  }

  /** The key's tenant and kind, or `undefined` for an unknown key. */
  find(key: string): KeyEntry | undefined {
    return this.entries.get(digest(key));
  }
}

function digest(key: string): string {
  return createHash('sha256').update(key).digest('base64');
}
