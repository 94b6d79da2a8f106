import type { RowSort } from '../query.js';
import type { CodeArray } from './dictionary-column.js';
import type { NumericData } from './measure-rows.js';
import type { RowComparator } from './row-order.js';

/** Where a comparator reads a sort key's values. */
export type SortColumn =
  | { kind: 'dimension'; codes: CodeArray; ranks: Int32Array }
  | { kind: 'numeric'; column: NumericData }
  | { kind: 'id' };

/**
 * A total order over rows for `rows` queries: the sort keys in turn (nulls last in either
 * direction), then the id ascending, then append order (for duplicate ids).
 */
export function rowComparator(
  keys: readonly RowSort[],
  columnOf: (field: RowSort['field']) => SortColumn,
  compareIds: RowComparator,
): RowComparator {
  const parts: RowComparator[] = keys.map((key) =>
    keyComparator(columnOf(key.field), key.direction === 'asc' ? 1 : -1, compareIds),
  );
  parts.push(compareIds, (a, b) => a - b);
  return (a, b) => {
    for (let index = 0; index < parts.length; index += 1) {
      const order = parts[index](a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
}

function keyComparator(source: SortColumn, sign: number, compareIds: RowComparator): RowComparator {
  if (source.kind === 'id') return (a, b) => sign * compareIds(a, b);
  if (source.kind === 'dimension') {
    const { codes, ranks } = source;
    return (a, b) => {
      const codeA = codes[a];
      const codeB = codes[b];
      if (codeA === codeB) return 0;
      if (codeA === 0) return 1;
      if (codeB === 0) return -1;
      return sign * (ranks[codeA] - ranks[codeB]);
    };
  }
  const { data, sentinel } = source.column;
  return (a, b) => {
    const valueA = data[a];
    const valueB = data[b];
    const nullA = valueA === sentinel || valueA !== valueA;
    const nullB = valueB === sentinel || valueB !== valueB;
    if (nullA || nullB) return nullA === nullB ? 0 : nullA ? 1 : -1;
    return valueA < valueB ? -sign : valueA > valueB ? sign : 0;
  };
}
