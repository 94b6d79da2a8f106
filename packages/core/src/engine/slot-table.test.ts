import { expect } from 'chai';
import { SlotTable } from './slot-table.js';

describe('SlotTable', () => {
  it('hands out a zeroed table and zeroes the used keys when it comes back', () => {
    const slots = new SlotTable();
    const table = slots.take(10);
    expect(table.length).to.be.at.least(10);
    table[3] = 7;
    table[9] = 2;
    slots.release(table, [3, 9]);
    const again = slots.take(20);
    expect(again).to.equal(table);
    expect(Array.from(again.subarray(0, 20)).every((slot) => slot === 0)).to.equal(true);
  });

  it('does not keep very large tables', () => {
    const slots = new SlotTable();
    const large = slots.take(2 ** 21);
    large[5] = 1;
    slots.release(large, [5]);
    expect(slots.take(2 ** 21)).to.not.equal(large);
  });
});
