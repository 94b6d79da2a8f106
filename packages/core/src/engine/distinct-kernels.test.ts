import { expect } from 'chai';
import { rows, single, codes } from './__fixtures__/kernel-rows.js';
import { countDistinctCodes } from './distinct-kernels.js';

describe('countDistinctCodes', () => {
  it('counts distinct codes with a bit set, a Set, or in place under a mask', () => {
    expect(Array.from(countDistinctCodes(rows, codes, 3, 2))).to.deep.equal([1, 2]);
    expect(Array.from(countDistinctCodes(single, codes, 3, 1))).to.deep.equal([2]);
    const filter = { codes, mask: Uint8Array.from([0, 0, 1]) };
    expect(Array.from(countDistinctCodes(single, codes, 3, 1, filter))).to.deep.equal([1]);
    expect(() => countDistinctCodes(rows, codes, 3, 2, filter)).to.throw(RangeError);
    // 2 groups × 2^27 codes: beyond the bit set.
    const wide = Int32Array.from([1 << 26, 5, 1 << 26, 0, 5, 7]);
    expect(Array.from(countDistinctCodes(rows, wide, 1 << 27, 2))).to.deep.equal([1, 2]);
  });
});
