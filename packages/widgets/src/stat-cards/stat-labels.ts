import type { StatKey } from '@tally/core';

/** How a stat's value is written. */
export type StatKind = 'count' | 'decimal' | 'usd' | 'percent' | 'duration' | 'time';

/** A stat card's default label and how its value is written. */
export const STAT_DISPLAY: Readonly<Record<StatKey, { label: string; kind: StatKind }>> = {
  requests: { label: 'Total requests', kind: 'count' },
  uniqueIps: { label: 'Unique IPs', kind: 'count' },
  uniqueConversations: { label: 'Unique conversations', kind: 'count' },
  lastRequest: { label: 'Last request', kind: 'time' },
  inputTokens: { label: 'Input tokens', kind: 'count' },
  outputTokens: { label: 'Output tokens', kind: 'count' },
  totalTokens: { label: 'Total tokens', kind: 'count' },
  inputTokenShare: { label: 'Prompt share', kind: 'percent' },
  outputTokenShare: { label: 'Completion share', kind: 'percent' },
  tokensPerEvent: { label: 'Tokens per event', kind: 'decimal' },
  positiveFeedback: { label: 'Positive feedback', kind: 'count' },
  negativeFeedback: { label: 'Negative feedback', kind: 'count' },
  activeUsers: { label: 'Active users', kind: 'count' },
  activeAgents: { label: 'Active agents', kind: 'count' },
  dau: { label: 'Daily active users', kind: 'count' },
  wau: { label: 'Weekly active users', kind: 'count' },
  mau: { label: 'Monthly active users', kind: 'count' },
  sessions: { label: 'Sessions', kind: 'count' },
  avgSessionDurationMs: { label: 'Average session', kind: 'duration' },
  eventsPerSession: { label: 'Events per session', kind: 'decimal' },
  errorRate: { label: 'Error rate', kind: 'percent' },
  latencyAvg: { label: 'Average latency', kind: 'duration' },
  latencyP50: { label: 'Latency p50', kind: 'duration' },
  latencyP95: { label: 'Latency p95', kind: 'duration' },
  latencyP99: { label: 'Latency p99', kind: 'duration' },
  costUsd: { label: 'Cost', kind: 'usd' },
  costNanos: { label: 'Cost (nanodollars)', kind: 'count' },
  credits: { label: 'Credits', kind: 'decimal' },
  costPerEvent: { label: 'Cost per event', kind: 'usd' },
  costPerSession: { label: 'Cost per session', kind: 'usd' },
  costPerActiveUser: { label: 'Cost per active user', kind: 'usd' },
  unpricedEvents: { label: 'Unpriced events', kind: 'count' },
};

/** The nine cards of a bot's analytics page. */
export const BOT_STATS: readonly StatKey[] = [
  'requests',
  'uniqueIps',
  'uniqueConversations',
  'lastRequest',
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'positiveFeedback',
  'negativeFeedback',
];
