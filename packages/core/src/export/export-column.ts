import { describeValue, fieldError } from '../errors.js';

/**
 * One column of an export: the row property it reads, the header shown for it, and an
 * optional `format` that turns the raw value (or anything computed from the whole row) into
 * the cell, e.g. epoch milliseconds into ISO-8601.
 *
 * @example
 * ```ts
 * const columns: ExportColumn<StoredEvent>[] = [
 *   { key: 'id', header: 'Event' },
 *   { key: 'timestamp', header: 'Time', format: (value) => new Date(value as number).toISOString() },
 *   { key: 'country', header: 'Country', format: (_value, event) => event.context?.country },
 * ];
 * ```
 */
export interface ExportColumn<Row extends object = Record<string, unknown>> {
  /** The row property read; also the property name in JSON output. */
  key: string;
  /** The column's title in the CSV header row. */
  header: string;
  /** Computes the cell from the raw value and the row; return a number to keep a cell numeric. */
  format?: (value: unknown, row: Row) => unknown;
}

/** The cell value of `column` in `row`: its own property (never an inherited one), formatted. */
export function readColumn<Row extends object>(row: Row, column: ExportColumn<Row>): unknown {
  const value = Object.hasOwn(row, column.key)
    ? (row as Record<string, unknown>)[column.key]
    : undefined;
  return column.format === undefined ? value : column.format(value, row);
}

/** Throws a {@link TallyError} unless `columns` is a non-empty list of `{ key, header }`. */
export function assertColumns(columns: unknown, field = 'columns'): void {
  if (!Array.isArray(columns) || columns.length === 0) {
    throw fieldError(
      'invalid_export',
      field,
      `must be a non-empty list of columns (got ${describeValue(columns)})`,
    );
  }
  columns.forEach((column: unknown, index) => {
    const entry = (typeof column === 'object' && column !== null ? column : {}) as Record<
      string,
      unknown
    >;
    for (const property of ['key', 'header']) {
      if (typeof entry[property] !== 'string') {
        throw fieldError(
          'invalid_export',
          `${field}[${index}].${property}`,
          `must be a string (got ${describeValue(entry[property])})`,
        );
      }
    }
    if (entry.format !== undefined && typeof entry.format !== 'function') {
      throw fieldError(
        'invalid_export',
        `${field}[${index}].format`,
        `must be a function (got ${describeValue(entry.format)})`,
      );
    }
  });
}

/** Throws a {@link TallyError} unless `row` (item `index` of an export) is an object. */
export function assertRow(row: unknown, index: number): asserts row is object {
  if (typeof row !== 'object' || row === null) {
    throw fieldError(
      'invalid_export',
      `rows[${index}]`,
      `must be an object (got ${describeValue(row)})`,
    );
  }
}
