import type { StoredEvent } from '../event.js';
import { describeValue, fieldError } from '../errors.js';
import type { Engine, RowsQuery } from '../query.js';
import { csvChunks } from './csv.js';
import { EVENT_COLUMNS } from './event-columns.js';
import type { ExportColumn } from './export-column.js';
import { jsonChunks } from './json.js';

/** What {@link exportEvents} exports: the matching events, sorted, in one format. */
export interface EventExportQuery extends Omit<RowsQuery, 'offset' | 'limit'> {
  /** `csv`, a JSON array (`json`) or newline-delimited JSON (`ndjson`). */
  format: 'csv' | 'json' | 'ndjson';
  /**
   * The columns to write. CSV defaults to {@link EVENT_COLUMNS}; JSON defaults to the stored
   * events whole.
   */
  columns?: readonly ExportColumn<StoredEvent>[];
  /** Start a CSV with a UTF-8 byte order mark. @default false */
  bom?: boolean;
  /** Events fetched per engine call. @default 5000 */
  pageSize?: number;
}

/** The sort used when the query names none: oldest first. */
const DEFAULT_SORT: RowsQuery['sort'] = [{ field: 'timestamp', direction: 'asc' }];

const DEFAULT_PAGE_SIZE = 5000;

/** Every matching event, fetched page by page so that no more than one page is held at once. */
async function* allRows(
  engine: Engine,
  query: RowsQuery,
  pageSize: number,
): AsyncGenerator<StoredEvent> {
  let offset = 0;
  for (;;) {
    const page = await engine.rows({ ...query, offset, limit: pageSize });
    yield* page.rows;
    offset += page.rows.length;
    // A short page is the last one; `total` is not trusted, as events may arrive meanwhile.
    if (page.rows.length < pageSize) return;
  }
}

/**
 * Streams an export of **all** events matching a rows query (never one page of them), as CSV
 * or JSON chunks ready to be written to a response or a file. `offset` and `limit` are not
 * accepted: an export always holds every matching row.
 *
 * @example
 * ```ts
 * for await (const chunk of exportEvents(engine, { range, format: 'csv' })) write(chunk);
 * ```
 */
export async function* exportEvents(
  engine: Engine,
  query: EventExportQuery,
): AsyncGenerator<string> {
  const { format, columns, bom, pageSize = DEFAULT_PAGE_SIZE, ...rest } = query;
  if (format !== 'csv' && format !== 'json' && format !== 'ndjson') {
    throw fieldError(
      'invalid_export',
      'format',
      `must be csv, json or ndjson (got ${describeValue(format)})`,
    );
  }
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw fieldError(
      'invalid_export',
      'pageSize',
      `must be a positive integer (got ${describeValue(pageSize)})`,
    );
  }
  const rowsQuery: RowsQuery = {
    range: rest.range,
    filters: rest.filters,
    sort: rest.sort !== undefined && rest.sort.length > 0 ? rest.sort : DEFAULT_SORT,
  };
  const rows = allRows(engine, rowsQuery, pageSize);
  if (format === 'csv') {
    yield* csvChunks(rows, columns ?? EVENT_COLUMNS, { bom });
  } else {
    yield* jsonChunks(rows, { columns, ndjson: format === 'ndjson' });
  }
}
