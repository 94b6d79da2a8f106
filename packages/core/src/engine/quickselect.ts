/** Above this many values, selection first narrows the range around `k` on a sample. */
const SAMPLE_THRESHOLD = 600;

/**
 * Rearranges `values[from..to]` (inclusive) so that `values[k]` holds the value a full sort
 * would put there, everything before it is `<=` and everything after it is `>=`. This is
 * Floyd and Rivest's SELECT: on large ranges it first recurses on a small window expected to
 * hold the k-th value, so the final partition starts with a pivot very close to it and the
 * whole takes about n + min(k, n - k) comparisons. `values` must hold no NaN.
 */
export function quickselect(values: Float64Array, from: number, to: number, k: number): void {
  let left = from;
  let right = to;
  while (right > left) {
    if (right - left > SAMPLE_THRESHOLD) {
      const count = right - left + 1;
      const rank = k - left + 1;
      const logCount = Math.log(count);
      const sampleSize = 0.5 * Math.exp((2 * logCount) / 3);
      const spread =
        0.5 *
        Math.sqrt((logCount * sampleSize * (count - sampleSize)) / count) *
        (rank < count / 2 ? -1 : 1);
      const windowLeft = Math.max(left, Math.floor(k - (rank * sampleSize) / count + spread));
      const windowRight = Math.min(
        right,
        Math.floor(k + ((count - rank) * sampleSize) / count + spread),
      );
      quickselect(values, windowLeft, windowRight, k);
    }
    // Partition around values[k], keeping the pivot at an end so it can be put in place.
    const pivot = values[k];
    let i = left;
    let j = right;
    swap(values, left, k);
    if (values[right] > pivot) swap(values, left, right);
    while (i < j) {
      swap(values, i, j);
      i += 1;
      j -= 1;
      while (values[i] < pivot) i += 1;
      while (values[j] > pivot) j -= 1;
    }
    if (values[left] === pivot) {
      swap(values, left, j);
    } else {
      j += 1;
      swap(values, j, right);
    }
    // values[j] is now the pivot in its final place.
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(values: Float64Array, a: number, b: number): void {
  const value = values[a];
  values[a] = values[b];
  values[b] = value;
}
