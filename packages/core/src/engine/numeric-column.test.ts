import { expect } from 'chai';
import { NumericColumn } from './numeric-column.js';

describe('NumericColumn', () => {
  it('stores small integers in one byte and nulls as the sentinel', () => {
    const column = new NumericColumn(4);
    column.write(0, 5);
    column.write(1, null);
    column.write(2, -127);
    column.write(3, undefined);
    expect(column.kind).to.equal('int8');
    expect([0, 1, 2, 3].map((row) => column.get(row))).to.deep.equal([5, null, -127, null]);
  });

  it('widens exactly as values outgrow each kind', () => {
    const column = new NumericColumn(8);
    const values = [1, null, 128, -40_000, 2 ** 31 - 1, 0.5, -0, 2 ** 40];
    const kinds: string[] = [];
    values.forEach((value, row) => {
      column.write(row, value);
      kinds.push(column.kind);
    });
    expect(kinds).to.deep.equal([
      'int8',
      'int8',
      'int16',
      'int32',
      'int32',
      'float64',
      'float64',
      'float64',
    ]);
    expect(values.map((_, row) => column.get(row))).to.deep.equal(values);
    expect(Object.is(column.get(6), -0)).to.equal(true);
  });

  it('keeps -0 and the int8 boundary exact', () => {
    const negativeZero = new NumericColumn(1);
    negativeZero.write(0, -0);
    expect(negativeZero.kind).to.equal('float64');
    expect(Object.is(negativeZero.get(0), -0)).to.equal(true);
    const boundary = new NumericColumn(2);
    boundary.write(0, 127);
    expect(boundary.kind).to.equal('int8');
    boundary.write(1, -128);
    expect(boundary.kind).to.equal('int16');
    expect([boundary.get(0), boundary.get(1)]).to.deep.equal([127, -128]);
  });

  it('refuses non-finite numbers and other types', () => {
    const column = new NumericColumn(1);
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, '1', true]) {
      expect(column.write(0, value), String(value)).to.equal(false);
    }
  });

  it('starts as floats when asked and keeps values when growing', () => {
    const column = new NumericColumn(2, 'float64');
    column.write(0, 1.25);
    column.write(1, null);
    column.grow(4);
    column.write(3, 7);
    expect([0, 1, 2, 3].map((row) => column.get(row))).to.deep.equal([1.25, null, 0, 7]);
  });
});
