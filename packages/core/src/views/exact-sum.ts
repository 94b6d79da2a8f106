/**
 * A floating-point sum that does not depend on the order of its terms: it keeps the running
 * total as non-overlapping partials (Shewchuk's algorithm, as in Python's `math.fsum`) and
 * rounds once at the end. Views add up engines' per-group subtotals, which arrive in no
 * particular order; this makes every engine's answer come out to the same bits. While every
 * term adds exactly (integers, halves), it is one number and allocates nothing.
 *
 * @example
 * ```ts
 * const sum = new ExactSum();
 * for (const value of [0.1, 0.2, 0.3]) sum.add(value);
 * sum.value(); // 0.6 (plain `+` gives 0.6000000000000001)
 * ```
 */
export class ExactSum {
  private high = 0;
  /** Smaller partials, once an addition was inexact; `high` is then the largest partial. */
  private partials: number[] | null = null;

  /** Adds one finite term. */
  add(term: number): void {
    if (this.partials === null) {
      const high = this.high + term;
      const low = twoSumError(this.high, term, high);
      if (low === 0) {
        this.high = high;
        return;
      }
      this.partials = [];
    }
    const partials = this.partials;
    partials.push(this.high);
    let x = term;
    let kept = 0;
    for (let index = 0; index < partials.length; index += 1) {
      let y = partials[index];
      if (Math.abs(x) < Math.abs(y)) {
        const swap = x;
        x = y;
        y = swap;
      }
      const high = x + y;
      const low = y - (high - x);
      if (low !== 0) partials[kept++] = low;
      x = high;
    }
    partials.length = kept;
    this.high = x;
  }

  /** The exact sum of the terms so far, correctly rounded. */
  value(): number {
    const partials = this.partials;
    if (partials === null) return this.high;
    let index = partials.length;
    let high = this.high;
    let low = 0;
    while (index > 0) {
      const x = high;
      const y = partials[--index];
      high = x + y;
      low = y - (high - x);
      if (low !== 0) break;
    }
    // Round half to even when the remaining partials push the halfway case one way.
    if (
      index > 0 &&
      ((low < 0 && partials[index - 1] < 0) || (low > 0 && partials[index - 1] > 0))
    ) {
      const y = low * 2;
      const x = high + y;
      if (y === x - high) high = x;
    }
    return high;
  }
}

/** The rounding error of `a + b = sum` (Knuth's TwoSum): exact, whatever the magnitudes. */
function twoSumError(a: number, b: number, sum: number): number {
  const bVirtual = sum - a;
  const aVirtual = sum - bVirtual;
  return a - aVirtual + (b - bVirtual);
}
