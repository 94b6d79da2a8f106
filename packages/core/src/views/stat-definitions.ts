import type { Measure } from '../query.js';

/** The stat cards {@link stats} can compute (DESIGN §5 stats). */
export type StatKey =
  | 'requests'
  | 'uniqueIps'
  | 'uniqueConversations'
  | 'lastRequest'
  | 'inputTokens'
  | 'outputTokens'
  | 'totalTokens'
  | 'inputTokenShare'
  | 'outputTokenShare'
  | 'tokensPerEvent'
  | 'positiveFeedback'
  | 'negativeFeedback'
  | 'activeUsers'
  | 'activeAgents'
  | 'dau'
  | 'wau'
  | 'mau'
  | 'sessions'
  | 'avgSessionDurationMs'
  | 'eventsPerSession'
  | 'errorRate'
  | 'latencyAvg'
  | 'latencyP50'
  | 'latencyP95'
  | 'latencyP99'
  | 'costUsd'
  | 'costNanos'
  | 'credits'
  | 'costPerEvent'
  | 'costPerSession'
  | 'costPerActiveUser'
  | 'unpricedEvents';

/** The aggregate measures stats draw on, by id; one query computes all that are needed. */
export const STAT_MEASURES = {
  events: { op: 'count' },
  ips: { op: 'countDistinct', field: 'ip' },
  conversations: { op: 'countDistinct', field: 'conversationId' },
  last: { op: 'max', field: 'timestamp' },
  input: { op: 'sum', field: 'tokensInput' },
  output: { op: 'sum', field: 'tokensOutput' },
  tokens: { op: 'sum', field: 'tokensTotal' },
  // Feedback is +1 or -1, so its count and sum give both tallies in one pass.
  feedbackCount: { op: 'count', field: 'feedback' },
  feedbackSum: { op: 'sum', field: 'feedback' },
  users: { op: 'countDistinct', field: 'userId', where: { actor: ['user'] } },
  agents: { op: 'countDistinct', field: 'agent' },
  ok: { op: 'count', where: { status: ['ok'] } },
  errors: { op: 'count', where: { status: ['error'] } },
  latencyAvg: { op: 'avg', field: 'latencyMs' },
  latencyP50: { op: 'quantile', field: 'latencyMs', q: 0.5 },
  latencyP95: { op: 'quantile', field: 'latencyMs', q: 0.95 },
  latencyP99: { op: 'quantile', field: 'latencyMs', q: 0.99 },
  cost: { op: 'sum', field: 'costNanos' },
  credits: { op: 'sum', field: 'credits' },
  unpriced: { op: 'count', where: { pricing: ['unpriced'] } },
} as const satisfies Record<string, Measure>;

/** The id of a measure in {@link STAT_MEASURES}. */
export type StatMeasureId = keyof typeof STAT_MEASURES;

/** One period's raw figures, from which every stat is derived. */
export interface PeriodFigures {
  /** Measure values by id; absent when not queried, `null` when there were no values. */
  measures: Partial<Record<StatMeasureId, number | null>>;
  /** Session figures, when sessions were computed. */
  sessions: { count: number; totalDurationMs: number; events: number } | null;
  /** Distinct users in the DAU / WAU / MAU windows, when computed. */
  windows: { dau: number; wau: number; mau: number } | null;
}

/** How a stat is computed and judged. */
export interface StatDefinition {
  /** Measures it needs. */
  measures: readonly StatMeasureId[];
  /** Whether it needs sessions. */
  sessions?: boolean;
  /** Whether it needs the DAU / WAU / MAU windows. */
  windows?: boolean;
  /** The direction that counts as an improvement, or `null` when neither does. */
  better: 'up' | 'down' | null;
  /** Whether a relative change makes sense (not for points in time). */
  relative?: false;
  /** The value from a period's figures; `null` when undefined (e.g. a rate over nothing). */
  compute(figures: PeriodFigures): number | null;
}

const NANOS_PER_USD = 1e9;

function measure(figures: PeriodFigures, id: StatMeasureId): number {
  return figures.measures[id] ?? 0;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function counted(id: StatMeasureId, better: 'up' | 'down' | null): StatDefinition {
  return { measures: [id], better, compute: (figures) => measure(figures, id) };
}

function latency(id: 'latencyAvg' | 'latencyP50' | 'latencyP95' | 'latencyP99'): StatDefinition {
  return { measures: [id], better: 'down', compute: (figures) => figures.measures[id] ?? null };
}

function windowed(key: 'dau' | 'wau' | 'mau'): StatDefinition {
  return {
    measures: [],
    windows: true,
    better: 'up',
    compute: (figures) => figures.windows?.[key] ?? 0,
  };
}

function sessionCount(figures: PeriodFigures): number {
  return figures.sessions?.count ?? 0;
}

/** Every stat's definition; {@link STAT_KEYS} lists them in card order. */
export const STAT_DEFINITIONS: Readonly<Record<StatKey, StatDefinition>> = {
  requests: counted('events', 'up'),
  uniqueIps: counted('ips', 'up'),
  uniqueConversations: counted('conversations', 'up'),
  lastRequest: {
    measures: ['last'],
    better: null,
    relative: false,
    compute: (figures) => figures.measures.last ?? null,
  },
  inputTokens: counted('input', null),
  outputTokens: counted('output', null),
  totalTokens: counted('tokens', null),
  inputTokenShare: {
    measures: ['input', 'tokens'],
    better: null,
    compute: (figures) => ratio(measure(figures, 'input'), measure(figures, 'tokens')),
  },
  outputTokenShare: {
    measures: ['output', 'tokens'],
    better: null,
    compute: (figures) => ratio(measure(figures, 'output'), measure(figures, 'tokens')),
  },
  tokensPerEvent: {
    measures: ['tokens', 'events'],
    better: null,
    compute: (figures) => ratio(measure(figures, 'tokens'), measure(figures, 'events')),
  },
  positiveFeedback: {
    measures: ['feedbackCount', 'feedbackSum'],
    better: 'up',
    compute: (figures) => (measure(figures, 'feedbackCount') + measure(figures, 'feedbackSum')) / 2,
  },
  negativeFeedback: {
    measures: ['feedbackCount', 'feedbackSum'],
    better: 'down',
    compute: (figures) => (measure(figures, 'feedbackCount') - measure(figures, 'feedbackSum')) / 2,
  },
  activeUsers: counted('users', 'up'),
  activeAgents: counted('agents', 'up'),
  dau: windowed('dau'),
  wau: windowed('wau'),
  mau: windowed('mau'),
  sessions: { measures: [], sessions: true, better: 'up', compute: sessionCount },
  avgSessionDurationMs: {
    measures: [],
    sessions: true,
    better: 'up',
    compute: (figures) => ratio(figures.sessions?.totalDurationMs ?? 0, sessionCount(figures)),
  },
  eventsPerSession: {
    measures: [],
    sessions: true,
    better: 'up',
    compute: (figures) => ratio(figures.sessions?.events ?? 0, sessionCount(figures)),
  },
  errorRate: {
    measures: ['ok', 'errors'],
    better: 'down',
    compute: (figures) =>
      ratio(measure(figures, 'errors'), measure(figures, 'ok') + measure(figures, 'errors')),
  },
  latencyAvg: latency('latencyAvg'),
  latencyP50: latency('latencyP50'),
  latencyP95: latency('latencyP95'),
  latencyP99: latency('latencyP99'),
  costUsd: {
    measures: ['cost'],
    better: null,
    compute: (figures) => measure(figures, 'cost') / NANOS_PER_USD,
  },
  costNanos: counted('cost', null),
  credits: counted('credits', null),
  costPerEvent: {
    measures: ['cost', 'events'],
    better: 'down',
    compute: (figures) =>
      ratio(measure(figures, 'cost') / NANOS_PER_USD, measure(figures, 'events')),
  },
  costPerSession: {
    measures: ['cost'],
    sessions: true,
    better: 'down',
    compute: (figures) => ratio(measure(figures, 'cost') / NANOS_PER_USD, sessionCount(figures)),
  },
  costPerActiveUser: {
    measures: ['cost', 'users'],
    better: 'down',
    compute: (figures) =>
      ratio(measure(figures, 'cost') / NANOS_PER_USD, measure(figures, 'users')),
  },
  unpricedEvents: counted('unpriced', 'down'),
};

/** Every stat key, in card order. */
export const STAT_KEYS = Object.keys(STAT_DEFINITIONS) as readonly StatKey[];
