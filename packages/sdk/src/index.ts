/**
 * @packageDocumentation
 * @tally/sdk: the tracker for browsers, Web Workers and Node. Events are checked, given a UUIDv7
 * and queued (durably, in IndexedDB) before a call returns, then delivered in the background,
 * at least once; the server's dedup by id makes counts exactly-once.
 */

export { createTracker } from './create-tracker.js';
export { readCompletion } from './read-completion.js';
export { isValidEvent } from './is-valid-event.js';
export { uuidV7 } from './uuid-v7.js';
export type { CompletionUsage } from './read-completion.js';
export type { DeliveryStats } from './delivery.js';
export type { NormalizedTrackerOptions, TrackerOptions } from './options.js';
export type {
  CompletionFields,
  EventFields,
  FeedbackInput,
  ShutdownOptions,
  Tracker,
  TrackerCalls,
  UsageInput,
  UserTraits,
} from './tracker.js';

/** The version of this package. */
export const VERSION = '0.1.0';
