import {
  breakdown,
  budget,
  comparison,
  costForecast,
  creditReport,
  eventRows,
  health,
  leaderboard,
  patterns,
  perUserTable,
  recommendations,
  sessions,
  stats,
  timeline,
  type ViewContext,
  type ViewRequest,
} from '@tally/core';

/** A view the query API serves: core's function and the parameters it takes besides range, tz and filters. */
export interface ViewEntry {
  run(context: ViewContext, request: ViewRequest): Promise<unknown>;
  params: readonly string[];
  /** Parameters that must be booleans when given (core reads them as truthy). */
  flags?: readonly string[];
}

// Core's view functions take their own request types; the registry passes the request through
// and lets each view validate its parameters.
type AnyView = (context: ViewContext, request: never) => Promise<unknown>;
const entry = (
  run: AnyView,
  params: readonly string[] = [],
  flags: readonly string[] = [],
): ViewEntry => ({
  run: run as unknown as ViewEntry['run'],
  params: [...params, ...flags],
  flags,
});

/**
 * Every view of `POST /v1/query`, by name: core's view functions (DESIGN §5), so the server
 * answers with exactly the shapes core returns locally.
 */
export const VIEWS: Readonly<Record<string, ViewEntry>> = {
  leaderboard: entry(leaderboard),
  stats: entry(stats, ['stats', 'sessionGapMs'], ['dauTrend']),
  timeline: entry(timeline, ['measure', 'granularity', 'splitBy', 'top']),
  breakdown: entry(breakdown, ['dimension', 'measure', 'top']),
  sessions: entry(sessions, ['gapMs'], ['perUser']),
  comparison: entry(comparison, ['by', 'gapMs']),
  patterns: entry(patterns),
  health: entry(health, ['gauges']),
  budget: entry(budget, ['measure', 'limit', 'period']),
  'cost-forecast': entry(costForecast),
  'credit-report': entry(creditReport),
  recommendations: entry(recommendations),
  rows: entry(eventRows, ['preset', 'sort', 'offset', 'limit']),
  'per-user-table': entry(perUserTable, ['columns', 'sort']),
};

/** The names of every view, in a stable order. */
export const VIEW_NAMES: readonly string[] = Object.keys(VIEWS);
