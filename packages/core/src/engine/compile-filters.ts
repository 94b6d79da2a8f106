import type { Dimension, EngineFilters } from '../query.js';
import type { CodeArray, DictionaryColumn } from './dictionary-column.js';

/** One compiled filter: rows pass when `mask[codes[row]] === 1`. */
export interface CodeMask {
  codes: CodeArray;
  mask: Uint8Array;
}

/** Compiled filters: `none` when no row can match, else the masks to AND together. */
export interface CompiledFilters {
  none: boolean;
  masks: CodeMask[];
}

/**
 * Turns (already validated) filters into one mask over dictionary codes per dimension. Values
 * no row holds simply never match; `null` allows the absent code; an empty allow-list, or one
 * naming only values no row holds, matches nothing. A list that allows every code is dropped.
 */
export function compileFilters(
  filters: EngineFilters | undefined,
  columnOf: (dimension: Dimension) => DictionaryColumn,
): CompiledFilters {
  const masks: CodeMask[] = [];
  if (filters === undefined) return { none: false, masks };
  for (const dimension of Object.keys(filters) as Dimension[]) {
    const allowed = filters[dimension];
    if (allowed === undefined) continue;
    const column = columnOf(dimension);
    const mask = new Uint8Array(column.size);
    let allowedCodes = 0;
    for (const value of allowed) {
      const code = value === null ? 0 : column.codeOf(value);
      if (code === undefined || mask[code] === 1) continue;
      mask[code] = 1;
      allowedCodes += 1;
    }
    if (allowedCodes === 0) return { none: true, masks: [] };
    if (allowedCodes < column.size) masks.push({ codes: column.codes, mask });
  }
  return { none: false, masks };
}

/**
 * Keeps the rows of `rows[0..length)` that pass `filter`, writing them to `target` (which may
 * be `rows` itself) in the same order; returns how many were kept.
 */
export function filterRows(
  rows: Int32Array,
  length: number,
  filter: CodeMask,
  target: Int32Array,
): number {
  const { codes, mask } = filter;
  let kept = 0;
  for (let index = 0; index < length; index += 1) {
    const row = rows[index];
    if (mask[codes[row]] === 1) {
      target[kept] = row;
      kept += 1;
    }
  }
  return kept;
}
