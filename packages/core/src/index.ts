/**
 * @packageDocumentation
 * `@tally/core`: Tally's event model, pricing and credits, time ranges, the query model with its
 * in-memory columnar engine, every usage view, and CSV/JSON export. No runtime dependencies, no
 * I/O and no clock: it runs the same in browsers, workers and Node.
 */

// Errors
export { TallyError, fieldError, describeValue } from './errors.js';
export type { FieldIssue, TallyErrorOptions } from './errors.js';

// The event model
export type {
  Actor,
  EventStatus,
  TokenUsage,
  EventContext,
  ServerContext,
  PropertyValue,
  TallyEvent,
  NormalizedTokens,
  NormalizedEvent,
  PricingState,
  StoredEvent,
  RosterUser,
} from './event.js';
export type {
  CatalogEntry,
  CreditRules,
  CategorySetting,
  BudgetSetting,
  TenantSettings,
} from './settings.js';

// Validation
export { validateEvent } from './validation/validate-event.js';
export type { ValidateEventOptions, ValidationResult } from './validation/validate-event.js';
export { validateBatch } from './validation/validate-batch.js';
export type { BatchValidationResult } from './validation/validate-batch.js';
export type { RejectedItem, DuplicateItem } from './validation/batch-result.js';
export { validateRosterUser } from './validation/validate-roster-user.js';
export type { RosterUserValidationResult } from './validation/validate-roster-user.js';
export { validateRoster } from './validation/validate-roster.js';
export type { RosterValidationResult } from './validation/validate-roster.js';
export { normalizeEvent } from './validation/normalize-event.js';
export {
  MAX_BATCH_EVENTS,
  MAX_BATCH_BYTES,
  MAX_ID_LENGTH,
  ID_PATTERN,
  MAX_NAME_LENGTH,
  MAX_USER_ID_LENGTH,
  MAX_AGENT_LENGTH,
  MAX_CATEGORY_LENGTH,
  MAX_SOURCE_LENGTH,
  MAX_ENDPOINT_LENGTH,
  MAX_SESSION_ID_LENGTH,
  MAX_MODEL_LENGTH,
  MAX_ERROR_TYPE_LENGTH,
  MAX_COST_USD,
  MAX_CONTEXT_URL_LENGTH,
  MAX_CONTEXT_FIELD_LENGTH,
  MAX_PROPERTIES,
  MAX_PROPERTY_KEY_LENGTH,
  MAX_PROPERTY_VALUE_BYTES,
  MAX_TIMESTAMP_MS,
  MAX_ROSTER_USERS,
  MAX_ISSUES,
} from './validation/limits.js';
export { parseTimestamp } from './validation/parse-timestamp.js';
export { utf8Length } from './validation/utf8-length.js';

// Pricing and credits
export { DEFAULT_CATALOG, DEFAULT_CATALOG_VERSION } from './pricing/default-catalog.js';
export { PriceCatalog } from './pricing/catalog.js';
export { costNanos, usdToNanos, costFromRates, toTokenRates } from './pricing/cost.js';
export type { TokenRates } from './pricing/cost.js';
export { creditsFor, multiplierFor, tierOf, validateCreditRules } from './pricing/credits.js';
export type { CreditTier, CreditedEvent } from './pricing/credits.js';
export { enrichEvent, createEnricher } from './pricing/enrich.js';
export { validateCatalog } from './pricing/validate-catalog.js';
export type { ResolvedCatalogEntry } from './pricing/validate-catalog.js';

// Time
export type {
  Preset,
  RangeInput,
  ResolvedRange,
  BucketSize,
  Granularity,
  Buckets,
  LocalDateTime,
  LocalParts,
} from './time/types.js';
export {
  assertTimeZone,
  localParts,
  offsetMinutes,
  fromLocal,
  startOfLocalDay,
  addLocalDays,
  localDayKey,
  parseLocalDate,
} from './time/zone.js';
export { resolveRange, MAX_RANGE_DAYS } from './time/resolve-range.js';
export type { ResolveRangeOptions } from './time/resolve-range.js';
export { previousPeriod } from './time/previous-period.js';
export {
  chooseBuckets,
  dayBoundaries,
  hourBoundaries,
  BUCKET_SIZES,
  MAX_BUCKETS,
} from './time/buckets.js';
export type { ChooseBucketsOptions } from './time/buckets.js';
export { dauWindows } from './time/calendar-windows.js';
export type { CalendarWindows } from './time/calendar-windows.js';
export { PRESETS } from './time/range-presets.js';

// The query model and engines
export { DIMENSIONS, NUMERIC_FIELDS } from './query.js';
export type {
  Dimension,
  NumericField,
  EngineFilters,
  Measure,
  TimeGrouping,
  Grouping,
  Interval,
  AggregateQuery,
  AggregateRow,
  AggregateResult,
  RowSort,
  RowsQuery,
  RowsResult,
  SessionsQuery,
  SessionRecord,
  Engine,
} from './query.js';
export { ColumnarEngine } from './engine/columnar-engine.js';
export { checkAggregateQuery } from './engine/check-aggregate-query.js';
export { checkRowsQuery } from './engine/check-rows-query.js';
export { checkSessionsQuery } from './engine/check-sessions-query.js';
export { isDimension, isNumericField } from './engine/query-checks.js';
export type { ColumnarEngineOptions } from './engine/columnar-engine.js';
export { quantiles } from './engine/quantiles.js';
export type {
  ColumnValues,
  EncodedColumn,
  EventColumns,
  EventColumnsNumericField,
  StringColumn,
} from './engine/write-event-columns.js';

// Views
export type { FilterValue, ViewFilters, ViewContext, ViewRequest } from './views/types.js';
export { toEngineFilters, mergeFilters } from './views/filters.js';
export { UNCATEGORIZED, UNKNOWN, OTHER } from './views/dimension-keys.js';
export type { ViewDimension } from './views/dimension-keys.js';
export { leaderboard } from './views/leaderboard.js';
export type {
  LeaderboardRow,
  SystemSummary,
  LeaderboardTotals,
  LeaderboardResult,
  LeaderboardRequest,
} from './views/leaderboard.js';
export { stats } from './views/stats.js';
export type { Stat, DauPoint, StatsRequest, StatsResult } from './views/stats.js';
export { STAT_KEYS, STAT_DEFINITIONS } from './views/stat-definitions.js';
export type { StatKey, StatDefinition } from './views/stat-definitions.js';
export { timeline } from './views/timeline.js';
export type {
  TimelineMeasure,
  TimelineRequest,
  TimelineBucket,
  TimelineSeries,
  TimelinePeak,
  TimelineResult,
} from './views/timeline.js';
export { breakdown } from './views/breakdown.js';
export type {
  BreakdownMeasure,
  BreakdownRequest,
  BreakdownRow,
  BreakdownResult,
} from './views/breakdown.js';
export { eventRows } from './views/rows.js';
export type {
  EventTablePreset,
  EventTableCell,
  EventTableColumn,
  EventTableSort,
  EventRowsRequest,
  EventRowsResult,
} from './views/rows.js';
export { perUserTable } from './views/per-user-table.js';
export type {
  PerUserColumns,
  PerUserSort,
  PerUserTableRequest,
  PerUserRow,
  PerUserTableResult,
} from './views/per-user-table.js';
export {
  sessions,
  sessionGap,
  DEFAULT_SESSION_GAP_MS,
  SESSION_DURATION_BUCKETS,
  SESSION_EVENT_BUCKETS,
} from './views/sessions.js';
export type {
  DistributionBucketDefinition,
  SessionsRequest,
  DistributionBucket,
  UserSessions,
  SessionsResult,
} from './views/sessions.js';
export { comparison } from './views/comparison.js';
export type {
  ComparisonDimension,
  ComparisonRequest,
  ComparisonRow,
  ComparisonResult,
} from './views/comparison.js';
export { patterns, PEAK_HOURS } from './views/patterns.js';
export type {
  UsageCount,
  PeakDay,
  HourOfDayUsage,
  HourOfDayLatency,
  WeekdayUsage,
  WeekUsage,
  PeriodLatency,
  PatternsResult,
} from './views/patterns.js';
export { health, UPTIME_WINDOWS, LOAD_WINDOW_MS } from './views/health.js';
export type { HealthRequest, LatencyHealth, LoadHealth, HealthResult } from './views/health.js';
export { HEALTH_THRESHOLDS } from './views/health-status.js';
export type { HealthStatus } from './views/health-status.js';
export type { Incident } from './views/uptime-window.js';
export { ERROR_RATE_WINDOWS } from './views/error-rates.js';
export type { ErrorRates, ErrorRateWindow } from './views/error-rates.js';
export type { GaugeReading } from './views/gauge-readings.js';
export { budget, BUDGET_THRESHOLDS, AT_RISK_SHARE, FORECAST_DAYS } from './views/budget.js';
export type {
  BudgetStatus,
  BudgetRequest,
  BudgetThreshold,
  BudgetDay,
  BudgetResult,
} from './views/budget.js';
export { creditReport } from './views/credit-report.js';
export type { ModelCredits, CreditTierUsage, CreditReportResult } from './views/credit-report.js';
export { costForecast } from './views/cost-forecast.js';
export type { CostForecastResult } from './views/cost-forecast.js';
export { CREDIT_TIERS, PREMIUM_MULTIPLIER } from './views/credit-tier.js';
export { recommendations, RECOMMENDATION_RULES } from './views/recommendations.js';
export type {
  ModelServing,
  ModelSwitch,
  ModelEfficiency,
  RecommendationsResult,
} from './views/recommendations.js';

// Export
export { csvCell } from './export/csv-cell.js';
export { csvChunks, toCsv } from './export/csv.js';
export type { CsvOptions } from './export/csv.js';
export { jsonChunks } from './export/json.js';
export type { JsonOptions } from './export/json.js';
export type { ExportColumn } from './export/export-column.js';
export { EVENT_COLUMNS } from './export/event-columns.js';
export { exportEvents } from './export/export-rows.js';
export type { EventExportQuery } from './export/export-rows.js';
