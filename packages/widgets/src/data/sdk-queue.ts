const STORE = 'events';

/**
 * The name of the IndexedDB database in which the SDK queues events for an endpoint and write
 * key, as `createTracker` names it.
 */
export function sdkDatabaseName(endpoint: string, writeKey: string): string {
  const base = endpoint.replace(/\/+$/, '');
  return `tally:${base.endsWith('/v1/batch') ? base : `${base}/v1/batch`}:${writeKey}`;
}

/**
 * Reads the wire events the SDK has queued in an IndexedDB database (records `{ id, json }` in
 * the `events` store). A database that does not exist reads as empty and is not created.
 */
export function readSdkQueue(database: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(database);
    let missing = false;
    request.onupgradeneeded = () => {
      // Opening created the database: there is nothing queued, and it should not be left behind.
      missing = true;
      request.transaction?.abort();
    };
    request.onerror = () => {
      if (missing) resolve([]);
      else reject(request.error ?? new Error(`cannot open IndexedDB database ${database}`));
    };
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORE)) {
        db.close();
        resolve([]);
        return;
      }
      const read = db.transaction(STORE, 'readonly').objectStore(STORE).getAll();
      read.onerror = () => {
        db.close();
        reject(read.error ?? new Error(`cannot read ${database}`));
      };
      read.onsuccess = () => {
        db.close();
        resolve((read.result as { json?: unknown }[]).flatMap(parseRecord));
      };
    };
  });
}

function parseRecord(record: { json?: unknown }): unknown[] {
  if (typeof record?.json !== 'string') return [];
  try {
    return [JSON.parse(record.json)];
  } catch {
    // A damaged record is skipped: the rest of the queue still shows.
    return [];
  }
}
