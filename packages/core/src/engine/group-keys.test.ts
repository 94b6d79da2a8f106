import { expect } from 'chai';
import { groupRows } from './group-keys.js';
import type { GroupingPlan } from './group-keys.js';

function dimension(codes: number[], radix: number): GroupingPlan {
  return { kind: 'dimension', codes: Int32Array.from(codes), radix };
}

describe('groupRows', () => {
  it('numbers groups by first appearance and decodes their keys', () => {
    const rows = Int32Array.from([0, 1, 2, 3, 4]);
    const grouped = groupRows(
      rows,
      5,
      [dimension([1, 2, 1, 0, 2], 3), dimension([1, 1, 1, 1, 2], 3)],
      new Int32Array(5),
    );
    expect(Array.from(grouped.groups)).to.deep.equal([0, 1, 0, 2, 3]);
    expect(grouped.keys).to.deep.equal([
      [1, 1],
      [2, 1],
      [0, 1],
      [2, 2],
    ]);
  });

  it('drops rows before the first boundary and buckets the rest', () => {
    const timestamps = new Float64Array([5, 10, 15, 20, 99]);
    const grouped = groupRows(
      Int32Array.from([0, 1, 2, 3, 4]),
      5,
      [{ kind: 'time', timestamps, boundaries: Float64Array.from([10, 20, 20, 50]) }],
      new Int32Array(5),
    );
    expect(grouped.length).to.equal(4);
    expect(Array.from(grouped.rows)).to.deep.equal([1, 2, 3, 4]);
    // Equal boundaries: the later one holds the events.
    expect(grouped.keys).to.deep.equal([[0], [2], [3]]);
    expect(Array.from(grouped.groups.subarray(0, 4))).to.deep.equal([0, 0, 1, 2]);
  });

  it('counts the rows of each time bucket, over long runs and empty buckets', () => {
    // 1,000 rows at 0..999; buckets [0,300) [300,300) [300,301) [301,900) [900,∞).
    const timestamps = Float64Array.from({ length: 1000 }, (_, index) => index);
    const rows = Int32Array.from({ length: 1000 }, (_, index) => index);
    const grouped = groupRows(
      rows,
      1000,
      [{ kind: 'time', timestamps, boundaries: Float64Array.from([0, 300, 300, 301, 900]) }],
      new Int32Array(1000),
    );
    expect(grouped.keys).to.deep.equal([[0], [2], [3], [4]]);
    expect(grouped.sizes).to.deep.equal([300, 1, 599, 100]);
    const groups = Array.from(grouped.groups);
    expect(groups.slice(298, 303)).to.deep.equal([0, 0, 1, 2, 2]);
    expect(groups.slice(899, 901)).to.deep.equal([2, 3]);
    expect(groups.filter((group) => group === 2)).to.have.length(599);
  });

  it('finds no groups without boundaries', () => {
    const grouped = groupRows(
      Int32Array.from([0]),
      1,
      [{ kind: 'time', timestamps: new Float64Array([1]), boundaries: new Float64Array(0) }],
      new Int32Array(1),
    );
    expect(grouped.count).to.equal(0);
  });

  it('keeps keys exact when the key space is beyond exact doubles', () => {
    const huge = 2 ** 30;
    // Three groupings of 2^30 codes each: 2^90 keys, more than a double holds exactly.
    const rowKeys = [
      [huge - 1, 3, huge - 1],
      [7, huge - 1, 7],
      [huge - 1, 3, huge - 2],
      [huge - 1, 3, huge - 1],
    ];
    const plans = [0, 1, 2].map((grouping) =>
      dimension(
        rowKeys.map((key) => key[grouping]),
        huge,
      ),
    );
    const grouped = groupRows(Int32Array.from([0, 1, 2, 3]), 4, plans, new Int32Array(4));
    expect(Array.from(grouped.groups)).to.deep.equal([0, 1, 2, 0]);
    expect(grouped.keys).to.deep.equal(rowKeys.slice(0, 3));
  });

  it('combines any number of groupings, time included', () => {
    const timestamps = new Float64Array([1, 2, 3, 4]);
    const time: GroupingPlan = {
      kind: 'time',
      timestamps,
      boundaries: Float64Array.from([0, 3]),
    };
    const plans = [dimension([1, 1, 1, 1], 2), time, dimension([0, 1, 0, 0], 2), time];
    const grouped = groupRows(Int32Array.from([0, 1, 2, 3]), 4, plans, new Int32Array(4));
    expect(Array.from(grouped.groups)).to.deep.equal([0, 1, 2, 2]);
    expect(grouped.keys).to.deep.equal([
      [1, 0, 0, 0],
      [1, 0, 1, 0],
      [1, 1, 0, 1],
    ]);
  });

  it('makes one group of all rows without groupings', () => {
    const grouped = groupRows(Int32Array.from([4, 2]), 2, [], new Int32Array(2).fill(9));
    expect(grouped.count).to.equal(1);
    expect(grouped.keys).to.deep.equal([[]]);
    expect(Array.from(grouped.groups)).to.deep.equal([0, 0]);
  });
});
