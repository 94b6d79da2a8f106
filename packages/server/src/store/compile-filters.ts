import type { Dimension, EngineFilters, Interval } from '@tally/core';
import { DIMENSION_COLUMNS } from './schema.js';
import type { SqlParams } from './sql-params.js';

/**
 * The SQL column of a checked dimension. Names reach SQL only through this fixed table, never
 * as the caller's text.
 */
export function dimensionColumn(dimension: Dimension): string {
  const column = DIMENSION_COLUMNS.get(dimension);
  if (column === undefined) throw new Error(`unknown dimension ${JSON.stringify(dimension)}`);
  return column;
}

/**
 * Engine filters as SQL conditions to AND together: per dimension, the column is one of the
 * allowed values (bound parameters), or NULL when `null` is allowed; an empty list is FALSE.
 */
export function compileFilters(filters: EngineFilters | undefined, params: SqlParams): string[] {
  const conditions: string[] = [];
  if (filters === undefined) return conditions;
  for (const dimension of Object.keys(filters) as Dimension[]) {
    const allowed = filters[dimension];
    if (allowed === undefined) continue;
    const column = dimensionColumn(dimension);
    const values = [...new Set(allowed.filter((value): value is string => value !== null))];
    const parts: string[] = [];
    if (values.length > 0) {
      parts.push(`${column} IN (${values.map((value) => params.text(value)).join(', ')})`);
    }
    if (allowed.includes(null)) parts.push(`${column} IS NULL`);
    conditions.push(parts.length === 0 ? 'FALSE' : `(${parts.join(' OR ')})`);
  }
  return conditions;
}

/**
 * The WHERE conditions every engine query starts with: the tenant (always first, always a
 * parameter), the half-open time range, then the filters.
 */
export function scopeConditions(
  tenant: string,
  range: Interval,
  filters: EngineFilters | undefined,
  params: SqlParams,
): string[] {
  return [
    `tenant = ${params.text(tenant)}`,
    `ts >= ${params.instant(range.from)}`,
    `ts < ${params.instant(range.to)}`,
    ...compileFilters(filters, params),
  ];
}
