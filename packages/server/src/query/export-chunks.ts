import {
  csvChunks,
  describeValue,
  DIMENSIONS,
  eventRows,
  exportEvents,
  jsonChunks,
  NUMERIC_FIELDS,
  perUserTable,
  resolveRange,
  toEngineFilters,
  type EventTableCell,
  type ExportColumn,
  type PerUserRow,
  type RowSort,
  type ViewContext,
  type ViewFilters,
} from '@tally/core';
import { requestError } from '../http/request-error.js';
import type { ExportRequest } from './read-export-request.js';

/** Rows fetched per engine call while exporting. */
const PAGE_SIZE = 5000;

/** Fields the `events` export can be sorted by: core's sortable columns. */
const EVENT_SORT_FIELDS: readonly string[] = ['id', ...DIMENSIONS, ...NUMERIC_FIELDS];

/**
 * The chunks of an export: every row that matches, never one page, fetched page by page so
 * that memory stays flat however many rows there are. `filters` are already scoped.
 */
export async function* exportChunks(
  context: ViewContext,
  request: ExportRequest,
  filters: ViewFilters,
): AsyncGenerator<string> {
  if (request.view === 'events') {
    yield* eventExport(context, request, filters);
  } else if (request.view === 'per-user-table') {
    yield* perUserExport(context, request, filters);
  } else {
    yield* tableExport(context, request, filters);
  }
}

async function* eventExport(
  context: ViewContext,
  request: ExportRequest,
  filters: ViewFilters,
): AsyncGenerator<string> {
  const range = resolveRange(request.range, { now: context.now, settings: context.settings });
  const roster = filters.search === undefined ? [] : await context.engine.roster();
  const sort: RowSort[] = request.sort.map(({ column, direction }) => {
    if (!EVENT_SORT_FIELDS.includes(column)) {
      throw requestError(
        'invalid_export',
        'sort',
        `must name one of ${EVENT_SORT_FIELDS.join(', ')} (got ${describeValue(column)})`,
      );
    }
    return { field: column as RowSort['field'], direction: direction ?? 'asc' };
  });
  yield* exportEvents(context.engine, {
    range: { from: range.from, to: range.to },
    filters: toEngineFilters(filters, roster),
    format: request.format,
    bom: request.bom,
    sort,
  });
}

async function* tableExport(
  context: ViewContext,
  request: ExportRequest,
  filters: ViewFilters,
): AsyncGenerator<string> {
  const preset = request.view === 'tokens' ? 'tokens' : 'requests';
  const base = { preset, filters, sort: request.sort } as const;
  const first = await eventRows(context, {
    ...base,
    range: request.range,
    offset: 0,
    limit: PAGE_SIZE,
  });
  async function* rows(): AsyncGenerator<Record<string, EventTableCell>> {
    let page = first;
    let offset = 0;
    for (;;) {
      yield* page.rows;
      offset += page.rows.length;
      if (page.rows.length < PAGE_SIZE) return;
      page = await eventRows(context, { ...base, range: first.range, offset, limit: PAGE_SIZE });
    }
  }
  const columns: ExportColumn<Record<string, EventTableCell>>[] = first.columns.map((column) => ({
    key: column.key,
    header: column.label,
    ...(column.type === 'time' && request.format === 'csv'
      ? {
          format: (value: unknown) =>
            typeof value === 'number' ? new Date(value).toISOString() : value,
        }
      : {}),
  }));
  if (request.format === 'csv') yield* csvChunks(rows(), columns, { bom: request.bom });
  else yield* jsonChunks(rows(), { ndjson: request.format === 'ndjson' });
}

async function* perUserExport(
  context: ViewContext,
  request: ExportRequest,
  filters: ViewFilters,
): AsyncGenerator<string> {
  const [sort] = request.sort;
  if (request.sort.length > 1)
    throw requestError('invalid_export', 'sort', 'takes one column for this view');
  const table = await perUserTable(context, {
    range: request.range,
    filters,
    ...(request.columns === undefined ? {} : { columns: request.columns as 'category' | 'name' }),
    ...(sort === undefined
      ? {}
      : {
          sort: {
            by: sort.column as 'rank',
            ...(sort.direction === undefined ? {} : { direction: sort.direction }),
            ...(request.key === undefined ? {} : { key: request.key }),
          },
        }),
  });
  if (request.format !== 'csv') {
    yield* jsonChunks(table.rows, { ndjson: request.format === 'ndjson' });
    return;
  }
  const columns: ExportColumn<PerUserRow>[] = [
    { key: 'rank', header: 'Rank' },
    { key: 'userId', header: 'User ID' },
    { key: 'name', header: 'Name' },
    { key: 'email', header: 'Email' },
    ...table.keys.map((key) => ({
      key: `count:${key}`,
      header: key,
      format: (_value: unknown, row: PerUserRow) => row.counts[key] ?? 0,
    })),
    { key: 'total', header: 'Total' },
    { key: 'credits', header: 'Credits' },
    { key: 'licensed', header: 'Licensed' },
    { key: 'active', header: 'Active' },
  ];
  yield* csvChunks(table.rows, columns, { bom: request.bom });
}
