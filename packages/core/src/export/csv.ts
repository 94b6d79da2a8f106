import { csvCell } from './csv-cell.js';
import type { ExportColumn } from './export-column.js';
import { assertColumns, assertRow, readColumn } from './export-column.js';

/** Options of {@link csvChunks} and {@link toCsv}. */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, which older Excel versions need to detect UTF-8. @default false */
  bom?: boolean;
  /** A chunk is yielded once it holds at least this many characters. @default 65536 */
  chunkSize?: number;
}

const CRLF = '\r\n';
const DEFAULT_CHUNK_SIZE = 65_536;

function csvLine<Row extends object>(row: Row, columns: readonly ExportColumn<Row>[]): string {
  return columns.map((column) => csvCell(readColumn(row, column))).join(',') + CRLF;
}

function headerLine(columns: readonly ExportColumn<never>[]): string {
  return columns.map((column) => csvCell(column.header)).join(',') + CRLF;
}

/**
 * Streams rows as CSV (RFC 4180: header row, CRLF line ends, quoted fields, UTF-8), guarded
 * against formula injection (see {@link csvCell}). Rows may come from an async source, such as
 * pages of an engine query, and are never all held at once.
 *
 * @example
 * ```ts
 * for await (const chunk of csvChunks(rows, [{ key: 'id', header: 'ID' }])) response.write(chunk);
 * ```
 */
export async function* csvChunks<Row extends object>(
  rows: Iterable<Row> | AsyncIterable<Row>,
  columns: readonly ExportColumn<Row>[],
  options: CsvOptions = {},
): AsyncGenerator<string> {
  assertColumns(columns);
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  let buffer = (options.bom ? '\uFEFF' : '') + headerLine(columns);
  let index = 0;
  for await (const row of rows) {
    assertRow(row, index);
    index += 1;
    buffer += csvLine(row, columns);
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/** The whole CSV text of rows already in memory; the same output as {@link csvChunks}. */
export function toCsv<Row extends object>(
  rows: Iterable<Row>,
  columns: readonly ExportColumn<Row>[],
  options: Pick<CsvOptions, 'bom'> = {},
): string {
  assertColumns(columns);
  let text = (options.bom ? '\uFEFF' : '') + headerLine(columns);
  let index = 0;
  for (const row of rows) {
    assertRow(row, index);
    index += 1;
    text += csvLine(row, columns);
  }
  return text;
}
