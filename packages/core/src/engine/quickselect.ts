/**
 * Rearranges `values[from..to]` (inclusive) so that `values[k]` holds the value a full sort
 * would put there, everything before it is `<=` and everything after it is `>=`. Expected
 * O(n); Hoare partitioning around a median of three keeps runs of equal values balanced.
 * `values` must hold no NaN.
 */
export function quickselect(values: Float64Array, from: number, to: number, k: number): void {
  let left = from;
  let right = to;
  while (right - left > 16) {
    const middle = (left + right) >>> 1;
    // Order left, middle, right so the middle holds their median and the ends act as sentinels.
    if (values[middle] < values[left]) swap(values, middle, left);
    if (values[right] < values[left]) swap(values, right, left);
    if (values[right] < values[middle]) swap(values, right, middle);
    const pivot = values[middle];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i += 1;
      while (values[j] > pivot) j -= 1;
      if (i <= j) {
        swap(values, i, j);
        i += 1;
        j -= 1;
      }
    }
    // Now values[left..j] <= pivot <= values[i..right], and anything strictly between equals it.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
  // Insertion sort the short remainder.
  for (let index = left + 1; index <= right; index += 1) {
    const value = values[index];
    let position = index - 1;
    while (position >= left && values[position] > value) {
      values[position + 1] = values[position];
      position -= 1;
    }
    values[position + 1] = value;
  }
}

function swap(values: Float64Array, a: number, b: number): void {
  const value = values[a];
  values[a] = values[b];
  values[b] = value;
}
