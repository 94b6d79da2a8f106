/**
 * The rows of a table in time order (timestamp, then append order), kept as a permutation.
 * Rows appended in time order extend it directly; rows that arrive out of order wait until
 * {@link TimeOrder.update} merges them in, so a burst of late events costs one sort and one
 * merge rather than one per event.
 */
export class TimeOrder {
  /** Row indices; `order[0..orderedCount)` are rows `0..orderedCount` in time order. */
  order: Int32Array;
  private orderedCount = 0;
  private lastTimestamp = Number.NEGATIVE_INFINITY;

  constructor(capacity: number) {
    this.order = new Int32Array(capacity);
  }

  /** Whether every appended row is in {@link order}. */
  isCurrent(rowCount: number): boolean {
    return this.orderedCount === rowCount;
  }

  /**
   * Takes in rows `[from, to)` just appended: they extend the order while they are in time
   * order and nothing is pending before them; the rest wait for {@link TimeOrder.update}.
   */
  appended(timestamps: Float64Array, from: number, to: number): void {
    if (this.orderedCount !== from) return;
    const order = this.order;
    let last = this.lastTimestamp;
    let row = from;
    while (row < to && timestamps[row] >= last) {
      last = timestamps[row];
      order[row] = row;
      row += 1;
    }
    this.orderedCount = row;
    this.lastTimestamp = last;
  }

  /** Merges the pending rows `[orderedCount, rowCount)` into the order. */
  update(timestamps: Float64Array, rowCount: number): void {
    const first = this.orderedCount;
    if (first === rowCount) return;
    const pending = new Int32Array(rowCount - first);
    let sorted = true;
    for (let index = 0; index < pending.length; index += 1) {
      pending[index] = first + index;
      if (index > 0 && timestamps[first + index] < timestamps[first + index - 1]) sorted = false;
    }
    if (!sorted) pending.sort((a, b) => timestamps[a] - timestamps[b] || a - b);
    const order = this.order;
    // Merge from the end, in place: on equal timestamps the pending row (appended later) goes last.
    let left = first - 1;
    let right = pending.length - 1;
    let target = rowCount - 1;
    while (right >= 0) {
      if (left >= 0 && timestamps[order[left]] > timestamps[pending[right]]) {
        order[target] = order[left];
        left -= 1;
      } else {
        order[target] = pending[right];
        right -= 1;
      }
      target -= 1;
    }
    this.orderedCount = rowCount;
    this.lastTimestamp = timestamps[order[rowCount - 1]];
  }

  /** The first position whose timestamp is at or after `value` (time order must be current). */
  lowerBound(timestamps: Float64Array, rowCount: number, value: number): number {
    const order = this.order;
    let low = 0;
    let high = rowCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (timestamps[order[middle]] < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Copies the order into an array of `capacity` rows. */
  grow(capacity: number): void {
    const order = new Int32Array(capacity);
    order.set(this.order.subarray(0, Math.min(this.order.length, capacity)));
    this.order = order;
  }
}
