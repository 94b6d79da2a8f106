import { expect } from 'chai';
import { rows, single, codes } from './__fixtures__/kernel-rows.js';
import { countMatching, countPresentCodes, countRows } from './count-kernels.js';

describe('count kernels', () => {
  it('counts rows per group', () => {
    expect(Array.from(countRows(rows, 2))).to.deep.equal([2, 3]);
    expect(Array.from(countRows(single, 1))).to.deep.equal([5]);
  });
  it('counts present codes and rows passing a mask', () => {
    expect(Array.from(countPresentCodes(rows, codes, 2))).to.deep.equal([1, 3]);
    expect(Array.from(countPresentCodes(single, codes, 1))).to.deep.equal([4]);
    const filter = { codes, mask: Uint8Array.from([1, 0, 1]) };
    expect(Array.from(countMatching(rows, filter, 2))).to.deep.equal([1, 2]);
    expect(Array.from(countMatching(single, filter, 1))).to.deep.equal([3]);
  });
});
