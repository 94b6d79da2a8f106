/** Who an event is attributed to: a person's action, or the assistant's background work. */
export type Actor = 'user' | 'system';

/** Outcome of the work an event records. */
export type EventStatus = 'ok' | 'error';

/**
 * Token counts of one model call, following the OpenTelemetry GenAI convention:
 * `input` includes `cachedInput` and `cacheWrite`; `output` includes `reasoning`.
 */
export interface TokenUsage {
  /** All prompt tokens, including cached reads and cache writes. */
  input?: number;
  /** All completion tokens, including reasoning tokens. */
  output?: number;
  /** Prompt tokens served from the provider's cache (part of `input`). */
  cachedInput?: number;
  /** Prompt tokens written to the provider's cache (part of `input`). */
  cacheWrite?: number;
  /** Reasoning tokens (part of `output`). */
  reasoning?: number;
}

/** Client context the SDK collects. */
export interface EventContext {
  page?: string;
  referrer?: string;
  browser?: string;
  os?: string;
  timezone?: string;
  locale?: string;
}

/** Request context the server adds; never trusted from the client. */
export interface ServerContext {
  ip?: string;
  country?: string;
  region?: string;
  city?: string;
}

/** A free-form property value. */
export type PropertyValue = string | number | boolean | null;

/**
 * One event as sent on the wire (schema v1, DESIGN §2). Only `id`, `name` and `timestamp`
 * are required.
 */
export interface TallyEvent {
  /** Idempotency key, 1–64 chars of `[A-Za-z0-9_.:-]`; the SDK uses a UUIDv7. */
  id: string;
  /** The action, e.g. `chat.message`. */
  name: string;
  /** ISO-8601 string or epoch milliseconds. */
  timestamp: string | number;
  userId?: string;
  /** Defaults to `user` when `userId` is set, else `system`. */
  actor?: Actor;
  agent?: string;
  category?: string;
  source?: string;
  endpoint?: string;
  sessionId?: string;
  conversationId?: string;
  model?: string;
  provider?: string;
  tokens?: TokenUsage;
  /** App-supplied cost in USD; overrides the catalog. */
  costUsd?: number;
  /** App-supplied credits; override the credit rules. */
  credits?: number;
  latencyMs?: number;
  status?: EventStatus;
  errorType?: string;
  /** Thumbs up (1) or down (-1). */
  feedback?: 1 | -1;
  /** A 1–5 rating. */
  rating?: number;
  /** The id of the event being rated. */
  targetId?: string;
  /** A gauge reading, e.g. for `queue.depth`. */
  value?: number;
  context?: EventContext;
  properties?: Record<string, PropertyValue>;
}

/** Token buckets after normalisation: every bucket present, plain counts split out. */
export interface NormalizedTokens {
  input: number;
  output: number;
  cachedInput: number;
  cacheWrite: number;
  reasoning: number;
}

/**
 * An event after validation: timestamp in epoch ms, actor resolved, token buckets complete
 * (or `null` when the event carried no tokens). Optional strings stay absent rather than empty.
 */
export interface NormalizedEvent extends Omit<
  TallyEvent,
  'timestamp' | 'actor' | 'tokens' | 'context'
> {
  timestamp: number;
  actor: Actor;
  tokens: NormalizedTokens | null;
  context?: EventContext & ServerContext;
}

/**
 * How an event's cost was established: `none` (nothing to price), `catalog` (priced from the
 * catalog entry effective at its time), `app` (app-supplied `costUsd`), `unpriced` (tokens but no
 * known price: counts, costs 0, and is reported).
 */
export type PricingState = 'none' | 'catalog' | 'app' | 'unpriced';

/** An event as stored and aggregated: normalised, priced and credited at ingest. */
export interface StoredEvent extends NormalizedEvent {
  /** Cost in integer nanodollars (1e-9 USD). */
  costNanos: number;
  pricing: PricingState;
  /** Version of the price catalog used, when `pricing` is `catalog`. */
  catalogVersion?: string;
  /** Credits charged: app-supplied, or base(name) × multiplier(model). */
  credits: number;
}

/** A licensed (or formerly licensed) user of the vendor's product. */
export interface RosterUser {
  id: string;
  name?: string;
  email?: string;
  /** Holds a seat: licensed users appear on the leaderboard even with zero events. */
  licensed: boolean;
  /** Deactivated users appear only while they have events in range. */
  active: boolean;
}
