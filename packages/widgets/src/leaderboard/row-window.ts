/** Where the rows of a windowed list sit: fixed-height rows, some followed by a detail. */
export interface RowLayout {
  count: number;
  /** The whole list's height, px. */
  height: number;
  rowHeight: number;
  detailHeight: number;
  /** Indexes of rows followed by a detail, ascending. */
  expanded: readonly number[];
  /** The top of row `index`, px. */
  top(index: number): number;
}

/**
 * The rows to draw for a scroll position: those overlapping the viewport, plus `overscan` on
 * each side. `end` is exclusive.
 */
export function visibleWindow(
  layout: RowLayout,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): { start: number; end: number } {
  const first = indexAt(layout, Math.max(0, scrollTop));
  const last = indexAt(layout, Math.max(0, scrollTop + viewportHeight));
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(layout.count, last + 1 + overscan),
  };
}

/** The row at a vertical position. */
export function indexAt(layout: RowLayout, y: number): number {
  let extra = 0;
  for (const open of layout.expanded) {
    const top = open * layout.rowHeight + extra;
    if (y < top + layout.rowHeight) break;
    if (y < top + layout.rowHeight + layout.detailHeight) return open;
    extra += layout.detailHeight;
  }
  return Math.min(layout.count - 1, Math.max(0, Math.floor((y - extra) / layout.rowHeight)));
}
