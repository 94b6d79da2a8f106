/**
 * @packageDocumentation
 * `@tally/widgets`: Lit web components for embeddable usage pages (DESIGN §8) and the data
 * sources behind them. Importing the package defines every `tally-*` element; each element
 * also has its own module for pages that want fewer.
 */

// The provider first, so that elements in the page find it as they upgrade.
export { TallyProvider } from './provider/provider.js';
export { TallyDateRange } from './date-range/date-range.js';
export { TallySearch } from './search/search.js';
export { TallyUserFilter } from './user-filter/user-filter.js';
export { TallyStatCards, writeValue } from './stat-cards/stat-cards.js';
export { TallyLeaderboard, displayName } from './leaderboard/leaderboard.js';
export { TallyTimeline } from './timeline/timeline.js';
export { TallyBreakdown } from './breakdown/breakdown.js';
export { TallyTable } from './table/table.js';
export type { TableKind } from './table/table.js';
export { TallyDonut } from './donut/donut.js';
export type { DonutSlice } from './donut/donut.js';

// The composed pages, one tag each.
export { TallyUsageTab } from './usage-tab/usage-tab.js';
export { TallyTopUsers } from './usage-tab/top-users.js';
export { TallyTabChangeEvent } from './usage-tab/tab-change-event.js';
export type { UsageTabName } from './usage-tab/tab-change-event.js';
export { TallyPageElement } from './usage-tab/page-element.js';
export { TallyBotAnalytics } from './bot-analytics/bot-analytics.js';

// Bases for further elements (the composed pages build on these).
export { TallyElement, browserTimeZone } from './base/tally-element.js';
export { DataElement, messageOf } from './base/data-element.js';
export type { LoadStatus, ViewQuery } from './base/data-element.js';
export { baseStyles } from './base/base.styles.js';

// Data
export type {
  DataSource,
  ViewResults,
  ViewName,
  ExportView,
  ExportFormat,
  RangeValue,
  QueryParams,
  ExportParams,
  ExportSort,
  RequestOptions,
  SourceSettings,
} from './data/data-source.js';
export { LocalSource, CONTENT_TYPES } from './data/local-source.js';
export type { LocalSourceOptions, AppendResult } from './data/local-source.js';
export { HttpSource, exportSearchParams } from './data/http-source.js';
export type { HttpSourceOptions } from './data/http-source.js';
export type { FetchedToken } from './data/token-keeper.js';
export { sdkDatabaseName, readSdkQueue } from './data/sdk-queue.js';
export { isAbortError } from './data/abort.js';
export { VIEW_PARAMETERS, VIEW_NAMES } from './data/view-parameters.js';

// State and events
export { tallyContext } from './state/tally-context.js';
export type { TallyState, ThemeSetting } from './state/tally-context.js';
export { parseRange, formatRange, rangeConverter } from './state/range-attribute.js';
export {
  TallyRangeChangeEvent,
  TallyFilterChangeEvent,
  TallyDataLoadEvent,
  TallyDataErrorEvent,
  TallyRowToggleEvent,
  TallySortChangeEvent,
  TallyPageChangeEvent,
  TallyExportFinishEvent,
  TallyExportErrorEvent,
} from './events/tally-events.js';

// Theme and formatting
export {
  CATEGORY_COLORS,
  EXTRA_COLORS,
  NEUTRAL_COLOR,
  TEXT_ON_PALETTE,
  paletteFor,
  labelFor,
} from './theme/palette.js';
export type { ThemeName, ThemedColor } from './theme/palette.js';
export { contrastRatio, textColorOn, parseColor } from './theme/contrast.js';
export { themeTokens } from './theme/theme-tokens.js';
export { Formatter } from './format/formatter.js';
export { STAT_DISPLAY, BOT_STATS } from './stat-cards/stat-labels.js';
export type { StatKind } from './stat-cards/stat-labels.js';
export { PRESET_LABELS } from './date-range/range-labels.js';

/** The version of this package. */
export const VERSION = '0.1.0';

// Analytics pages and their building blocks
export { TallyAgentAnalytics } from './agent-analytics/agent-analytics.js';
export { TallyComparison, COMPARISON_COLUMNS } from './comparison/comparison.js';
export type { ComparisonColumn } from './comparison/comparison.js';
export { TallyBudget, BUDGET_STATUS_LABELS } from './budget/budget.js';
export { TallyHealth, HEALTH_STATUS_LABELS } from './health/health.js';
export type { GaugeScale } from './health/health.js';
export { TallyGauge, GAUGE_STATUS_LABELS, gaugeFraction, gaugeStatus } from './gauge/gauge.js';
export type { GaugeStatus } from './gauge/gauge.js';
export { TallyLatencyByHour, hourLabel } from './latency-by-hour/latency-by-hour.js';
export { TallyResponseTimes, extremeModel } from './response-times/response-times.js';
export { subtotalOf, groupRows } from './comparison/comparison-groups.js';
export type { ComparisonGroup, ComparisonSubtotal } from './comparison/comparison-groups.js';
export { TallyCreditAnalytics } from './credit-analytics/credit-analytics.js';
export { TallyCreditReport, CREDIT_TIER_LABELS } from './credit-analytics/credit-report.js';
export { TallyRecommendations } from './credit-analytics/recommendations.js';
export { TallyDistribution } from './distribution/distribution.js';
export type { DistributionKind } from './distribution/distribution.js';
export { TallyPatterns, weekdayName } from './patterns/patterns.js';
