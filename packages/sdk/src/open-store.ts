import { openIdbStore } from './idb-store.js';
import type { QueueStore } from './queue-store.js';

/** How long IndexedDB may take to open before the queue settles for memory. */
const OPEN_TIMEOUT_MS = 3000;

/**
 * Opens the durable queue store, or resolves `undefined` (keep events in memory) when `memory`
 * is asked for, IndexedDB is missing (Node, some private modes) or it fails or hangs on open;
 * `failed` hears why.
 */
export function openStore(
  name: string,
  memory: boolean,
  failed: (reason: unknown) => void,
): Promise<QueueStore | undefined> {
  if (memory || !globalThis.indexedDB) return Promise.resolve(undefined);
  return Promise.race([
    openIdbStore(name),
    new Promise<undefined>((resolve) => setTimeout(resolve, OPEN_TIMEOUT_MS, undefined)),
  ]).catch((reason) => void failed(reason));
}
