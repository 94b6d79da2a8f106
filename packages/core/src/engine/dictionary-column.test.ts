import { expect } from 'chai';
import { DictionaryColumn } from './dictionary-column.js';

describe('DictionaryColumn', () => {
  it('gives each distinct string one code and keeps 0 for absent values', () => {
    const column = new DictionaryColumn(8);
    for (const [row, value] of ['a', 'b', undefined, 'a', null].entries()) {
      expect(column.write(row, value)).to.equal(true);
    }
    expect(Array.from(column.codes.subarray(0, 5))).to.deep.equal([1, 2, 0, 1, 0]);
    expect(column.valueOf(2)).to.equal('b');
    expect(column.valueOf(0)).to.equal(null);
    expect(column.codeOf('a')).to.equal(1);
    expect(column.codeOf('zzz')).to.equal(undefined);
    expect(column.size).to.equal(3);
  });

  it('refuses values that are not strings and stores nothing for them', () => {
    const column = new DictionaryColumn(4);
    column.write(0, 'x');
    expect(column.write(1, 5)).to.equal(false);
    expect(column.write(1, { toString: () => 'x' })).to.equal(false);
    expect(column.size).to.equal(2);
  });

  it('widens its codes to two and then four bytes without losing rows', () => {
    const rows = 70_000;
    const column = new DictionaryColumn(16);
    column.grow(rows);
    expect(column.codes).to.be.instanceOf(Uint8Array);
    for (let row = 0; row < rows; row += 1) {
      column.write(row, `v${row}`);
      if (row === 254) expect(column.codes).to.be.instanceOf(Uint8Array);
      if (row === 255) expect(column.codes).to.be.instanceOf(Uint16Array);
      if (row === 65_534) expect(column.codes).to.be.instanceOf(Uint16Array);
      if (row === 65_535) expect(column.codes).to.be.instanceOf(Int32Array);
    }
    for (const row of [0, 254, 255, 65_534, 65_535, 69_999]) {
      expect(column.valueOf(column.codes[row])).to.equal(`v${row}`);
    }
  });

  it('keeps the codes it has when it grows', () => {
    const column = new DictionaryColumn(2);
    column.write(0, 'a');
    column.write(1, 'b');
    column.grow(10);
    column.write(9, 'a');
    expect(Array.from(column.codes)).to.deep.equal([1, 2, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('ranks codes by string order with the absent value last', () => {
    const column = new DictionaryColumn(4);
    ['b', 'a', 'B', 'ä'].forEach((value, row) => column.write(row, value));
    // Codes: b=1, a=2, B=3, ä=4; order B < a < b < ä.
    expect(Array.from(column.ranks())).to.deep.equal([4, 2, 1, 0, 3]);
  });
});
