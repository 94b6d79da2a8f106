import type { TallyEvent } from '@tally/core';
import type { DeliveryStats } from './delivery.js';

/**
 * Fields an app may set on an event. The tracker fills in `id` (a UUIDv7), `timestamp` (now),
 * `userId` (from `identify`), `sessionId` and `context`; any of them set here wins.
 */
export type EventFields = Partial<Omit<TallyEvent, 'name'>>;

/** One model call for `usage`: the event name plus its fields. */
export type UsageInput = EventFields & { name: string };

/** Fields of `recordCompletion`: the event name (default `ai.completion`) and other fields. */
export type CompletionFields = EventFields & { name?: string };

/** A thumbs up (1) or down (-1), optionally with a 1–5 rating and the rated event's id. */
export type FeedbackInput = Omit<EventFields, 'feedback'> & {
  value: 1 | -1;
  /** The event name. @default 'feedback' */
  name?: string;
};

/** Roster details `identify` sends for the user. */
export interface UserTraits {
  name?: string;
  email?: string;
}

/**
 * The tracking calls, shared by the tracker and its `system(agent)` view. None of them throws
 * into the host or waits for the network: the event is checked, given an id and queued before
 * the call returns; failures go to `onError`.
 */
export interface TrackerCalls {
  /** Tracks an event; returns its id, or `undefined` when it was refused or dropped. */
  track(name: string, fields?: EventFields): string | undefined;
  /** Tracks one model call (model, provider, tokens, latency, status). */
  usage(input: UsageInput): string | undefined;
  /**
   * Tracks a model call from the client's result (OpenAI, Anthropic, Gemini, Vercel AI SDK, or
   * OpenTelemetry GenAI attributes). A streaming result's usage is awaited first.
   */
  recordCompletion(result: unknown, fields?: CompletionFields): Promise<string | undefined>;
  /**
   * Runs `work`, then tracks its latency and `ok` / `error` (with the error's name as
   * `errorType`); returns its result, or rethrows its error untouched.
   */
  time<T>(name: string, work: () => T | PromiseLike<T>, fields?: EventFields): Promise<T>;
}

/** Options of {@link Tracker.shutdown}. */
export interface ShutdownOptions {
  /** Stop waiting for delivery after this long. @default 2000 */
  timeoutMs?: number;
}

/** The tracker `createTracker` returns. */
export interface Tracker extends TrackerCalls {
  /** Attributes later events to `userId` and sends `traits` for the roster. */
  identify(userId: string, traits?: UserTraits): void;
  /** Tracks feedback on an answer. */
  feedback(input: FeedbackInput): string | undefined;
  /** Calls whose events are attributed to `agent`, with actor `system` (background work). */
  system(agent: string): TrackerCalls;
  /** Sends everything queued now; resolves when the queue is empty or a send failed. */
  flush(): Promise<void>;
  /**
   * Flushes, retrying within `timeoutMs`, then stops. What is left is reported; with IndexedDB
   * it stays queued for the next page.
   */
  shutdown(options?: ShutdownOptions): Promise<void>;
  /** Stops tracking, and remembers it in this browser. */
  optOut(): void;
  /** Resumes tracking after {@link optOut}. */
  optIn(): void;
  /** Delivery counters: sent, dropped (queue full) and dead-lettered events. */
  readonly stats: Readonly<DeliveryStats>;
}
