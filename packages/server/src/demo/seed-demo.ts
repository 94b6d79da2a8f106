import {
  createEnricher,
  validateEvent,
  type NormalizedEvent,
  type TenantSettings,
} from '@tally/core';
import type { Store } from '../store/types.js';
import { demoOrganisation, type DemoOptions } from './demo-organisation.js';

/** What {@link seedDemo} stored. */
export interface SeedResult {
  users: number;
  /** Events generated. */
  events: number;
  /** Events newly stored (the rest were there from an earlier seed). */
  inserted: number;
  duplicates: number;
}

/** Events per store write. */
const CHUNK = 5000;

/**
 * Fills a tenant with the demo organisation (see `demoOrganisation`): its roster, then its
 * events, each validated and priced exactly as `POST /v1/batch` would (the tenant's catalog and
 * credit rules), with the location the server would have added. Event ids come from the seed,
 * so seeding again stores nothing twice.
 */
export async function seedDemo(
  store: Store,
  tenant: { id: string; settings: TenantSettings },
  options: DemoOptions & { onProgress?: (stored: number) => void },
): Promise<SeedResult> {
  const organisation = demoOrganisation(options);
  const enrich = createEnricher(tenant.settings);
  await store.upsertUsers(tenant.id, organisation.roster);
  const result: SeedResult = {
    users: organisation.roster.length,
    events: 0,
    inserted: 0,
    duplicates: 0,
  };
  let chunk: ReturnType<typeof enrich>[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const stored = await store.insertEvents(tenant.id, chunk);
    result.inserted += stored.inserted;
    result.duplicates += stored.duplicates;
    chunk = [];
    options.onProgress?.(result.inserted + result.duplicates);
  };
  for (const { event, location } of organisation.events()) {
    const validation = validateEvent(event);
    if (!validation.ok) {
      const [issue] = validation.errors;
      throw new Error(`demo event ${event.id} is invalid: ${issue?.path}: ${issue?.reason}`);
    }
    const normalized: NormalizedEvent = validation.event;
    if (Object.keys(location).length > 0)
      normalized.context = { ...normalized.context, ...location };
    chunk.push(enrich(normalized));
    result.events += 1;
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();
  return result;
}
