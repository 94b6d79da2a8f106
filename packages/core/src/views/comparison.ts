import { sortedRows } from './sorted-rows.js';
import { describeValue, fieldError } from '../errors.js';
import type { AggregateRow, Measure, SessionRecord } from '../query.js';
import type { ResolvedRange } from '../time/types.js';
import { cellCount, cellNumber, nanosToUsd, ratio } from './aggregate-cells.js';
import { creditTier, modelMultiplier, type CreditTier } from './credit-tier.js';
import { sessionGap } from './sessions.js';
import type { ViewContext, ViewRequest } from './types.js';
import { openView } from './view-scope.js';

/** What a comparison compares: agents, models, or users (by user id). */
export type ComparisonDimension = 'agent' | 'model' | 'user';

/** A view request for the agents or models comparison. */
export interface ComparisonRequest extends ViewRequest {
  /** Compare agents, models or users. */
  by: ComparisonDimension;
  /** The session gap for the session figures. @default 1800000 (30 minutes) */
  gapMs?: number;
}

/** One agent or model, side by side with the others. */
export interface ComparisonRow {
  /** The agent or model name, or the user id. */
  value: string;
  /** Events it served. */
  events: number;
  /** Sessions, each user's events for this agent or model sessionised on their own. */
  sessions: number;
  /** Mean session duration, ms; `null` without sessions (no events with a user). */
  averageSessionDurationMs: number | null;
  /** Input tokens (including cached and cache-write tokens). */
  inputTokens: number;
  /** Output tokens (including reasoning tokens). */
  outputTokens: number;
  /** Input + output tokens. */
  totalTokens: number;
  /** Total tokens per event. */
  tokensPerEvent: number;
  /** Cost in nanodollars (exact). */
  costNanos: number;
  /** Cost in USD. */
  costUsd: number;
  /** Events with tokens but no known price, left out of the cost. */
  unpricedEvents: number;
  /** Credits charged. */
  credits: number;
  /** Credits per event. */
  creditsPerEvent: number;
  /** Mean latency of the events that report one, ms; `null` when none do. */
  averageLatencyMs: number | null;
  /** Events that report a latency (the weight of `averageLatencyMs`). */
  latencyEvents: number;
  /** `ok / (ok + error)`; `null` when no event has a status. */
  successRate: number | null;
  /** `error / (ok + error)`; `null` when no event has a status. */
  errorRate: number | null;
  /** Mean 1–5 rating; `null` without ratings. */
  averageRating: number | null;
  /** Number of ratings. */
  ratings: number;
  /** Thumbs-up feedback events. */
  positiveFeedback: number;
  /** Thumbs-down feedback events. */
  negativeFeedback: number;
  /** Distinct users. */
  users: number;
  /** The provider serving most of a model's events (ties: alphabetical); `null` for agents. */
  provider: string | null;
  /** A model's credit multiplier (1 unless configured); `null` for agents. */
  multiplier: number | null;
  /** A model's credit tier; `null` for agents. */
  tier: CreditTier | null;
  /**
   * The model serving most of an agent's or user's events (ties: alphabetical); `null` for
   * models and when none of its events names a model.
   */
  topModel: string | null;
  /** For users: the roster name (`null` when unknown); absent for agents and models. */
  name?: string | null;
}

/** The agents or models comparison (DESIGN §5). */
export interface ComparisonResult {
  /** The resolved range. */
  range: ResolvedRange;
  /** What was compared. */
  by: ComparisonDimension;
  /** One row per agent or model, most events first (ties by name). */
  rows: ComparisonRow[];
  /** Matching events with no agent (model, user), which no row counts. */
  unassignedEvents: number;
}

const MEASURES: readonly Measure[] = [
  { op: 'count' },
  { op: 'count', where: { status: ['ok'] } },
  { op: 'count', where: { status: ['error'] } },
  { op: 'sum', field: 'tokensInput' },
  { op: 'sum', field: 'tokensOutput' },
  { op: 'sum', field: 'tokensTotal' },
  { op: 'sum', field: 'costNanos' },
  { op: 'count', where: { pricing: ['unpriced'] } },
  { op: 'sum', field: 'credits' },
  { op: 'avg', field: 'latencyMs' },
  { op: 'avg', field: 'rating' },
  { op: 'count', field: 'rating' },
  // Feedback is ±1, so its sum and count give the thumbs up and down without a numeric filter.
  { op: 'sum', field: 'feedback' },
  { op: 'count', field: 'feedback' },
  { op: 'countDistinct', field: 'userId' },
  { op: 'count', field: 'latencyMs' },
];

/**
 * Compares agents, models or users side by side: volume, sessions, tokens, cost, credits,
 * latency, success and error rates, ratings and feedback; models also get their provider,
 * credit multiplier and tier, agents and users the model they use most.
 *
 * @example
 * ```ts
 * const { rows } = await comparison({ engine, now, settings }, { by: 'model' });
 * rows[0]; // { value: 'gpt-4o', events: 2450, credits: 4900, multiplier: 2, tier: 'premium', ... }
 * ```
 */
export async function comparison(
  context: ViewContext,
  request: ComparisonRequest,
): Promise<ComparisonResult> {
  const by = request?.by;
  if (by !== 'agent' && by !== 'model' && by !== 'user') {
    throw fieldError(
      'invalid_query',
      'by',
      `must be 'agent', 'model' or 'user' (got ${describeValue(by)})`,
    );
  }
  const dimension = by === 'user' ? 'userId' : by;
  const gapMs = sessionGap(request.gapMs);
  const { range, filters, roster } = await openView(context, request, by === 'user');
  const interval = { from: range.from, to: range.to };
  const [totals, sessionRecords, pairs] = await Promise.all([
    context.engine.aggregate({
      range: interval,
      filters,
      groupBy: [dimension],
      measures: MEASURES,
    }),
    context.engine.sessions({ range: interval, filters, gapMs, partitionBy: dimension }),
    // Models get their main provider; agents and users their main model.
    context.engine.aggregate({
      range: interval,
      filters,
      groupBy: by === 'model' ? ['model', 'provider'] : [dimension, 'model'],
      measures: [{ op: 'count' }],
    }),
  ]);

  const sessionsByValue = groupSessions(sessionRecords);
  const mainPartner = mostFrequent(pairs.rows);
  let unassignedEvents = 0;
  const rows: ComparisonRow[] = [];
  for (const row of sortedRows(totals)) {
    const value = row.key[0];
    if (value === null || value === undefined) {
      unassignedEvents += cellCount(row.values[0]);
      continue;
    }
    const name = String(value);
    const session = sessionsByValue.get(name) ?? { sessions: 0, durationMs: 0 };
    const multiplier = by === 'model' ? modelMultiplier(name, context.settings) : null;
    rows.push({
      ...shapeTotals(row.values),
      value: name,
      sessions: session.sessions,
      averageSessionDurationMs: ratio(session.durationMs, session.sessions),
      provider: by === 'model' ? (mainPartner.get(name) ?? null) : null,
      multiplier,
      tier: multiplier === null ? null : creditTier(multiplier),
      topModel: by === 'model' ? null : (mainPartner.get(name) ?? null),
    });
  }
  rows.sort((a, b) => b.events - a.events || compareText(a.value, b.value));
  if (by === 'user') {
    const names = new Map(roster.map((user) => [user.id, user.name ?? null]));
    for (const row of rows) row.name = names.get(row.value) ?? null;
  }
  return { range, by, rows, unassignedEvents };
}

type Totals = Omit<
  ComparisonRow,
  | 'value'
  | 'sessions'
  | 'averageSessionDurationMs'
  | 'provider'
  | 'multiplier'
  | 'tier'
  | 'topModel'
>;

function shapeTotals(values: AggregateRow['values']): Totals {
  const events = cellCount(values[0]);
  const ok = cellCount(values[1]);
  const errors = cellCount(values[2]);
  const costNanos = cellCount(values[6]);
  const credits = cellCount(values[8]);
  const feedbackSum = cellCount(values[12]);
  const feedbackCount = cellCount(values[13]);
  return {
    events,
    inputTokens: cellCount(values[3]),
    outputTokens: cellCount(values[4]),
    totalTokens: cellCount(values[5]),
    tokensPerEvent: ratio(cellCount(values[5]), events) ?? 0,
    costNanos,
    costUsd: nanosToUsd(costNanos),
    unpricedEvents: cellCount(values[7]),
    credits,
    creditsPerEvent: ratio(credits, events) ?? 0,
    averageLatencyMs: cellNumber(values[9]),
    latencyEvents: cellCount(values[15]),
    successRate: ratio(ok, ok + errors),
    errorRate: ratio(errors, ok + errors),
    averageRating: cellNumber(values[10]),
    ratings: cellCount(values[11]),
    positiveFeedback: (feedbackCount + feedbackSum) / 2,
    negativeFeedback: (feedbackCount - feedbackSum) / 2,
    users: cellCount(values[14]),
  };
}

function groupSessions(records: readonly SessionRecord[]) {
  const byValue = new Map<string, { sessions: number; durationMs: number }>();
  for (const record of records) {
    if (record.partition === null || record.partition === undefined) continue;
    const entry = byValue.get(record.partition) ?? { sessions: 0, durationMs: 0 };
    entry.sessions += 1;
    entry.durationMs += record.end - record.start;
    byValue.set(record.partition, entry);
  }
  return byValue;
}

/** For each first key of `[value, partner]` rows, the partner with most events (ties: alphabetical). */
function mostFrequent(rows: readonly AggregateRow[]): Map<string, string> {
  const best = new Map<string, { partner: string; events: number }>();
  for (const row of rows) {
    const [value, partner] = row.key;
    if (value === null || value === undefined || partner === null || partner === undefined) {
      continue;
    }
    const events = cellCount(row.values[0]);
    const current = best.get(String(value));
    if (
      current === undefined ||
      events > current.events ||
      (events === current.events && compareText(String(partner), current.partner) < 0)
    ) {
      best.set(String(value), { partner: String(partner), events });
    }
  }
  return new Map([...best].map(([value, entry]) => [value, entry.partner]));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
