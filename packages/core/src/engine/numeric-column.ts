/** The typed arrays a {@link NumericColumn} stores its values in. */
export type NumericArray = Int8Array | Int16Array | Int32Array | Float64Array;

/** The storage kinds, narrowest first. */
export type NumericKind = 'int8' | 'int16' | 'int32' | 'float64';

const KINDS: readonly {
  kind: NumericKind;
  create: new (length: number) => NumericArray;
  /** The null marker; the kind holds the integers in (sentinel, -sentinel). */
  sentinel: number;
}[] = [
  { kind: 'int8', create: Int8Array, sentinel: -0x80 },
  { kind: 'int16', create: Int16Array, sentinel: -0x8000 },
  { kind: 'int32', create: Int32Array, sentinel: -0x80000000 },
  { kind: 'float64', create: Float64Array, sentinel: Number.NaN },
];

/**
 * A numeric column that stores integers in the narrowest typed array that holds every value so
 * far and widens (exactly) when a value does not fit: `Int8Array` → `Int16Array` →
 * `Int32Array` → `Float64Array`. Fractions, `-0` and large values go to `Float64Array`.
 * Nulls are the array's `sentinel` (the smallest integer of the kind, or `NaN`), so a reader
 * tests `value === sentinel || value !== value`.
 */
export class NumericColumn {
  /** The values; replaced by a wider array when a value does not fit. */
  data: NumericArray;
  /** The value that marks a null in {@link data}. */
  sentinel: number;
  private level: number;

  constructor(capacity: number, kind: NumericKind = 'int8') {
    // A double first, so the field never changes representation when a column widens to
    // floats (which would throw away optimised code reading it).
    this.sentinel = Number.NaN;
    this.level = KINDS.findIndex((entry) => entry.kind === kind);
    const entry = KINDS[this.level];
    this.data = new entry.create(capacity);
    this.sentinel = entry.sentinel;
  }

  /** The current storage kind. */
  get kind(): NumericKind {
    return KINDS[this.level].kind;
  }

  /**
   * Stores `value` at `row`: a finite number, or `undefined`/`null` for null. Returns `false`,
   * and stores nothing, for any other value, so the caller can report it.
   */
  write(row: number, value: unknown): boolean {
    // Small on purpose, so the optimising compiler inlines it and numbers stay unboxed.
    if (
      typeof value === 'number' &&
      (this.level === 3 ? value - value === 0 : fitsLevel(value, this.level))
    ) {
      this.data[row] = value;
      return true;
    }
    return this.writeOther(row, value);
  }

  /** The value at `row`, `null` when absent. */
  get(row: number): number | null {
    const value = this.data[row];
    return value === this.sentinel || value !== value ? null : value;
  }

  /** Copies the values into an array of `capacity` rows. */
  grow(capacity: number): void {
    const data = new KINDS[this.level].create(capacity);
    data.set(this.data.subarray(0, Math.min(this.data.length, capacity)));
    this.data = data;
  }

  private writeOther(row: number, value: unknown): boolean {
    if (value === undefined || value === null) {
      this.data[row] = this.sentinel;
      return true;
    }
    if (typeof value !== 'number' || value - value !== 0) return false;
    this.widenFor(value, row);
    this.data[row] = value;
    return true;
  }

  /** Moves to the narrowest kind holding `value`, copying rows `[0, filled)`. */
  private widenFor(value: number, filled: number): void {
    let level = this.level;
    do level += 1;
    while (level < 3 && !fitsLevel(value, level));
    const entry = KINDS[level];
    const old = this.data;
    const oldSentinel = this.sentinel;
    const data = new entry.create(old.length);
    for (let row = 0; row < filled; row += 1) {
      const stored = old[row];
      data[row] = stored === oldSentinel ? entry.sentinel : stored;
    }
    this.data = data;
    this.sentinel = entry.sentinel;
    this.level = level;
  }
}

/** Whether an integer kind holds `value` exactly; `-0` would come back as `0`, so it does not. */
function fitsLevel(value: number, level: number): boolean {
  const sentinel = KINDS[level].sentinel;
  return (
    (value | 0) === value && value > sentinel && value < -sentinel && (value !== 0 || 1 / value > 0)
  );
}
