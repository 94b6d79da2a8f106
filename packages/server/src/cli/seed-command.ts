import { resolve } from 'node:path';
import { TallyError } from '@tally/core';
import { loadConfig } from '../config/load-config.js';
import { validateConfig } from '../config/validate-config.js';
import { seedDemo } from '../demo/seed-demo.js';
import type { CliIo } from './cli-io.js';
import { openStore } from './open-store.js';

/** Options of `tally-server seed`. */
export interface SeedOptions {
  config: string;
  db: string;
  demo: boolean;
  tenant?: string;
  days: number;
  users: number;
  scale: number;
  seed: number;
  /** The demo's end. @default now */
  now?: number;
}

/**
 * `tally-server seed --demo`: fills a tenant (the first, or `--tenant`) with a synthetic
 * organisation: a roster, 180 days of events ending now, priced with the tenant's settings.
 */
export async function seedCommand(options: SeedOptions, io: CliIo): Promise<number> {
  if (!options.demo) {
    io.error('tally-server seed: only --demo is available: tally-server seed --demo');
    return 2;
  }
  const config = validateConfig(await loadConfig(resolve(io.cwd, options.config)));
  const tenant =
    options.tenant === undefined
      ? config.tenants[0]
      : config.tenants.find((candidate) => candidate.id === options.tenant);
  if (tenant === undefined) {
    throw new TallyError(`--tenant: no tenant ${JSON.stringify(options.tenant)} in the config`, {
      code: 'invalid_options',
      field: 'tenant',
    });
  }
  const dbPath = options.db === ':memory:' ? options.db : resolve(io.cwd, options.db);
  const store = await openStore(dbPath);
  try {
    const started = Date.now();
    const result = await seedDemo(store, tenant, {
      now: options.now ?? Date.now(),
      days: options.days,
      users: options.users,
      scale: options.scale,
      seed: options.seed,
    });
    await store.checkpoint();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.out(
      `Seeded tenant ${tenant.id} in ${dbPath}: ${result.users} users, ${result.inserted} new events` +
        (result.duplicates > 0 ? ` (${result.duplicates} were already there)` : '') +
        ` in ${seconds} s.`,
    );
  } finally {
    await store.close();
  }
  return 0;
}
