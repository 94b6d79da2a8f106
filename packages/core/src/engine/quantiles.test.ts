import '../__test-support__/property-seed.js';
import { expect } from 'chai';
import fc from 'fast-check';
import { quantiles } from './quantiles.js';
import { quickselect } from './quickselect.js';

/** quantile_cont on a sorted copy: the definition the selection must match. */
function byDefinition(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const lower = Math.floor(position);
  if (lower === position) return sorted[lower];
  return sorted[lower] + (position - lower) * (sorted[lower + 1] - sorted[lower]);
}

describe('quickselect', () => {
  it('puts the k-th smallest value at k with smaller ones before it and larger after', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 3000 }),
        fc.nat(),
        (numbers, seed) => {
          const values = Float64Array.from(numbers);
          const k = seed % values.length;
          quickselect(values, 0, values.length - 1, k);
          const sorted = [...numbers].sort((a, b) => a - b);
          expect(values[k]).to.equal(sorted[k]);
          for (let index = 0; index < k; index += 1)
            expect(values[index] <= values[k]).to.equal(true);
          for (let index = k + 1; index < values.length; index += 1) {
            expect(values[index] >= values[k]).to.equal(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('selects within a sub-range only', () => {
    const values = Float64Array.from([9, 5, 3, 4, 1, 0]);
    quickselect(values, 1, 4, 2);
    expect(values[0]).to.equal(9);
    expect(values[5]).to.equal(0);
    expect(values[2]).to.equal(3);
  });
});

describe('quantiles', () => {
  it('matches quantile_cont on a sorted copy, for any values and qs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
          minLength: 1,
          maxLength: 2000,
        }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (numbers, qs) => {
          const found = quantiles(Float64Array.from(numbers), 0, numbers.length, qs);
          expect(found).to.deep.equal(qs.map((q) => byDefinition(numbers, q)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('matches quantile_cont on long segments, which it narrows by value bucket first', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -3, max: 3 }),
            fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((value) => value + 0),
            fc.double({ min: 0, max: 1e-300, noNaN: true }),
          ),
          { minLength: 4100, maxLength: 6000 },
        ),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (numbers, qs) => {
          const values = Float64Array.from([99, ...numbers, -99]);
          const found = quantiles(values, 1, numbers.length + 1, qs);
          expect(found).to.deep.equal(qs.map((q) => byDefinition(numbers, q)));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('answers long segments of one repeated value, or of a range too wide to bucket', () => {
    const same = new Float64Array(5000).fill(7.5);
    expect(quantiles(same, 0, 5000, [0, 0.5, 0.99])).to.deep.equal([7.5, 7.5, 7.5]);
    const wide = new Float64Array(5000).fill(1);
    wide[0] = -Number.MAX_VALUE;
    wide[1] = Number.MAX_VALUE;
    expect(quantiles(wide, 0, 5000, [0, 0.5, 1])).to.deep.equal([
      -Number.MAX_VALUE,
      1,
      Number.MAX_VALUE,
    ]);
  });

  it('interpolates linearly between order statistics', () => {
    const values = Float64Array.from([40, 10, 30, 20]);
    expect(quantiles(values, 0, 4, [0, 0.5, 0.75, 1])).to.deep.equal([10, 25, 32.5, 40]);
  });

  it('gives NaN for an empty segment and the value itself for one value', () => {
    expect(quantiles(new Float64Array(3), 1, 1, [0.5])).to.deep.equal([Number.NaN]);
    expect(quantiles(Float64Array.from([1, 7, 2]), 1, 2, [0, 0.3, 1])).to.deep.equal([7, 7, 7]);
  });
});
