import type { FieldIssue } from '@tally/core';
import type { EventQueue } from './event-queue.js';
import type { NormalizedTrackerOptions } from './options.js';
import type { QueuedEvent } from './queue-store.js';
import { sendBeacon } from './beacon.js';
import { byteLength } from './byte-length.js';
import type { PostResult } from './transport.js';

/** Most events in one batch (the server's limit). */
const MAX_BATCH_EVENTS = 500;
/** Most JSON characters in one batch: under the server's 1 MiB even if every one takes 2 bytes. */
const MAX_BATCH_LENGTH = 480 * 1024;
/** Most bytes in one page-close request: under the browser's 64 KiB keep-alive quota. */
const MAX_BEACON_BYTES = 60 * 1024;

// `ky` is most of the SDK's size, so the transport is a chunk of its own: it loads on the first
// send, or earlier when the page is idle. Events are queued durably without it, and the
// page-close path (beacon.ts) does not need it. A load that fails (offline) is a network error:
// backoff, then another try.
let transport: Promise<typeof import('./transport.js')> | undefined;
const loadTransport = () =>
  (transport ??= import('./transport.js').catch((error) => {
    transport = undefined;
    throw error;
  }));

/** Counters a tracker exposes as `stats`. */
export interface DeliveryStats {
  /** Events the server acknowledged. */
  sent: number;
  /** Events refused at `track` because the queue was full. */
  dropped: number;
  /** Events the server refused (reported through `onError` with its reason). */
  deadLettered: number;
}

/** A user record sent along with the next batch, for the server's roster. */
export interface RosterUpdate {
  id: string;
  name?: string;
  email?: string;
}

/** The delivery policy's controls. */
export interface Delivery {
  /** An event was queued: flush when `flushAt` are waiting, else within `flushIntervalMs`. */
  pushed(): void;
  /** Sends what is queued until it is empty or a send fails; never rejects. */
  flush(): Promise<void>;
  /** Sends this page's remaining events with keep-alive requests, as the page goes away. */
  beacon(): void;
  /** Events reached the shared store: wake the leading tab. */
  written(): void;
  /** Whether this page leads delivery for the origin. */
  leads(): boolean;
  /** Stops timers and listeners and gives up leadership. */
  close(): void;
  /** Whether events this page is responsible for are still queued. */
  pending(): Promise<boolean>;
  /** Milliseconds until a retry is allowed (0: now). */
  waitMs(): number;
  /** Users to upsert with the next batch. */
  users: RosterUpdate[];
}

interface NodeLikeProcess {
  on?(event: 'beforeExit', listener: () => void): void;
  off?(event: 'beforeExit', listener: () => void): void;
}

/** How the delivery reports. */
export interface DeliveryReport {
  error(code: string, message: string, issues?: FieldIssue[]): void;
  log(...parts: unknown[]): void;
}

/**
 * The one place that decides when and how queued events leave: batches of `flushAt` or every
 * `flushIntervalMs`; 413 halves the batch; 429 and 503 wait for `Retry-After`; other 5xx and
 * network errors back off exponentially with jitter; other 4xx are dead-lettered with the
 * server's reason; offline pauses until `online`. An event leaves the queue only once the server
 * acknowledged it. With a shared store, only the tab holding the Web Lock sends stored events,
 * so two tabs never send the same event; the others wake it through a BroadcastChannel.
 */
export function createDelivery(
  queue: EventQueue,
  options: NormalizedTrackerOptions,
  stats: DeliveryStats,
  report: DeliveryReport,
): Delivery {
  const { url, writeKey, flushAt, flushIntervalMs, retry } = options;
  const post = { writeKey, timeoutMs: options.timeoutMs, fetch: options.fetch };
  const navigator = globalThis.navigator;
  // Until the store is open and the lock asked for, no page knows whether another one leads.
  let leader = false;
  let decide: () => void;
  const decided = new Promise<void>((resolve) => (decide = resolve));
  let offline = navigator?.onLine === false;
  let closed = false;
  let attempt = 0;
  let retryAt = 0;
  let unsent = 0;
  let running: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let releaseLock: (() => void) | undefined;
  let channel: BroadcastChannel | undefined;

  const body = (events: QueuedEvent[]) =>
    `{"batch":[${events.map((event) => event.json).join(',')}],"sentAt":${Date.now()}${
      delivery.users.length ? `,"users":${JSON.stringify(delivery.users)}` : ''
    }}`;

  const deadLetter = (events: QueuedEvent[], reason: string, issues?: FieldIssue[]) => {
    stats.deadLettered += events.length;
    const ids = events.map((event) => event.id).join(', ');
    report.error('event_rejected', `event ${ids} refused by the server: ${reason}`, issues);
  };

  const send = async (events: QueuedEvent[]): Promise<void> => {
    const sentUsers = delivery.users;
    const result: PostResult = await loadTransport().then(
      ({ postBatch }) => postBatch(url, body(events), post),
      (error) => ({ status: 0, reason: String(error) }),
    );
    const { status } = result;
    if (status > 199 && status < 300) {
      attempt = retryAt = 0;
      delivery.users = delivery.users.filter((user) => !sentUsers.includes(user));
      const rejected = (result.body as { rejected?: unknown } | undefined)?.rejected;
      let refused = 0;
      if (Array.isArray(rejected)) {
        for (const item of rejected as { index: number; errors?: FieldIssue[] }[]) {
          const event = events[item?.index];
          if (!event) continue;
          refused += 1;
          const issues = Array.isArray(item.errors) ? item.errors : [];
          const first = issues[0];
          deadLetter(
            [event],
            first ? `${first.path || 'event'}: ${first.reason}` : 'invalid',
            issues,
          );
        }
      }
      stats.sent += events.length - refused;
      queue.remove(events);
    } else if (status === 413 && events.length > 1) {
      const half = events.length >> 1;
      await send(events.slice(0, half));
      if (retryAt <= Date.now()) await send(events.slice(half));
    } else if (!status || status === 429 || status > 499) {
      if (!status && navigator?.onLine === false) offline = true;
      const backoff = Math.min(retry.maxMs, retry.minMs * 2 ** attempt++);
      retryAt = Date.now() + (result.retryAfter ?? backoff * (0.5 + Math.random() / 2));
      report.log(
        `send failed (${status || result.reason}); retrying in ${retryAt - Date.now()} ms`,
      );
    } else {
      deadLetter(events, `HTTP ${status}: ${result.reason}`);
      queue.remove(events);
    }
  };

  const loop = async () => {
    clearTimeout(timer);
    timer = undefined;
    unsent = 0;
    await decided;
    while (!offline && retryAt <= Date.now()) {
      const events = await queue.take(MAX_BATCH_EVENTS, MAX_BATCH_LENGTH, leader);
      if (!events.length) return;
      await send(events);
    }
    schedule();
  };

  // One timer: the next interval flush, or the retry a failure scheduled, whichever is first.
  let due = 0;
  const schedule = () => {
    const at = retryAt || Date.now() + flushIntervalMs;
    if (closed || offline || (timer && due <= at)) return;
    clearTimeout(timer);
    due = at;
    timer = setTimeout(() => {
      timer = undefined;
      void delivery.flush();
    }, at - Date.now());
    // In Node a pending timer must not keep the process alive; `beforeExit` flushes instead.
    (timer as { unref?: () => void }).unref?.();
  };

  const delivery: Delivery = {
    users: [],
    pushed() {
      if (++unsent < flushAt) return schedule();
      unsent = 0;
      void delivery.flush();
      if (!leader) channel?.postMessage(1);
    },
    flush() {
      const flushing = (running ??= loop()
        .catch((error) => report.error('delivery_failed', String(error)))
        .finally(() => (running = undefined)));
      options.waitUntil?.(flushing);
      return flushing;
    },
    beacon() {
      let events: QueuedEvent[] = [];
      let bytes = 0;
      const flushBeacon = () => !events.length || sendBeacon(url, body(events), writeKey);
      for (const event of queue.held(leader || !queue.shared())) {
        const size = byteLength(event.json);
        if (bytes + size > MAX_BEACON_BYTES) {
          if (!flushBeacon()) return;
          events = [];
          bytes = 0;
        }
        events.push(event);
        bytes += size;
      }
      flushBeacon();
    },
    written() {
      if (!leader) channel?.postMessage(0);
    },
    leads: () => leader,
    close() {
      closed = true;
      clearTimeout(timer);
      releaseLock?.();
      channel?.close();
      for (const [target, type, listener] of listeners) {
        target?.removeEventListener?.(type, listener);
      }
      process?.off?.('beforeExit', beforeExit);
    },
    waitMs: () => Math.max(0, retryAt - Date.now()),
    pending: async () => {
      await decided;
      return (await queue.take(1, Infinity, leader)).length > 0;
    },
  };

  const listeners: [EventTarget | undefined, string, () => void][] = [
    [
      globalThis.document,
      'visibilitychange',
      () => {
        if (globalThis.document.visibilityState === 'hidden') void delivery.flush();
      },
    ],
    [globalThis, 'pagehide', () => delivery.beacon()],
    [globalThis, 'offline', () => (offline = true)],
    [
      globalThis,
      'online',
      () => {
        offline = false;
        attempt = retryAt = 0;
        void delivery.flush();
      },
    ],
  ];
  for (const [target, type, listener] of listeners) target?.addEventListener?.(type, listener);
  // Node: flush what is left when the event loop empties (timers are unref'd), once per retry.
  const process = (globalThis as { process?: NodeLikeProcess }).process;
  const beforeExit = () => {
    if (!running && retryAt <= Date.now()) void delivery.flush();
  };
  process?.on?.('beforeExit', beforeExit);
  // Fetch the transport ahead of the first send, so that a page gone offline since it loaded
  // can still deliver when it comes back.
  (globalThis.requestIdleCallback ?? setTimeout)(() => loadTransport().catch(() => {}));

  // Leadership only matters for a shared store; this runs before any flush that awaits `ready`.
  void queue.ready().then(() => {
    const locks = navigator?.locks;
    // Events left by an earlier page go out with the next interval flush.
    if (!queue.shared() || !locks) {
      leader = true;
      decide();
      return schedule();
    }
    const name = `tally:${url}:${writeKey}`;
    channel = new BroadcastChannel(name);
    channel.onmessage = (message) => {
      if (!leader) return;
      if (message.data) void delivery.flush();
      else schedule();
    };
    const elect = (lock: Lock | null): Promise<void> | void => {
      decide();
      // Another page leads: wait in line, queuing into the shared store meanwhile.
      if (!lock) return void locks.request(name, elect).catch(() => {});
      if (closed) return;
      leader = true;
      report.log('leading delivery for this origin');
      schedule();
      return new Promise<void>((resolve) => (releaseLock = resolve));
    };
    // First without waiting, so whether another page leads is known at once.
    locks.request(name, { ifAvailable: true }, elect).catch(() => {});
  });

  return delivery;
}
