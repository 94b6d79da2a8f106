import { expect } from 'chai';
import type { Dimension } from '../query.js';
import { compileFilters, filterRows } from './compile-filters.js';
import { DictionaryColumn } from './dictionary-column.js';

function columns(values: Partial<Record<Dimension, (string | undefined)[]>>) {
  const built = new Map<Dimension, DictionaryColumn>();
  for (const [dimension, list] of Object.entries(values) as [Dimension, (string | undefined)[]][]) {
    const column = new DictionaryColumn(list.length);
    list.forEach((value, row) => column.write(row, value));
    built.set(dimension, column);
  }
  return (dimension: Dimension) => built.get(dimension) ?? new DictionaryColumn(0);
}

describe('compileFilters', () => {
  const columnOf = columns({
    model: ['a', 'b', undefined, 'a'],
    status: ['ok', 'error', 'ok', 'ok'],
  });

  it('masks the allowed codes, null allowing the absent code', () => {
    const compiled = compileFilters({ model: ['a', null, 'unknown'] }, columnOf);
    expect(compiled.none).to.equal(false);
    expect(Array.from(compiled.masks[0].mask)).to.deep.equal([1, 1, 0]);
    const rows = Int32Array.from([0, 1, 2, 3]);
    const kept = filterRows(rows, 4, compiled.masks[0], rows);
    expect(Array.from(rows.subarray(0, kept))).to.deep.equal([0, 2, 3]);
  });

  it('matches nothing for an empty list or one of unknown values only', () => {
    expect(compileFilters({ model: [] }, columnOf).none).to.equal(true);
    expect(compileFilters({ status: ['ok'], model: ['zzz'] }, columnOf).none).to.equal(true);
    expect(compileFilters({ userId: [] }, columnOf).none).to.equal(true);
  });

  it('drops lists that allow every code and skips undefined ones', () => {
    const compiled = compileFilters({ status: ['ok', 'error', null], model: undefined }, columnOf);
    expect(compiled).to.deep.equal({ none: false, masks: [] });
    expect(compileFilters(undefined, columnOf)).to.deep.equal({ none: false, masks: [] });
  });
});
