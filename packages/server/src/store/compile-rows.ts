import type { RowsQuery } from '@tally/core';
import { isNumericField } from '@tally/core';
import { fieldColumn } from './compile-aggregate.js';
import { scopeConditions } from './compile-filters.js';
import { ROW_SELECT } from './event-row.js';
import { SqlParams } from './sql-params.js';

/** A rows query as two statements: the page, and the count of every matching row. */
export interface CompiledRows {
  page: { sql: string; params: SqlParams };
  total: { sql: string; params: SqlParams };
}

/** Code units U+E000–U+FFFF, the ones UTF-16 orders after every supplementary character. */
const HIGH_BMP = '([\\x{E000}-\\x{FFFF}])';
/** Puts U+10FFFF (the largest code point) before each of them. */
const HIGH_BMP_PREFIX = '\u{10FFFF}\\1';

/**
 * Compiles a checked rows query: matching rows ordered by the sort keys (`NULLS LAST` in either
 * direction), then id and insertion order, paged with `LIMIT`/`OFFSET` parameters.
 *
 * Strings compare as JavaScript's `<` does (UTF-16 code units), as core's engine sorts them.
 * DuckDB compares code points, which agrees except between U+E000–U+FFFF and supplementary
 * characters; when the tenant holds such text (`wideText`), string keys sort on a copy where
 * each U+E000–U+FFFF character is preceded by U+10FFFF, which restores the UTF-16 order (a
 * string containing U+10FFFF itself, a permanent non-character, is the one blind spot).
 */
export function compileRows(tenant: string, query: RowsQuery, wideText: boolean): CompiledRows {
  const totalParams = new SqlParams();
  const totalWhere = scopeConditions(tenant, query.range, query.filters, totalParams);
  const params = new SqlParams();
  const where = scopeConditions(tenant, query.range, query.filters, params);
  const order: string[] = [];
  for (const key of query.sort ?? []) {
    const column = key.field === 'id' ? 'id' : fieldColumn(key.field);
    const text = key.field === 'id' || !isNumericField(key.field);
    const expression = text && wideText ? utf16Key(column, params) : column;
    order.push(`${expression} ${key.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`);
  }
  order.push(wideText ? `${utf16Key('id', params)} ASC` : 'id ASC', 'seq ASC');
  let paging = '';
  if (query.limit !== undefined) paging += ` LIMIT ${params.integer(query.limit)}`;
  if (query.offset !== undefined && query.offset > 0) {
    paging += ` OFFSET ${params.integer(query.offset)}`;
  }
  return {
    page: {
      sql: `SELECT ${ROW_SELECT} FROM events WHERE ${where.join(' AND ')} ORDER BY ${order.join(', ')}${paging}`,
      params,
    },
    total: {
      sql: `SELECT count(*) FROM events WHERE ${totalWhere.join(' AND ')}`,
      params: totalParams,
    },
  };
}

function utf16Key(column: string, params: SqlParams): string {
  return `regexp_replace(${column}, ${params.text(HIGH_BMP)}, ${params.text(HIGH_BMP_PREFIX)}, 'g')`;
}
