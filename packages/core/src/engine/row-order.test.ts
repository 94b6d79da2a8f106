import '../__test-support__/property-seed.js';
import { expect } from 'chai';
import fc from 'fast-check';
import { firstRows, firstRowsByTime } from './row-order.js';

describe('firstRows', () => {
  it('gives the same page by heap or by full sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 400 }),
        fc.nat({ max: 450 }),
        (keys, end) => {
          const rows = Int32Array.from(keys, (_, index) => index);
          const compare = (a: number, b: number) => keys[a] - keys[b] || a - b;
          const expected = Array.from(rows).sort(compare).slice(0, end);
          expect(Array.from(firstRows(rows, rows.length, compare, end))).to.deep.equal(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads only the first `length` rows', () => {
    const rows = Int32Array.from([3, 1, 2, 0]);
    expect(Array.from(firstRows(rows, 3, (a, b) => a - b, 10))).to.deep.equal([1, 2, 3]);
  });
});

describe('firstRowsByTime', () => {
  it('sorts only within equal timestamps, from either end', () => {
    const timestamps = new Float64Array([10, 20, 20, 20, 30]);
    const rows = Int32Array.from([0, 3, 1, 2, 4]);
    const byRow = (a: number, b: number) => a - b;
    expect(Array.from(firstRowsByTime(rows, 5, timestamps, false, byRow, 5))).to.deep.equal([
      0, 1, 2, 3, 4,
    ]);
    expect(Array.from(firstRowsByTime(rows, 5, timestamps, true, byRow, 5))).to.deep.equal([
      4, 1, 2, 3, 0,
    ]);
    expect(Array.from(firstRowsByTime(rows, 5, timestamps, true, byRow, 2))).to.deep.equal([4, 1]);
    expect(Array.from(firstRowsByTime(rows, 0, timestamps, false, byRow, 3))).to.deep.equal([]);
  });
});
