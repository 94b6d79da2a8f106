import { DuckDbStore } from '../store/duckdb-store.js';
import { MemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/types.js';

/**
 * Opens the store for a database path: `:memory:` is an in-memory store (nothing is kept), any
 * other path a DuckDB file, created if missing.
 */
export async function openStore(path: string): Promise<Store> {
  if (path === ':memory:') return new MemoryStore();
  return DuckDbStore.open(path);
}
