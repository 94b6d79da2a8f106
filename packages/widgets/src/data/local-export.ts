import {
  csvChunks,
  describeValue,
  DIMENSIONS,
  eventRows,
  exportEvents,
  fieldError,
  jsonChunks,
  NUMERIC_FIELDS,
  perUserTable,
  resolveRange,
  toEngineFilters,
  type EventTableCell,
  type ExportColumn,
  type PerUserRow,
  type PerUserSort,
  type RangeInput,
  type RowSort,
  type ViewContext,
} from '@tally/core';
import type { ExportFormat, ExportParams, ExportView } from './data-source.js';

/** Rows fetched per engine call while exporting. */
const PAGE_SIZE = 5000;

const EVENT_SORT_FIELDS: readonly string[] = ['id', ...DIMENSIONS, ...NUMERIC_FIELDS];

type TableRow = Record<string, EventTableCell>;

/**
 * The chunks of an export over a local engine, written exactly as the server's `GET /v1/export`
 * writes them (same views, columns, headers and formats), so a page exports the same file from
 * either source: every matching row, fetched page by page.
 */
export async function* localExportChunks(
  context: ViewContext,
  view: ExportView,
  params: ExportParams,
  format: ExportFormat,
): AsyncGenerator<string> {
  if (format !== 'csv' && format !== 'json' && format !== 'ndjson') {
    throw fieldError(
      'invalid_export',
      'format',
      `must be csv, json or ndjson (got ${describeValue(format)})`,
    );
  }
  const range: RangeInput | undefined =
    params.range === undefined && params.tz === undefined
      ? undefined
      : { ...params.range, ...(params.tz === undefined ? {} : { tz: params.tz }) };
  const filters = params.filters ?? {};
  const sort = [...(params.sort ?? [])];
  const bom = params.bom === true;
  if (view === 'events') {
    const resolved = resolveRange(range, { now: context.now, settings: context.settings });
    const roster = filters.search === undefined ? [] : await context.engine.roster();
    const rowSort: RowSort[] = sort.map(({ column, direction }) => {
      if (!EVENT_SORT_FIELDS.includes(column)) {
        throw fieldError(
          'invalid_export',
          'sort',
          `must name one of ${EVENT_SORT_FIELDS.join(', ')} (got ${describeValue(column)})`,
        );
      }
      return { field: column as RowSort['field'], direction: direction ?? 'asc' };
    });
    yield* exportEvents(context.engine, {
      range: { from: resolved.from, to: resolved.to },
      filters: toEngineFilters(filters, roster),
      format,
      bom,
      sort: rowSort,
    });
  } else if (view === 'requests' || view === 'tokens') {
    // No sort given: the table's own default (newest first), not an order by id.
    const base = { preset: view, filters, ...(sort.length > 0 ? { sort } : {}) } as const;
    const first = await eventRows(context, { ...base, range, offset: 0, limit: PAGE_SIZE });
    const rows = async function* (): AsyncGenerator<TableRow> {
      let page = first;
      let offset = 0;
      for (;;) {
        yield* page.rows;
        offset += page.rows.length;
        if (page.rows.length < PAGE_SIZE) return;
        page = await eventRows(context, { ...base, range: first.range, offset, limit: PAGE_SIZE });
      }
    };
    const columns: ExportColumn<TableRow>[] = first.columns.map((column) => ({
      key: column.key,
      header: column.label,
      ...(column.type === 'time' && format === 'csv' ? { format: isoTime } : {}),
    }));
    if (format === 'csv') yield* csvChunks(rows(), columns, { bom });
    else yield* jsonChunks(rows(), { ndjson: format === 'ndjson' });
  } else if (view === 'per-user-table') {
    if (sort.length > 1)
      throw fieldError('invalid_export', 'sort', 'takes one column for this view');
    const [first] = sort;
    const table = await perUserTable(context, {
      range,
      filters,
      ...(params.columns === undefined ? {} : { columns: params.columns }),
      ...(first === undefined
        ? {}
        : {
            sort: {
              by: first.column as PerUserSort['by'],
              ...(first.direction === undefined ? {} : { direction: first.direction }),
              ...(params.key === undefined ? {} : { key: params.key }),
            },
          }),
    });
    if (format !== 'csv') {
      yield* jsonChunks(table.rows, { ndjson: format === 'ndjson' });
      return;
    }
    yield* csvChunks(table.rows, perUserColumns(table.keys), { bom });
  } else {
    throw fieldError(
      'invalid_export',
      'view',
      `must be events, requests, tokens or per-user-table (got ${describeValue(view)})`,
    );
  }
}

/** The per-user table's CSV columns: user, a count per key, total, credits and seat state. */
export function perUserColumns(keys: readonly string[]): ExportColumn<PerUserRow>[] {
  return [
    { key: 'rank', header: 'Rank' },
    { key: 'userId', header: 'User ID' },
    { key: 'name', header: 'Name' },
    { key: 'email', header: 'Email' },
    ...keys.map((key) => ({
      key: `count:${key}`,
      header: key,
      format: (_value: unknown, row: PerUserRow) => row.counts[key] ?? 0,
    })),
    { key: 'total', header: 'Total' },
    { key: 'credits', header: 'Credits' },
    { key: 'licensed', header: 'Licensed' },
    { key: 'active', header: 'Active' },
  ];
}

function isoTime(value: unknown): unknown {
  return typeof value === 'number' ? new Date(value).toISOString() : value;
}
