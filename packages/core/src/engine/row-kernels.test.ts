import { expect } from 'chai';
import { rows, single, integers, floats } from './__fixtures__/kernel-rows.js';
import { groupQuantiles, lastRows } from './row-kernels.js';

describe('row kernels', () => {
  it('finds the last row of each group', () => {
    expect(Array.from(lastRows(rows, 2))).to.deep.equal([3, 4]);
    expect(Array.from(lastRows(single, 1))).to.deep.equal([4]);
    expect(Array.from(lastRows({ ...single, length: 0 }, 1))).to.deep.equal([-1]);
  });
  it('computes quantiles per group over the non-null values', () => {
    const [median, top] = groupQuantiles(rows, floats, 2, [0.5, 1]);
    expect(Array.from(median)).to.deep.equal([2, 0.5]);
    expect(Array.from(top)).to.deep.equal([2, 1.25]);
    const [overall] = groupQuantiles(single, integers, 1, [0.5]);
    // Rows 0, 3 and 4 hold 4, 2 and 7 (row 2's 99 is not selected): the median is 4.
    expect(Array.from(overall)).to.deep.equal([4]);
    const [none] = groupQuantiles(
      rows,
      { data: new Float64Array(6).fill(Number.NaN), sentinel: Number.NaN },
      2,
      [0.5],
    );
    expect(Array.from(none)).to.deep.equal([Number.NaN, Number.NaN]);
  });
});
