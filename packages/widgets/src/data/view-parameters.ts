import type { ViewName } from './data-source.js';

/**
 * The parameters each view takes besides `range`, `tz` and `filters`, as the server's query API
 * accepts them; both sources refuse others, so a page that works locally works on the server.
 */
export const VIEW_PARAMETERS: Readonly<Record<ViewName, readonly string[]>> = {
  leaderboard: [],
  stats: ['stats', 'sessionGapMs', 'dauTrend'],
  timeline: ['measure', 'granularity', 'splitBy', 'top'],
  breakdown: ['dimension', 'measure', 'top'],
  sessions: ['gapMs', 'perUser'],
  comparison: ['by', 'gapMs'],
  patterns: [],
  health: ['gauges'],
  budget: ['measure', 'limit', 'period'],
  'cost-forecast': [],
  'credit-report': [],
  recommendations: [],
  rows: ['preset', 'sort', 'offset', 'limit'],
  'per-user-table': ['columns', 'sort'],
};

/** Every view name, in a stable order. */
export const VIEW_NAMES = Object.keys(VIEW_PARAMETERS) as ViewName[];
