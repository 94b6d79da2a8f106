import { ColumnarEngine, type Engine, type RosterUser, type StoredEvent } from '@tally/core';
import type { InsertResult, Store } from './types.js';

/**
 * A {@link Store} in memory, over core's columnar engine: one engine per tenant, dedup on
 * `(tenant, id)`. Nothing survives the process, so "durable" means "in this process"; for
 * tests, demos and trying the API without a database file.
 */
export class MemoryStore implements Store {
  private readonly tenants = new Map<string, { engine: ColumnarEngine; ids: Set<string> }>();
  private closed = false;

  async insertEvents(tenant: string, events: readonly StoredEvent[]): Promise<InsertResult> {
    const { engine, ids } = this.tenant(tenant);
    const fresh: StoredEvent[] = [];
    const duplicateIds: string[] = [];
    for (const event of events) {
      if (ids.has(event.id)) {
        duplicateIds.push(event.id);
      } else {
        ids.add(event.id);
        fresh.push(event);
      }
    }
    engine.append(fresh);
    return { inserted: fresh.length, duplicates: duplicateIds.length, duplicateIds };
  }

  async upsertUsers(tenant: string, users: readonly RosterUser[]): Promise<void> {
    this.tenant(tenant).engine.upsertUsers(users);
  }

  engine(tenant: string): Engine {
    return this.tenant(tenant).engine;
  }

  async checkpoint(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true;
  }

  private tenant(id: string): { engine: ColumnarEngine; ids: Set<string> } {
    if (this.closed) throw new Error('MemoryStore: the store is closed');
    let tenant = this.tenants.get(id);
    if (tenant === undefined) {
      tenant = { engine: new ColumnarEngine(), ids: new Set() };
      this.tenants.set(id, tenant);
    }
    return tenant;
  }
}
