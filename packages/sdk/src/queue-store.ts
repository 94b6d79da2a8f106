/** One queued event: its id (a UUIDv7, so ids sort in creation order) and its JSON text. */
export interface QueuedEvent {
  id: string;
  json: string;
}

/**
 * Where queued events live between `track` and the server's acknowledgement. The IndexedDB store
 * is shared by every tab of the origin; without one, the queue keeps events in memory.
 */
export interface QueueStore {
  /** Writes events; rejects when the write failed (quota exceeded, database closed). */
  put(events: QueuedEvent[]): Promise<void>;
  /** The `limit` oldest events. */
  list(limit: number): Promise<QueuedEvent[]>;
  /** Deletes events by id; ids that are not stored are ignored. */
  remove(ids: string[]): Promise<void>;
  /** How many events are stored. */
  count(): Promise<number>;
}
