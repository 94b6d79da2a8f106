import '../__test-support__/property-seed.js';
import { expect } from 'chai';
import fc from 'fast-check';
import { ExactSum } from './exact-sum.js';

const SCALE = 2n ** 60n;

/** A double that is a multiple of 2^-60 below 2^53 in size, so sums can be checked with BigInt. */
const termArbitrary = fc
  .tuple(
    fc.integer({ min: 0, max: 60 }),
    fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }),
  )
  .map(([shift, mantissa]) => ({ shift, mantissa, value: Number(mantissa) / 2 ** shift }));

function sumOf(values: readonly number[]): number {
  const sum = new ExactSum();
  for (const value of values) sum.add(value);
  return sum.value();
}

describe('ExactSum', () => {
  it('adds nothing up to zero', () => {
    expect(new ExactSum().value()).to.equal(0);
  });

  it('rounds once, at the end', () => {
    expect(sumOf([0.1, 0.2, 0.3])).to.equal(0.6);
    expect(0.1 + 0.2 + 0.3).to.equal(0.6000000000000001);
    expect(sumOf([1e100, 1, -1e100])).to.equal(1);
    expect(sumOf([2 ** 53, 1, 1])).to.equal(2 ** 53 + 2);
  });

  it('gives the correctly rounded exact sum in any order', () => {
    fc.assert(
      fc.property(fc.array(termArbitrary, { maxLength: 40 }), (terms) => {
        const exact = terms.reduce(
          (total, term) => total + term.mantissa * 2n ** BigInt(60 - term.shift),
          0n,
        );
        // Number() of a BigInt rounds to nearest, ties to even; dividing by 2^60 is exact here.
        const expected = Number(exact) / Number(SCALE);
        const values = terms.map((term) => term.value);
        expect(sumOf(values)).to.equal(expected);
        expect(sumOf([...values].reverse())).to.equal(expected);
      }),
      { numRuns: 300 },
    );
  });
});
