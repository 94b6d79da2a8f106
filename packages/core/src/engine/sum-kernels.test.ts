import { expect } from 'chai';
import { rows, single, integers, floats } from './__fixtures__/kernel-rows.js';
import type { NumericData } from './measure-rows.js';
import { extremeValues, sumValues } from './sum-kernels.js';

describe('sum kernels', () => {
  it('sums integer and float columns, skipping nulls, in row order', () => {
    expect(sumValues(rows, integers, 2)).to.deep.equal({
      sums: Float64Array.from([2, 11]),
      counts: Float64Array.from([1, 2]),
    });
    expect(sumValues(single, integers, 1)).to.deep.equal({
      sums: Float64Array.from([13]),
      counts: Float64Array.from([3]),
    });
    expect(sumValues(rows, floats, 2)).to.deep.equal({
      sums: Float64Array.from([2, 0.5 + 1.25 + 0.25]),
      counts: Float64Array.from([1, 3]),
    });
    expect(sumValues(single, floats, 1).sums[0]).to.equal(2 + 0.5 + 1.25 + 0.25);
  });
  it('finds extremes per group, NaN for a group without values', () => {
    expect(Array.from(extremeValues(rows, integers, 2, false))).to.deep.equal([2, 4]);
    expect(Array.from(extremeValues(rows, integers, 2, true))).to.deep.equal([2, 7]);
    const gaps: NumericData = {
      data: Int8Array.from([-128, -128, 0, -128, 1, -128]),
      sentinel: -128,
    };
    expect(Array.from(extremeValues(rows, gaps, 2, true))).to.deep.equal([Number.NaN, 1]);
    expect(Array.from(extremeValues(rows, floats, 2, false))).to.deep.equal([2, 0.25]);
    expect(Array.from(extremeValues(single, floats, 1, true))).to.deep.equal([2]);
  });
});
