import { abortError, raceAbort } from './abort.js';

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  callers: number;
  /** `null`: in no group, so never cancelled by {@link SharedRequests.cancelOtherGroups}. */
  group: string | null;
}

/**
 * Identical requests in flight share one network request: each caller can cancel its own
 * wait, and the request itself is cancelled once every caller has. A request can also be
 * cancelled for all its callers by group (a stale date range).
 */
export class SharedRequests {
  private readonly entries = new Map<string, Entry>();

  /** How many distinct requests are in flight. */
  get size(): number {
    return this.entries.size;
  }

  /** Joins the request under `key`, starting it with `start` when none is in flight. */
  run<T>(
    key: string,
    group: string | null,
    signal: AbortSignal | undefined,
    start: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    let entry = this.entries.get(key);
    if (entry === undefined) {
      const controller = new AbortController();
      const created: Entry = { promise: Promise.resolve(), controller, callers: 0, group };
      created.promise = start(controller.signal).finally(() => {
        if (this.entries.get(key) === created) this.entries.delete(key);
      });
      // Callers see the outcome through raceAbort; this copy must not count as unhandled.
      created.promise.catch(() => undefined);
      this.entries.set(key, created);
      entry = created;
    }
    const joined = entry;
    joined.callers += 1;
    const leave = () => {
      joined.callers -= 1;
      if (joined.callers === 0) this.cancel(key, joined);
    };
    signal?.addEventListener('abort', leave, { once: true });
    return raceAbort(joined.promise as Promise<T>, signal).finally(() =>
      signal?.removeEventListener('abort', leave),
    );
  }

  /** Cancels every request in flight in a group other than `group`; returns the groups cancelled. */
  cancelOtherGroups(group: string): Set<string> {
    const cancelled = new Set<string>();
    for (const [key, entry] of this.entries) {
      if (entry.group !== null && entry.group !== group) {
        cancelled.add(entry.group);
        this.cancel(key, entry);
      }
    }
    return cancelled;
  }

  private cancel(key: string, entry: Entry): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
    entry.controller.abort();
  }
}
