import { openDB, unwrap } from 'idb';
import type { QueuedEvent, QueueStore } from './queue-store.js';

const EVENTS = 'events';

/**
 * Opens the durable queue in IndexedDB (database `name`, one object store keyed by event id).
 * This is the only module that talks to IndexedDB.
 */
export async function openIdbStore(name: string): Promise<QueueStore> {
  const database = await openDB<unknown>(name, 1, {
    upgrade: (upgrading) => upgrading.createObjectStore(EVENTS, { keyPath: 'id' }),
  });
  const write = async (change: (store: IDBObjectStore) => void) => {
    const transaction = database.transaction(EVENTS, 'readwrite');
    // The raw store: its requests make no promise that could reject unhandled; the
    // transaction reports the outcome once.
    change(unwrap(transaction.store));
    await transaction.done;
  };
  return {
    put: (events) => write((store) => events.forEach((event) => store.put(event))),
    remove: (ids) => write((store) => ids.forEach((id) => store.delete(id))),
    list: (limit) => database.getAll(EVENTS, undefined, limit) as Promise<QueuedEvent[]>,
    count: () => database.count(EVENTS),
  };
}
