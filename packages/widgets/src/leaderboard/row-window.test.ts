import { expect } from '@open-wc/testing';
import { indexAt, visibleWindow, type RowLayout } from './row-window.js';

function layout(count: number, expanded: number[] = []): RowLayout {
  return {
    count,
    height: count * 50 + expanded.length * 200,
    rowHeight: 50,
    detailHeight: 200,
    expanded,
    top: (index) => index * 50 + expanded.filter((open) => open < index).length * 200,
  };
}

describe('row window', () => {
  it('finds the rows overlapping the viewport, with overscan', () => {
    expect(visibleWindow(layout(10_000), 50 * 5000, 500, 5)).to.deep.equal({
      start: 4995,
      end: 5016,
    });
    expect(visibleWindow(layout(3), 0, 500, 5)).to.deep.equal({ start: 0, end: 3 });
  });

  it('accounts for expanded rows above the scroll position', () => {
    const open = layout(100, [2]);
    // Row 2 spans 100–350 with its detail; row 3 starts at 350.
    expect(indexAt(open, 120)).to.equal(2);
    expect(indexAt(open, 349)).to.equal(2);
    expect(indexAt(open, 350)).to.equal(3);
    expect(indexAt(open, 450)).to.equal(5);
  });
});
