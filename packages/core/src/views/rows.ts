import { describeValue, fieldError } from '../errors.js';
import type { StoredEvent } from '../event.js';
import type { EngineFilters, RowSort } from '../query.js';
import type { ResolvedRange } from '../time/types.js';
import { mergeFilters } from './filters.js';
import type { ViewContext, ViewRequest } from './types.js';
import { openView } from './view-scope.js';
import { NANOS_PER_USD } from './view-measures.js';

export {
  perUserTable,
  type PerUserColumns,
  type PerUserRow,
  type PerUserSort,
  type PerUserTableRequest,
  type PerUserTableResult,
} from './per-user-table.js';

/** A raw events table layout: `requests` (traffic details) or `tokens` (AI usage records). */
export type EventTablePreset = 'requests' | 'tokens';

/** A cell of the raw events table. */
export type EventTableCell = string | number | null;

/** A column of the raw events table. */
export interface EventTableColumn {
  /** The key of the column's cells in each row, and what `sort` names. */
  key: string;
  /** A plain English header for exports; widgets show their own localised header. */
  label: string;
  /** How to show the cells: `time` is epoch ms, `number` is right-aligned. */
  type: 'time' | 'text' | 'number';
}

/** A sort key of the raw events table. */
export interface EventTableSort {
  /** A column key of the preset. */
  column: string;
  /** Sort direction; empty cells sort last either way. @default 'desc' for time and numbers, 'asc' for text */
  direction?: 'asc' | 'desc';
}

/** Options of {@link eventRows}. */
export interface EventRowsRequest extends ViewRequest {
  /** The column layout. @default 'requests' */
  preset?: EventTablePreset;
  /** Sort keys, most significant first; ties end by event id. @default newest first */
  sort?: EventTableSort | readonly EventTableSort[];
  /** Rows to skip. @default 0 */
  offset?: number;
  /** Page size, or `all` for every matching row (exports). @default 100 */
  limit?: number | 'all';
}

/** The raw events table's answer: one page and the count of all matching events. */
export interface EventRowsResult {
  /** The range the answer covers, after clamping to the data floor. */
  range: ResolvedRange;
  /** The column layout used. */
  preset: EventTablePreset;
  /** The columns, in display order. */
  columns: EventTableColumn[];
  /** One record per event, keyed by column key. */
  rows: Record<string, EventTableCell>[];
  /** All matching events, across pages. */
  total: number;
  /** Rows skipped. */
  offset: number;
  /** The page size, `null` for all rows. */
  limit: number | null;
}

interface ColumnSpec extends EventTableColumn {
  field: RowSort['field'];
  read(event: StoredEvent): EventTableCell;
}

const text =
  (key: keyof StoredEvent & string) =>
  (event: StoredEvent): EventTableCell => {
    const value = event[key];
    return typeof value === 'string' ? value : null;
  };

const context =
  (key: 'ip' | 'country' | 'region' | 'city' | 'browser' | 'timezone' | 'page') =>
  (event: StoredEvent): EventTableCell =>
    event.context?.[key] ?? null;

const ID: ColumnSpec = { key: 'id', label: 'ID', type: 'text', field: 'id', read: text('id') };
const TIME: ColumnSpec = {
  key: 'time',
  label: 'Time',
  type: 'time',
  field: 'timestamp',
  read: (event) => event.timestamp,
};
const USER: ColumnSpec = {
  key: 'userId',
  label: 'User',
  type: 'text',
  field: 'userId',
  read: text('userId'),
};

function contextColumn(
  key: 'ip' | 'country' | 'region' | 'city' | 'browser' | 'timezone' | 'page',
  label: string,
): ColumnSpec {
  return { key, label, type: 'text', field: key, read: context(key) };
}

const PRESETS: Record<EventTablePreset, readonly ColumnSpec[]> = {
  requests: [
    TIME,
    ID,
    { key: 'name', label: 'Event', type: 'text', field: 'name', read: text('name') },
    USER,
    { key: 'endpoint', label: 'Endpoint', type: 'text', field: 'endpoint', read: text('endpoint') },
    contextColumn('ip', 'IP'),
    contextColumn('country', 'Country'),
    contextColumn('region', 'Region'),
    contextColumn('city', 'City'),
    contextColumn('browser', 'Browser'),
    contextColumn('timezone', 'Time zone'),
    contextColumn('page', 'Page'),
    { key: 'status', label: 'Status', type: 'text', field: 'status', read: text('status') },
    {
      key: 'latencyMs',
      label: 'Latency (ms)',
      type: 'number',
      field: 'latencyMs',
      read: (event) => event.latencyMs ?? null,
    },
  ],
  tokens: [
    TIME,
    ID,
    USER,
    { key: 'source', label: 'Source', type: 'text', field: 'source', read: text('source') },
    { key: 'model', label: 'Model', type: 'text', field: 'model', read: text('model') },
    {
      key: 'input',
      label: 'Input tokens',
      type: 'number',
      field: 'tokensInput',
      read: (event) => event.tokens?.input ?? null,
    },
    {
      key: 'output',
      label: 'Output tokens',
      type: 'number',
      field: 'tokensOutput',
      read: (event) => event.tokens?.output ?? null,
    },
    {
      key: 'total',
      label: 'Total tokens',
      type: 'number',
      field: 'tokensTotal',
      read: (event) => (event.tokens === null ? null : event.tokens.input + event.tokens.output),
    },
    {
      key: 'costUsd',
      label: 'Cost (USD)',
      type: 'number',
      field: 'costNanos',
      read: (event) => event.costNanos / NANOS_PER_USD,
    },
    { key: 'pricing', label: 'Pricing', type: 'text', field: 'pricing', read: text('pricing') },
    {
      key: 'credits',
      label: 'Credits',
      type: 'number',
      field: 'credits',
      read: (event) => event.credits,
    },
  ],
};

/**
 * Events that carry a price state other than `none`: every event with tokens (priced or not),
 * plus app-costed events, which the usage table shows with empty token cells.
 */
const USAGE_RECORDS: EngineFilters = { pricing: ['catalog', 'app', 'unpriced'] };

/**
 * The raw events table (DESIGN §5 rows): the `requests` layout (time, endpoint, IP, location,
 * browser, ...) or the `tokens` layout (AI usage records: source, model, tokens, cost, credits),
 * sorted and paged by the engine. With `limit: 'all'` it returns every matching row, for export.
 *
 * @example
 * ```ts
 * const page = await eventRows(context, { preset: 'tokens', sort: { column: 'total' }, limit: 25 });
 * page.total; // all matching usage records
 * ```
 */
export async function eventRows(
  context: ViewContext,
  request: EventRowsRequest = {},
): Promise<EventRowsResult> {
  const preset = readPreset(request.preset);
  const columns = PRESETS[preset];
  const sort = readSort(request.sort, columns);
  const offset = readOffset(request.offset);
  const limit = readLimit(request.limit);
  const { range, filters } = await openView(context, request);
  const answer = await context.engine.rows({
    range: { from: range.from, to: range.to },
    filters: preset === 'tokens' ? mergeFilters(filters, USAGE_RECORDS) : filters,
    sort,
    offset,
    ...(limit === null ? {} : { limit }),
  });
  return {
    range,
    preset,
    columns: columns.map(({ key, label, type }) => ({ key, label, type })),
    rows: answer.rows.map((event) => {
      const row: Record<string, EventTableCell> = {};
      for (const column of columns) row[column.key] = column.read(event);
      return row;
    }),
    total: answer.total,
    offset,
    limit,
  };
}

function readPreset(value: unknown): EventTablePreset {
  if (value === undefined) return 'requests';
  if (value === 'requests' || value === 'tokens') return value;
  throw fieldError(
    'invalid_query',
    'preset',
    `must be requests or tokens (got ${describeValue(value)})`,
  );
}

function readSort(value: unknown, columns: readonly ColumnSpec[]): RowSort[] {
  if (value === undefined) return [{ field: 'timestamp', direction: 'desc' }];
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.map((entry, index) => {
    const at = Array.isArray(value) ? `sort[${index}]` : 'sort';
    const { column: key, direction } = (entry ?? {}) as { column?: unknown; direction?: unknown };
    const column = columns.find((candidate) => candidate.key === key);
    if (column === undefined) {
      throw fieldError(
        'invalid_query',
        `${at}.column`,
        `must be one of ${columns.map((candidate) => candidate.key).join(', ')} (got ${describeValue(key)})`,
      );
    }
    if (direction !== undefined && direction !== 'asc' && direction !== 'desc') {
      throw fieldError(
        'invalid_query',
        `${at}.direction`,
        `must be asc or desc (got ${describeValue(direction)})`,
      );
    }
    return {
      field: column.field,
      direction: direction ?? (column.type === 'text' ? 'asc' : 'desc'),
    };
  });
}

function readOffset(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw fieldError(
      'invalid_query',
      'offset',
      `must be a whole number of at least 0 (got ${describeValue(value)})`,
    );
  }
  return value;
}

function readLimit(value: unknown): number | null {
  if (value === undefined) return 100;
  if (value === 'all') return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw fieldError(
      'invalid_query',
      'limit',
      `must be a whole number of at least 0, or all (got ${describeValue(value)})`,
    );
  }
  return value;
}
