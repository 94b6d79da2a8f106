import type { Engine, RosterUser, StoredEvent } from '@tally/core';

/** What a write did: events newly stored, and events whose `(tenant, id)` was already stored. */
export interface InsertResult {
  inserted: number;
  duplicates: number;
  /** Ids of the duplicates, in input order. */
  duplicateIds: string[];
}

/**
 * Durable storage for events and rosters, partitioned by tenant. `insertEvents` resolves only
 * once the events are durable (a crash after it resolves loses none of them) and stores each
 * `(tenant, id)` at most once.
 */
export interface Store {
  insertEvents(tenant: string, events: readonly StoredEvent[]): Promise<InsertResult>;
  upsertUsers(tenant: string, users: readonly RosterUser[]): Promise<void>;
  /** The query engine over one tenant's data; it can never see another tenant's rows. */
  engine(tenant: string): Engine;
  /** Flushes everything to the file (DuckDB `CHECKPOINT`). */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}
