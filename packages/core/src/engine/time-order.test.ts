import { expect } from 'chai';
import { TimeOrder } from './time-order.js';

function orderOf(timestamps: number[], batches: number[]): number[] {
  const times = new Float64Array(timestamps);
  const order = new TimeOrder(timestamps.length);
  let start = 0;
  for (const size of batches) {
    order.appended(times, start, start + size);
    start += size;
  }
  order.update(times, timestamps.length);
  expect(order.isCurrent(timestamps.length)).to.equal(true);
  return Array.from(order.order.subarray(0, timestamps.length));
}

describe('TimeOrder', () => {
  it('keeps rows appended in time order as they are', () => {
    expect(orderOf([1, 2, 2, 5], [2, 2])).to.deep.equal([0, 1, 2, 3]);
  });

  it('merges late rows in, equal timestamps in append order', () => {
    expect(orderOf([5, 6, 1, 5, 9, 0], [2, 2, 2])).to.deep.equal([5, 2, 0, 3, 1, 4]);
    expect(orderOf([3, 3, 3, 1, 3], [1, 1, 1, 1, 1])).to.deep.equal([3, 0, 1, 2, 4]);
  });

  it('finds the first position at or after a time', () => {
    const times = new Float64Array([10, 20, 20, 30]);
    const order = new TimeOrder(4);
    order.appended(times, 0, 4);
    expect([5, 10, 15, 20, 21, 30, 31].map((at) => order.lowerBound(times, 4, at))).to.deep.equal([
      0, 0, 1, 1, 3, 3, 4,
    ]);
  });

  it('knows when rows are waiting to be merged', () => {
    const times = new Float64Array([2, 1]);
    const order = new TimeOrder(2);
    order.appended(times, 0, 2);
    expect(order.isCurrent(2)).to.equal(false);
    order.update(times, 2);
    expect(Array.from(order.order)).to.deep.equal([1, 0]);
  });
});
