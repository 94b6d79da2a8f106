import type {
  BreakdownResult,
  BudgetResult,
  CategorySetting,
  ComparisonResult,
  CostForecastResult,
  CreditReportResult,
  EventRowsResult,
  HealthResult,
  LeaderboardResult,
  PatternsResult,
  PerUserTableResult,
  RangeInput,
  RecommendationsResult,
  SessionsResult,
  StatsResult,
  TimelineResult,
  ViewFilters,
} from '@tally/core';

/** Each view's answer, by its query API name (DESIGN §5, §7): the shapes core returns. */
export interface ViewResults {
  leaderboard: LeaderboardResult;
  stats: StatsResult;
  timeline: TimelineResult;
  breakdown: BreakdownResult;
  sessions: SessionsResult;
  comparison: ComparisonResult;
  patterns: PatternsResult;
  health: HealthResult;
  budget: BudgetResult;
  'cost-forecast': CostForecastResult;
  'credit-report': CreditReportResult;
  recommendations: RecommendationsResult;
  rows: EventRowsResult;
  'per-user-table': PerUserTableResult;
}

/** The name of a view a {@link DataSource} answers. */
export type ViewName = keyof ViewResults;

/** What `export` can write: raw events, the two event tables, or the per-user table. */
export type ExportView = 'events' | 'requests' | 'tokens' | 'per-user-table';

/** The file formats of an export. */
export type ExportFormat = 'csv' | 'json' | 'ndjson';

/**
 * A range without its zone: a preset (`{ preset: '30d' }`) or custom dates (`{ from: '2026-03-01',
 * to: '2026-03-31' }`, `to` inclusive for a date). The zone travels beside it as `tz`.
 */
export type RangeValue = Omit<RangeInput, 'tz'>;

/** What every query takes, plus the view's own parameters (`measure`, `dimension`, ...). */
export interface QueryParams {
  /** @default { preset: '30d' } */
  range?: RangeValue;
  /** IANA time zone for days and buckets; the tenant's when absent. */
  tz?: string;
  filters?: ViewFilters;
  [parameter: string]: unknown;
}

/** A sort key of an export, as the export API takes it. */
export interface ExportSort {
  column: string;
  direction?: 'asc' | 'desc';
}

/** What an export takes: the range and filters, and the table's sort and columns. */
export interface ExportParams {
  range?: RangeValue;
  tz?: string;
  filters?: ViewFilters;
  /** Sort keys, most significant first. */
  sort?: readonly ExportSort[];
  /** The per-user table's count columns. @default 'category' */
  columns?: 'category' | 'name';
  /** The per-user table's column when sorting by `count`. */
  key?: string;
  /** Start a CSV with a byte order mark (for older spreadsheet programs). @default false */
  bom?: boolean;
}

/** Options of one request. */
export interface RequestOptions {
  /** Cancels the request; the promise then rejects with an `AbortError`. */
  signal?: AbortSignal;
}

/** The tenant settings widgets show: zone, data floor and category colours. */
export interface SourceSettings {
  timezone?: string;
  /** `YYYY-MM-DD`: the first day with data; earlier days cannot be picked. */
  dataFloor?: string;
  categories?: CategorySetting[];
}

/**
 * Where widgets get their numbers: the server's query API ({@link HttpSource}) or core's engine in
 * the page ({@link LocalSource}). Both answer with exactly the shapes core's views return.
 */
export interface DataSource {
  /** Runs one view. */
  query<View extends ViewName>(
    view: View,
    params: QueryParams,
    options?: RequestOptions,
  ): Promise<ViewResults[View]>;
  /** Every matching row (never one page) as a file. */
  export(
    view: ExportView,
    params: ExportParams,
    format: ExportFormat,
    options?: RequestOptions,
  ): Promise<Blob>;
  /** The tenant's zone, data floor and categories, when the source knows them. */
  settings?(): Promise<SourceSettings>;
  /** Calls `listener` when the data changed (new events); returns the unsubscribe function. */
  subscribe?(listener: () => void): () => void;
}
