import { describeValue, fieldError } from '../errors.js';
import type { SessionRecord } from '../query.js';
import type { ResolvedRange } from '../time/types.js';
import { ratio } from './aggregate-cells.js';
import type { ViewContext, ViewRequest } from './types.js';
import { openView } from './view-scope.js';

/** The default inactivity gap that ends a session: 30 minutes (DESIGN §5). */
export const DEFAULT_SESSION_GAP_MS = 30 * 60_000;

/** One bucket of a distribution over `[min, max)`. */
export interface DistributionBucketDefinition {
  /** What the UI shows, e.g. `1–5m`. */
  label: string;
  /** Inclusive lower bound. */
  min: number;
  /** Exclusive upper bound; `null` for the open last bucket. */
  max: number | null;
}

/**
 * Session durations, in milliseconds: `<1m` is under 60 000, `1–5m` is [1 min, 5 min), `5–10m` is
 * [5 min, 10 min), `10m+` is 10 minutes or more. A one-event session lasts 0 ms.
 */
export const SESSION_DURATION_BUCKETS: readonly DistributionBucketDefinition[] = [
  { label: '<1m', min: 0, max: 60_000 },
  { label: '1–5m', min: 60_000, max: 300_000 },
  { label: '5–10m', min: 300_000, max: 600_000 },
  { label: '10m+', min: 600_000, max: null },
];

/**
 * Events per session: `1–2`, `3–5`, `6–10` (both ends included), and `10+` for more than 10,
 * written as half-open bounds `[1, 3)`, `[3, 6)`, `[6, 11)`, `[11, ∞)`.
 */
export const SESSION_EVENT_BUCKETS: readonly DistributionBucketDefinition[] = [
  { label: '1–2', min: 1, max: 3 },
  { label: '3–5', min: 3, max: 6 },
  { label: '6–10', min: 6, max: 11 },
  { label: '10+', min: 11, max: null },
];

/** A view request for sessions. */
export interface SessionsRequest extends ViewRequest {
  /** A gap strictly longer than this between a user's events starts a new session. @default 1800000 */
  gapMs?: number;
  /** Also count sessions per user. @default false */
  perUser?: boolean;
}

/** One bucket of a session distribution with its count. */
export interface DistributionBucket extends DistributionBucketDefinition {
  /** Sessions in the bucket. */
  sessions: number;
  /** The bucket's share of all sessions, 0–1; 0 when there are no sessions. */
  share: number;
}

/** One user's sessions. */
export interface UserSessions {
  /** The user's id. */
  userId: string;
  /** Number of sessions. */
  sessions: number;
  /** Events in those sessions. */
  events: number;
  /** Sum of the sessions' durations, ms. */
  totalDurationMs: number;
  /** Mean session duration, ms. */
  averageDurationMs: number;
}

/** The sessions view (DESIGN §5): counts, averages and the two distributions. */
export interface SessionsResult {
  /** The resolved range. */
  range: ResolvedRange;
  /** The gap that split sessions, ms. */
  gapMs: number;
  /** Number of sessions. */
  sessions: number;
  /** Events in sessions (events with a user). */
  events: number;
  /** Users with at least one session. */
  users: number;
  /** Sum of session durations (last − first event), ms. */
  totalDurationMs: number;
  /** Mean session duration, ms; `null` without sessions. */
  averageDurationMs: number | null;
  /** Mean events per session; `null` without sessions. */
  eventsPerSession: number | null;
  /** Sessions by duration, in {@link SESSION_DURATION_BUCKETS} order. */
  durationDistribution: DistributionBucket[];
  /** Sessions by event count, in {@link SESSION_EVENT_BUCKETS} order. */
  eventsDistribution: DistributionBucket[];
  /**
   * Sessions per user, most sessions first (ties by user id), when `perUser` was asked for.
   */
  perUser?: UserSessions[];
}

/**
 * Splits each user's events into sessions at gaps longer than `gapMs` and summarises them:
 * count, average duration, events per session, and the duration and events-per-session
 * distributions.
 *
 * @example
 * ```ts
 * const result = await sessions({ engine, now }, { range: { preset: '7d' }, gapMs: 15 * 60_000 });
 * result.durationDistribution; // [{ label: '<1m', sessions: 4, share: 0.2, ... }, ...]
 * ```
 */
export async function sessions(
  context: ViewContext,
  request: SessionsRequest = {},
): Promise<SessionsResult> {
  const gapMs = sessionGap(request.gapMs);
  const { range, filters } = await openView(context, request);
  const records = await context.engine.sessions({
    range: { from: range.from, to: range.to },
    filters,
    gapMs,
  });
  const summary = summarizeSessions(records);
  return {
    range,
    gapMs,
    ...summary,
    ...(request.perUser === true ? { perUser: sessionsPerUser(records) } : {}),
  };
}

/** Validates a session gap option, defaulting to 30 minutes. */
export function sessionGap(value: unknown, field = 'gapMs'): number {
  if (value === undefined) return DEFAULT_SESSION_GAP_MS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw fieldError(
      'invalid_query',
      field,
      `must be a non-negative number of milliseconds (got ${describeValue(value)})`,
    );
  }
  return value;
}

function summarizeSessions(records: readonly SessionRecord[]) {
  const durations = SESSION_DURATION_BUCKETS.map(() => 0);
  const eventCounts = SESSION_EVENT_BUCKETS.map(() => 0);
  const users = new Set<string>();
  let events = 0;
  let totalDurationMs = 0;
  for (const record of records) {
    const duration = record.end - record.start;
    events += record.events;
    totalDurationMs += duration;
    users.add(record.userId);
    durations[bucketIndex(SESSION_DURATION_BUCKETS, duration)] += 1;
    eventCounts[bucketIndex(SESSION_EVENT_BUCKETS, record.events)] += 1;
  }
  const count = records.length;
  return {
    sessions: count,
    events,
    users: users.size,
    totalDurationMs,
    averageDurationMs: ratio(totalDurationMs, count),
    eventsPerSession: ratio(events, count),
    durationDistribution: distribution(SESSION_DURATION_BUCKETS, durations, count),
    eventsDistribution: distribution(SESSION_EVENT_BUCKETS, eventCounts, count),
  };
}

function bucketIndex(buckets: readonly DistributionBucketDefinition[], value: number): number {
  const index = buckets.findIndex((bucket) => bucket.max === null || value < bucket.max);
  return index === -1 ? buckets.length - 1 : index;
}

function distribution(
  buckets: readonly DistributionBucketDefinition[],
  counts: readonly number[],
  total: number,
): DistributionBucket[] {
  return buckets.map((bucket, index) => ({
    ...bucket,
    sessions: counts[index],
    share: total === 0 ? 0 : counts[index] / total,
  }));
}

function sessionsPerUser(records: readonly SessionRecord[]): UserSessions[] {
  const byUser = new Map<string, UserSessions>();
  for (const record of records) {
    let row = byUser.get(record.userId);
    if (row === undefined) {
      row = {
        userId: record.userId,
        sessions: 0,
        events: 0,
        totalDurationMs: 0,
        averageDurationMs: 0,
      };
      byUser.set(record.userId, row);
    }
    row.sessions += 1;
    row.events += record.events;
    row.totalDurationMs += record.end - record.start;
  }
  const rows = [...byUser.values()];
  for (const row of rows) row.averageDurationMs = row.totalDurationMs / row.sessions;
  return rows.sort(
    (a, b) => b.sessions - a.sessions || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
  );
}
