import { TallyError, type FieldIssue, type TallyEvent } from '@tally/core';
import { byteLength } from './byte-length.js';
import { collectContext } from './collect-context.js';
import { createDelivery, type DeliveryStats } from './delivery.js';
import { createEventQueue } from './event-queue.js';
import { isValidEvent } from './is-valid-event.js';
import { safeLocalStorage } from './safe-local-storage.js';
import { normalizeOptions, type TrackerOptions } from './options.js';
import { openStore } from './open-store.js';
import { readCompletion } from './read-completion.js';
import { createSession } from './session.js';
import type { CompletionFields, EventFields, Tracker, TrackerCalls } from './tracker.js';
import { uuidV7 } from './uuid-v7.js';

/** Largest event, in bytes of JSON: well under a 64 KiB page-close request. */
const MAX_EVENT_BYTES = 32 * 1024;
const OPT_OUT_KEY = 'tally:opt-out';

/**
 * Creates a tracker for the browser, a Web Worker or Node. Nothing happens at import time, and
 * the tracker never throws into the host: problems, bad options included, go to `onError`.
 *
 * @example
 * ```ts
 * const tally = createTracker({ endpoint: 'https://tally.example.com', writeKey: 'wk_live_...' });
 * tally.identify('user-42', { name: 'Ada' });
 * tally.track('chat.message', { category: 'chat', conversationId: 'c-1' });
 * await tally.recordCompletion(completion, { name: 'chat.completion', category: 'chat' });
 * ```
 */
export function createTracker(trackerOptions: TrackerOptions): Tracker {
  const { options, problem } = normalizeOptions(trackerOptions);
  const stats: DeliveryStats = { sent: 0, dropped: 0, deadLettered: 0 };
  const log = (...parts: unknown[]) => options.debug && console.debug('[tally]', ...parts);
  const error = (code: string, message: string, issues?: FieldIssue[]) => {
    log(message);
    try {
      options.onError(new TallyError(message, { code, field: issues?.[0]?.path, issues }));
    } catch {
      // The host's handler failed; the tracker carries on.
    }
  };
  const failed = (caught: unknown) =>
    error('tracker_failed', String((caught as Error)?.message ?? caught));

  let closed = !!problem;
  let userId: string | undefined;
  let optedOut = options.disabled || !!safeLocalStorage()?.getItem(OPT_OUT_KEY);
  if (problem) error('invalid_options', problem);

  const context = collectContext();
  const session = createSession(options.sessionTimeoutMs);
  const storeFailed = (caught: unknown) =>
    error('storage_failed', `queue: IndexedDB failed (${caught}); events stay in memory`);
  const queue = createEventQueue(
    openStore(
      `tally:${options.url}:${options.writeKey}`,
      closed || options.persist == 'memory',
      storeFailed,
    ),
    options,
    { written: () => delivery.written(), failed: storeFailed, leads: () => delivery.leads() },
  );
  const delivery = createDelivery(queue, options, stats, { error, log });

  const enqueue = (event: TallyEvent): string | undefined => {
    const json = JSON.stringify(event);
    const bytes = json.length * 3 > MAX_EVENT_BYTES ? byteLength(json) : 0;
    if (bytes > MAX_EVENT_BYTES) {
      const reason = `must be at most ${MAX_EVENT_BYTES} bytes as JSON, got ${bytes}`;
      return void error('invalid_event', `event: ${reason}`, [{ path: '', reason }]);
    }
    if (!queue.push({ id: event.id, json })) {
      stats.dropped += 1;
      return void error('queue_full', `queue: full, dropped ${event.name}`);
    }
    delivery.pushed();
    log('queued', event);
    return event.id;
  };

  // Core's validator is large, so it loads only for an event the quick check refused: it names
  // each problem, and if it accepts the event after all, the event is queued.
  const refuse = (event: TallyEvent) =>
    import('./validate-event.js')
      .then(({ validateEvent }) => {
        const result = validateEvent(event);
        if (result.ok) return enqueue(event);
        const [first, ...others] = result.errors;
        const more = others.length ? ` (and ${others.length} more)` : '';
        error('invalid_event', `${first.path || 'event'}: ${first.reason}${more}`, result.errors);
      })
      .catch(failed);

  const emit = (name: string, fields: EventFields, agent?: string): string | undefined => {
    try {
      if (closed || optedOut) return;
      const page = globalThis.location?.href;
      let event: TallyEvent | null | undefined | false = {
        id: uuidV7(),
        timestamp: Date.now(),
        ...(agent ? { actor: 'system', agent } : { userId, sessionId: session() }),
        ...fields,
        name,
        context: { ...context, ...(page ? { page: page.slice(0, 2048) } : {}), ...fields.context },
      };
      event = options.beforeSend ? options.beforeSend(event) : event;
      if (!event) return void log('beforeSend dropped', name);
      if (!isValidEvent(event)) return void refuse(event);
      return enqueue(event);
    } catch (caught) {
      failed(caught);
    }
  };

  const calls = (agent?: string): TrackerCalls => ({
    track: (name, fields = {}) => emit(name, fields, agent),
    usage: ({ name, ...fields }) => emit(name, fields, agent),
    async recordCompletion(result, { name = 'ai.completion', ...fields }: CompletionFields = {}) {
      try {
        const source = (result ?? {}) as Record<string, PromiseLike<unknown>>;
        const usage = source.totalUsage ?? source.usage;
        // A streaming result: usage, response and metadata settle when the stream ends.
        const read =
          typeof usage?.then == 'function'
            ? readCompletion({
                totalUsage: await usage,
                response: await source.response,
                providerMetadata: await source.providerMetadata,
              })
            : readCompletion(result);
        return emit(name, { ...read, ...fields }, agent);
      } catch (caught) {
        failed(caught);
      }
    },
    async time(name, work, fields = {}) {
      const start = performance.now();
      const finish = (status: 'ok' | 'error', errorType?: unknown) =>
        emit(
          name,
          {
            ...fields,
            latencyMs: Math.round(performance.now() - start),
            status,
            errorType:
              typeof errorType == 'string' && errorType ? errorType.slice(0, 128) : undefined,
          },
          agent,
        );
      try {
        const value = await work();
        finish('ok');
        return value;
      } catch (caught) {
        finish('error', (caught as Error)?.name);
        throw caught;
      }
    },
  });

  const optOut = (value: boolean) => {
    optedOut = value;
    try {
      if (value) safeLocalStorage()?.setItem(OPT_OUT_KEY, '1');
      else safeLocalStorage()?.removeItem(OPT_OUT_KEY);
    } catch {
      // Full or blocked storage: the choice holds for this page only.
    }
  };

  return {
    ...calls(),
    identify(id, traits) {
      if (typeof id != 'string' || !id || id.length > 256) {
        return error('invalid_user', `userId: must be a string of 1 to 256 characters, got ${id}`);
      }
      userId = id;
      if (traits && !closed && !optedOut) delivery.users.push({ ...traits, id });
    },
    feedback: ({ value, name = 'feedback', ...fields }) =>
      emit(name, { ...fields, feedback: value }),
    system: (agent) => calls(String(agent).slice(0, 128)),
    flush: () => delivery.flush(),
    async shutdown({ timeoutMs = 2000 } = {}) {
      closed = true;
      const deadline = Date.now() + timeoutMs;
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      while ((await delivery.pending()) && Date.now() < deadline) {
        await sleep(Math.min(delivery.waitMs(), deadline - Date.now()));
        await Promise.race([delivery.flush(), sleep(deadline - Date.now())]);
      }
      const left = await delivery.pending();
      delivery.close();
      if (left) error('undelivered', `shutdown: events still queued after ${timeoutMs} ms`);
    },
    optOut: () => optOut(true),
    optIn: () => optOut(false),
    stats,
  };
}
