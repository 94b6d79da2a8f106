/** Orders two rows: negative when `a` comes first. Must be a total order. */
export type RowComparator = (a: number, b: number) => number;

/** Below this share of all rows, a page is picked with a bounded heap instead of a full sort. */
const HEAP_SHARE = 0.25;

/**
 * The first `end` of `rows[0..length)` in `compare` order. A short page (a leaderboard page, a
 * table's first screen) is found with a bounded max-heap in O(n log end); a long one by
 * sorting everything.
 */
export function firstRows(
  rows: Int32Array,
  length: number,
  compare: RowComparator,
  end: number,
): Int32Array {
  if (end <= 0) return new Int32Array(0);
  if (end >= length * HEAP_SHARE) {
    const all = rows.slice(0, length);
    all.sort(compare);
    return all.subarray(0, Math.min(end, length));
  }
  // A max-heap of the best `end` rows so far: the root is the worst of them.
  const heap = new Int32Array(end);
  let size = 0;
  for (let index = 0; index < length; index += 1) {
    const row = rows[index];
    if (size < end) {
      heap[size] = row;
      size += 1;
      siftUp(heap, size - 1, compare);
    } else if (compare(row, heap[0]) < 0) {
      heap[0] = row;
      siftDown(heap, size, compare);
    }
  }
  return heap.sort(compare);
}

function siftUp(heap: Int32Array, position: number, compare: RowComparator): void {
  let child = position;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    if (compare(heap[child], heap[parent]) <= 0) return;
    const row = heap[child];
    heap[child] = heap[parent];
    heap[parent] = row;
    child = parent;
  }
}

function siftDown(heap: Int32Array, size: number, compare: RowComparator): void {
  let parent = 0;
  for (;;) {
    const left = parent * 2 + 1;
    if (left >= size) return;
    const right = left + 1;
    const larger = right < size && compare(heap[right], heap[left]) > 0 ? right : left;
    if (compare(heap[larger], heap[parent]) <= 0) return;
    const row = heap[larger];
    heap[larger] = heap[parent];
    heap[parent] = row;
    parent = larger;
  }
}

/**
 * The first `end` rows when the leading sort key is the timestamp: `rows` is already in time
 * order, so only runs of equal timestamps need sorting (by `compareWithin`), and only the runs
 * that reach the page.
 */
export function firstRowsByTime(
  rows: Int32Array,
  length: number,
  timestamps: Float64Array,
  descending: boolean,
  compareWithin: RowComparator,
  end: number,
): Int32Array {
  const count = Math.min(end, length);
  const result = new Int32Array(Math.max(count, 0));
  let filled = 0;
  let position = descending ? length - 1 : 0;
  const step = descending ? -1 : 1;
  while (filled < count) {
    const timestamp = timestamps[rows[position]];
    let runEnd = position;
    while (
      runEnd + step >= 0 &&
      runEnd + step < length &&
      timestamps[rows[runEnd + step]] === timestamp
    ) {
      runEnd += step;
    }
    const from = Math.min(position, runEnd);
    const run = rows.slice(from, Math.max(position, runEnd) + 1);
    if (run.length > 1) run.sort(compareWithin);
    const take = Math.min(run.length, count - filled);
    result.set(run.subarray(0, take), filled);
    filled += take;
    position = runEnd + step;
  }
  return result;
}
