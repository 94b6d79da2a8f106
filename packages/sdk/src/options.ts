import type { TallyError, TallyEvent } from '@tally/core';

/** The options of `createTracker`. */
export interface TrackerOptions {
  /** The Tally server's base URL; events go to `{endpoint}/v1/batch`. */
  endpoint: string;
  /** The tenant's public write key (in Node, the secret key for system events). */
  writeKey: string;
  /** Send as soon as this many events are waiting. @default 20 */
  flushAt?: number;
  /** Send waiting events at least this often. @default 5000 */
  flushIntervalMs?: number;
  /** Most events queued; beyond it new events are dropped, counted and reported. @default 10000 */
  maxQueue?: number;
  /** Most bytes of events held in memory (not yet in IndexedDB). @default 5 MiB */
  maxQueueBytes?: number;
  /**
   * Where the queue lives: `indexeddb` (durable, shared by tabs; falls back to memory where
   * IndexedDB is missing or fails) or `memory`. @default 'indexeddb'
   */
  persist?: 'indexeddb' | 'memory';
  /** A session ends after this much inactivity. @default 1800000 (30 minutes) */
  sessionTimeoutMs?: number;
  /**
   * Sees every event before it is queued: return it (changed or not) to keep it, or `null` /
   * `false` to drop it (redaction, sampling).
   */
  beforeSend?: (event: TallyEvent) => TallyEvent | null | undefined | false;
  /** Receives every failure; tracking calls never throw. @default a console warning */
  onError?: (error: TallyError) => void;
  /** Logs what the tracker does to the console. @default false */
  debug?: boolean;
  /** Start opted out: nothing is tracked until `optIn()`. @default false */
  disabled?: boolean;
  /**
   * Serverless runtimes: receives each delivery's promise, e.g. `waitUntil: ctx.waitUntil`, so the
   * runtime stays up until the events are sent.
   */
  waitUntil?: (promise: Promise<unknown>) => void;
  /** The `fetch` to send with (tests, proxies). @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Give up on a request after this long. @default 10000 */
  timeoutMs?: number;
  /** Backoff after failed sends: doubling from `minMs` up to `maxMs`, with jitter. */
  retry?: { minMs?: number; maxMs?: number };
}

/** {@link TrackerOptions} with every default filled in and the batch URL resolved. */
export interface NormalizedTrackerOptions
  extends
    Required<Omit<TrackerOptions, 'beforeSend' | 'waitUntil' | 'fetch' | 'retry'>>,
    Pick<TrackerOptions, 'beforeSend' | 'waitUntil' | 'fetch'> {
  /** The batch endpoint: `{endpoint}/v1/batch`. */
  url: string;
  retry: { minMs: number; maxMs: number };
}

/** Fills in the defaults of {@link TrackerOptions}; `problem` names a missing endpoint or key. */
export function normalizeOptions(options: TrackerOptions): {
  options: NormalizedTrackerOptions;
  problem?: string;
} {
  const { endpoint, writeKey } = options ?? {};
  const problem =
    typeof endpoint !== 'string' || !endpoint
      ? `options.endpoint: must be the server URL, got ${String(endpoint)}`
      : typeof writeKey !== 'string' || !writeKey
        ? 'options.writeKey: must be a non-empty string'
        : undefined;
  const base = problem ? '' : endpoint.replace(/\/+$/, '');
  return {
    problem,
    options: {
      flushAt: 20,
      flushIntervalMs: 5000,
      maxQueue: 10_000,
      maxQueueBytes: 5 * 1024 * 1024,
      persist: 'indexeddb',
      sessionTimeoutMs: 30 * 60_000,
      onError: (error) => console.warn('[tally]', error.message),
      debug: false,
      disabled: false,
      timeoutMs: 10_000,
      ...options,
      url: base.endsWith('/v1/batch') ? base : `${base}/v1/batch`,
      retry: { minMs: 1000, maxMs: 300_000, ...options?.retry },
    },
  };
}
