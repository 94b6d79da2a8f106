import type { QueuedEvent, QueueStore } from './queue-store.js';

// Where an event of this page stands: waiting to be written, in the store, or memory only.
const WRITING = 0;
const STORED = 1;
const MEMORY = 2;

interface Held extends QueuedEvent {
  place: number;
}

/** The bounds of an {@link EventQueue}. */
export interface QueueLimits {
  /** Most events queued: in the store plus in memory. */
  maxQueue: number;
  /** Most bytes (JSON characters) held in memory. */
  maxQueueBytes: number;
}

/** What the queue tells its owner. */
export interface QueueHooks {
  /** Events reached the shared store (other tabs can deliver them now). */
  written(count: number): void;
  /** The store refused a write; later events stay in memory. */
  failed(error: unknown): void;
  /** Whether this page leads delivery (and so sends its stored events from memory). */
  leads(): boolean;
}

/**
 * The queue of events waiting for the server's acknowledgement. `push` is synchronous and cheap:
 * events are written to the store in the background, many per transaction. Events this page
 * could not store (no IndexedDB, quota exceeded) stay in memory and are its own to deliver;
 * stored events are delivered by whichever tab leads.
 */
export interface EventQueue {
  /** Queues an event; `false` when the queue is full. */
  push(event: QueuedEvent): boolean;
  /** Resolves once the store is open, or known to be unavailable. */
  ready(): Promise<void>;
  /**
   * The oldest events to send next: this page's memory-only events, then, when `fromStore` (the
   * page leads delivery), its events still being written and the stored ones; at most `limit`
   * events of at most `maxLength` characters together (but at least one event).
   */
  take(limit: number, maxLength: number, fromStore: boolean): Promise<QueuedEvent[]>;
  /** Removes acknowledged (or dead-lettered) events; the store catches up in the background. */
  remove(events: QueuedEvent[]): void;
  /**
   * Events of this page still held in memory, for a last send as the page goes away: all of
   * them when `all`, else only those not in the shared store.
   */
  held(all: boolean): QueuedEvent[];
  /** Whether events go to a store other tabs share. */
  shared(): boolean;
}

/** Stored events a page that does not lead keeps in memory, for its page-close beacon. */
const KEPT_FOR_BEACON = 64 * 1024;

/**
 * Creates the queue over a store that may still be opening (`undefined`: keep events in memory).
 */
export function createEventQueue(
  opening: Promise<QueueStore | undefined>,
  limits: QueueLimits,
  hooks: QueueHooks,
): EventQueue {
  const local = new Map<string, Held>();
  let store: QueueStore | undefined;
  let writable = true;
  let writing: Held[] = [];
  const opened = opening.then((result) => {
    store = result;
  });
  // Store writes and deletes run one after another, so a delete never overtakes the write of
  // the same event.
  let chain: Promise<unknown> = opened;
  // Acknowledged events whose delete from the store has not happened yet.
  const removing = new Set<string>();
  let stored = 0;
  let memoryCount = 0;
  let memoryBytes = 0;
  let keptBytes = 0;

  const release = (event: Held) => {
    if (event.place === STORED) keptBytes -= event.json.length;
    else {
      memoryCount -= 1;
      memoryBytes -= event.json.length;
    }
  };

  const refreshCount = async () => {
    stored = (await store?.count()) ?? 0;
  };

  const write = async () => {
    // Events acknowledged before their turn to be written need no write at all.
    const batch = writing.filter((event) => local.get(event.id) === event);
    writing = [];
    if (store && writable) {
      try {
        await store.put(batch.map(({ id, json }) => ({ id, json })));
        for (const event of batch) {
          if (local.get(event.id) !== event) continue;
          release(event);
          event.place = STORED;
          keptBytes += event.json.length;
        }
        // Stored events stay in memory too: the leader sends them from there, without reading
        // the store; another page keeps only enough to fill a page-close beacon.
        const keep = hooks.leads() ? limits.maxQueueBytes : KEPT_FOR_BEACON;
        for (const event of local.values()) {
          if (keptBytes <= keep) break;
          if (event.place === STORED) {
            local.delete(event.id);
            keptBytes -= event.json.length;
          }
        }
        hooks.written(batch.length);
        await refreshCount();
        return;
      } catch (error) {
        writable = false;
        hooks.failed(error);
      }
    }
    for (const event of batch) event.place = MEMORY;
  };

  return {
    push(event) {
      const length = event.json.length;
      if (stored + memoryCount >= limits.maxQueue || memoryBytes + length > limits.maxQueueBytes) {
        return false;
      }
      const held: Held = { ...event, place: WRITING };
      local.set(event.id, held);
      memoryCount += 1;
      memoryBytes += length;
      writing.push(held);
      if (writing.length === 1) chain = chain.then(write);
      return true;
    },
    ready: () => opened,
    async take(limit, maxLength, fromStore) {
      await opened;
      const batch: QueuedEvent[] = [];
      const seen = new Set<string>();
      let length = 0;
      const add = (event: QueuedEvent) => {
        if (
          batch.length < limit &&
          !seen.has(event.id) &&
          (!batch.length || length + event.json.length <= maxLength)
        ) {
          seen.add(event.id);
          batch.push(event);
          length += event.json.length;
        }
      };
      // The leading page sends its own events from memory, even while they are still being
      // written: delivery never waits for IndexedDB. Other pages leave stored events to it.
      for (const event of local.values()) {
        if (fromStore || event.place === MEMORY) add(event);
      }
      if (fromStore && store && batch.length < limit) {
        try {
          for (const event of await store.list(limit + removing.size)) {
            if (!removing.has(event.id)) add(event);
          }
        } catch (error) {
          hooks.failed(error);
        }
      }
      return batch;
    },
    remove(events) {
      const ids = events.map(({ id }) => id);
      for (const id of ids) {
        const event = local.get(id);
        if (event) {
          local.delete(id);
          release(event);
        }
        removing.add(id);
      }
      chain = chain
        .then(async () => {
          await store?.remove(ids);
          await refreshCount();
        })
        .catch(hooks.failed)
        .finally(() => ids.forEach((id) => removing.delete(id)));
    },
    held: (all) => [...local.values()].filter((event) => all || event.place !== STORED),
    shared: () => store !== undefined,
  };
}
