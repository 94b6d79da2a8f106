import { TallyError } from '../errors.js';
import type { ExportColumn } from './export-column.js';
import { assertColumns, assertRow, readColumn } from './export-column.js';

/** Options of {@link jsonChunks}. */
export interface JsonOptions<Row extends object = Record<string, unknown>> {
  /** Newline-delimited JSON (one object per line) instead of one array. @default false */
  ndjson?: boolean;
  /**
   * Write only these columns, each under its `key` (missing values as `null`); by default each
   * row is written whole.
   */
  columns?: readonly ExportColumn<Row>[];
  /** A chunk is yielded once it holds at least this many characters. @default 65536 */
  chunkSize?: number;
}

const DEFAULT_CHUNK_SIZE = 65_536;

/** JSON has no big integers: write them as numbers when exact, else as strings. */
function replacer(_key: string, value: unknown): unknown {
  if (typeof value !== 'bigint') return value;
  return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
}

function rowJson<Row extends object>(
  row: Row,
  index: number,
  columns: readonly ExportColumn<Row>[] | undefined,
): string {
  const shaped =
    columns === undefined
      ? row
      : Object.fromEntries(columns.map((column) => [column.key, readColumn(row, column) ?? null]));
  try {
    return JSON.stringify(shaped, replacer);
  } catch (error) {
    throw new TallyError(
      `rows[${index}]: cannot be written as JSON, e.g. it refers to itself (got an object)`,
      {
        code: 'invalid_export',
        field: `rows[${index}]`,
        cause: error,
      },
    );
  }
}

/**
 * Streams rows as one JSON array (`[`, the rows joined by `,\n`, `]`; `[]` when there are none)
 * or, with `ndjson`, as one JSON object per line. Rows may come from an async source and are
 * never all held at once.
 *
 * @example
 * ```ts
 * let text = '';
 * for await (const chunk of jsonChunks(events)) text += chunk;
 * JSON.parse(text); // the events
 * ```
 */
export async function* jsonChunks<Row extends object>(
  rows: Iterable<Row> | AsyncIterable<Row>,
  options: JsonOptions<Row> = {},
): AsyncGenerator<string> {
  if (options.columns !== undefined) assertColumns(options.columns, 'options.columns');
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const ndjson = options.ndjson ?? false;
  let buffer = ndjson ? '' : '[';
  let index = 0;
  for await (const row of rows) {
    assertRow(row, index);
    const json = rowJson(row, index, options.columns);
    if (ndjson) buffer += `${json}\n`;
    else buffer += index === 0 ? json : `,\n${json}`;
    index += 1;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  if (!ndjson) buffer += ']';
  if (buffer !== '') yield buffer;
}
