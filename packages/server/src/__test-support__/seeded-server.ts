import { seedDemo } from '../demo/seed-demo.js';
import { MemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/types.js';
import { testConfig } from './test-config.js';
import { startTestServer, type TestServer } from './test-server.js';

/** The fixed "now" of seeded tests. */
export const SEEDED_NOW = Date.UTC(2026, 5, 15, 12);

/**
 * A test server whose `acme` tenant holds a small demo organisation (12 users, 40 days) and
 * whose `globex` tenant holds a different one, all at a fixed `now`.
 */
export async function startSeededServer(store: Store = new MemoryStore()): Promise<TestServer> {
  const config = testConfig();
  const [acme, globex] = config.tenants;
  await seedDemo(
    store,
    { id: acme.id, settings: acme.settings ?? {} },
    { now: SEEDED_NOW, days: 40, users: 12, scale: 1.2, seed: 7 },
  );
  await seedDemo(
    store,
    { id: globex.id, settings: {} },
    { now: SEEDED_NOW, days: 40, users: 5, scale: 0.3, seed: 99 },
  );
  return startTestServer({ store, config, now: () => SEEDED_NOW });
}
