import { DuckDBDataChunk, type DuckDBAppender } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import type { EventRow } from './event-row.js';
import { EVENT_COLUMNS, type ColumnKind } from './schema.js';

/** Rows per data chunk: DuckDB's vector size, the most one chunk holds. */
const CHUNK_ROWS = 2048;

/** Scratch space for one column of one chunk (8 bytes a value) and its validity mask. */
const data = new ArrayBuffer(CHUNK_ROWS * 8);
const doubles = new Float64Array(data);
const words = new Int32Array(data);
const bytes = new Uint8Array(data);
const validity = new ArrayBuffer(CHUNK_ROWS / 8);
const validityWords = new Uint32Array(validity);

const KINDS: readonly ColumnKind[] = EVENT_COLUMNS.map((column) => column.kind);
const TWO_TO_32 = 2 ** 32;

/**
 * Appends `events` rows to `appender` a column at a time, in data chunks of 2,048 rows:
 * numbers and booleans are written into a buffer and copied into DuckDB's vector in one call,
 * null masks likewise, so only non-null strings cost a call each. Appending value by value
 * costs one call into DuckDB per value, nulls included, and a `BigInt` per integer.
 *
 * @example
 * ```ts
 * const appender = await connection.createAppender('events');
 * appendEventRows(appender, rows);
 * appender.closeSync();
 * ```
 */
export function appendEventRows(appender: DuckDBAppender, rows: readonly EventRow[]): void {
  if (appender.columnCount !== KINDS.length) {
    throw new Error(
      `store: the events table has ${appender.columnCount} columns, this version writes ${KINDS.length}`,
    );
  }
  const types = KINDS.map((_, column) => appender.columnType(column));
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const count = Math.min(CHUNK_ROWS, rows.length - start);
    const chunk = DuckDBDataChunk.create(types, count);
    for (let column = 0; column < KINDS.length; column += 1) {
      const vector = duckdb.data_chunk_get_vector(chunk.chunk, column);
      fillVector(vector, KINDS[column], column, rows, start, count);
    }
    appender.appendDataChunk(chunk);
  }
}

/** Writes column `column` of `rows[start .. start + count)` into `vector`. */
function fillVector(
  vector: duckdb.Vector,
  kind: ColumnKind,
  column: number,
  rows: readonly EventRow[],
  start: number,
  count: number,
): void {
  validityWords.fill(0xffffffff, 0, (count + 31) >>> 5);
  let nulls = false;
  if (kind === 'varchar' || kind === 'json') {
    for (let index = 0; index < count; index += 1) {
      const value = rows[start + index].values[column];
      if (value === null) {
        validityWords[index >>> 5] &= ~(1 << (index & 31));
        nulls = true;
      } else {
        duckdb.vector_assign_string_element(vector, index, value as string);
      }
    }
  } else {
    for (let index = 0; index < count; index += 1) {
      const value = rows[start + index].values[column];
      if (value === null) {
        validityWords[index >>> 5] &= ~(1 << (index & 31));
        nulls = true;
        if (kind === 'boolean') bytes[index] = 0;
        else doubles[index] = 0;
      } else if (kind === 'double') {
        doubles[index] = value as number;
      } else if (kind === 'boolean') {
        bytes[index] = value === true ? 1 : 0;
      } else {
        // A safe integer as a little-endian int64: value = high × 2^32 + low, 0 ≤ low < 2^32.
        const high = Math.floor((value as number) / TWO_TO_32);
        words[2 * index] = (value as number) - high * TWO_TO_32;
        words[2 * index + 1] = high;
      }
    }
    duckdb.copy_data_to_vector(vector, 0, data, 0, kind === 'boolean' ? count : count * 8);
  }
  if (nulls) {
    duckdb.vector_ensure_validity_writable(vector);
    duckdb.copy_data_to_vector_validity(vector, 0, validity, 0, Math.ceil(count / 64) * 8);
  }
}
