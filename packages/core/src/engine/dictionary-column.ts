/** Dictionary codes of one column; the array widens as the dictionary grows. */
export type CodeArray = Uint8Array | Uint16Array | Int32Array;

/**
 * A dictionary-encoded string column: each distinct string gets a small integer code (code 0
 * is the absent value), and rows hold codes in the narrowest typed array that fits them
 * (`Uint8Array`, then `Uint16Array`, then `Int32Array`).
 *
 * @example
 * ```ts
 * const column = new DictionaryColumn(1024);
 * column.set(0, 'gpt-4o'); // code 1
 * column.valueOf(column.codes[0]); // 'gpt-4o'
 * ```
 */
export class DictionaryColumn {
  /** The code of every row; replaced by a wider array when the dictionary outgrows it. */
  codes: CodeArray;
  /** The strings, indexed by code; `values[0]` is `null` (absent). */
  readonly values: (string | null)[] = [null];
  private readonly lookup = new Map<string, number>();
  private sortedRanks: Int32Array | null = null;
  /** The last value written and its code: neighbouring events often repeat a value. */
  private lastValue: unknown = undefined;
  private lastCode = 0;

  constructor(capacity: number) {
    this.codes = new Uint8Array(capacity);
  }

  /** The number of codes in use, absent included: the radix of this column's group keys. */
  get size(): number {
    return this.values.length;
  }

  /** The code of `value`, or `undefined` when no row has ever held it. */
  codeOf(value: string): number | undefined {
    return this.lookup.get(value);
  }

  /** The string of `code`, `null` for the absent value. */
  valueOf(code: number): string | null {
    return this.values[code];
  }

  /**
   * Stores `value` at `row`: a string, or `undefined`/`null` for absent. Returns `false`, and
   * stores nothing, for any other value, so the caller can report it.
   */
  write(row: number, value: unknown): boolean {
    if (value === this.lastValue) {
      this.codes[row] = this.lastCode;
      return true;
    }
    if (typeof value === 'string') {
      const code = this.lookup.get(value) ?? this.add(value);
      this.lastValue = value;
      this.lastCode = code;
      this.codes[row] = code;
      return true;
    }
    if (value !== undefined && value !== null) return false;
    this.codes[row] = 0;
    return true;
  }

  /**
   * Stores `count` rows from `start` given already dictionary-encoded: row `i` holds
   * `values[codes[i]]`, each value a string, `null` or `undefined` (absent). Each distinct
   * value is looked up once, then rows copy translated codes, so no string is hashed per row.
   * Returns the index of the first code that is not an index of `values`, or -1.
   */
  writeEncoded(
    start: number,
    count: number,
    codes: ArrayLike<number>,
    values: ArrayLike<string | null | undefined>,
  ): number {
    const translated = new Int32Array(values.length);
    for (let code = 0; code < values.length; code += 1) {
      const value = values[code];
      if (typeof value === 'string') translated[code] = this.lookup.get(value) ?? this.add(value);
    }
    return translateCodes(this.codes, start, count, codes, translated);
  }

  /** Copies the codes into an array of `capacity` rows. */
  grow(capacity: number): void {
    const codes = new (this.codes.constructor as new (length: number) => CodeArray)(capacity);
    codes.set(this.codes.subarray(0, Math.min(this.codes.length, capacity)));
    this.codes = codes;
  }

  /**
   * The rank of every code when the strings are sorted by UTF-16 code units (as `<` compares
   * them), for sorting rows by this column. The absent code ranks after every string.
   */
  ranks(): Int32Array {
    if (this.sortedRanks !== null && this.sortedRanks.length === this.values.length) {
      return this.sortedRanks;
    }
    const codes = new Int32Array(this.values.length - 1);
    for (let index = 0; index < codes.length; index += 1) codes[index] = index + 1;
    const values = this.values as string[];
    codes.sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0));
    const ranks = new Int32Array(this.values.length);
    for (let index = 0; index < codes.length; index += 1) ranks[codes[index]] = index;
    ranks[0] = codes.length;
    this.sortedRanks = ranks;
    return ranks;
  }

  private add(value: string): number {
    const code = this.values.length;
    this.values.push(value);
    this.lookup.set(value, code);
    if (code === 0x100) this.widen(Uint16Array);
    else if (code === 0x10000) this.widen(Int32Array);
    return code;
  }

  private widen(kind: new (length: number) => CodeArray): void {
    const codes = new kind(this.codes.length);
    codes.set(this.codes);
    this.codes = codes;
  }
}

/** Writes `translated[codes[i]]` to `target[start + i]`; returns the first code out of range, or -1. */
function translateCodes(
  target: CodeArray,
  start: number,
  count: number,
  codes: ArrayLike<number>,
  translated: Int32Array,
): number {
  const limit = translated.length;
  for (let index = 0; index < count; index += 1) {
    const code = codes[index];
    if (!(code >= 0 && code < limit && code === (code | 0))) return index;
    target[start + index] = translated[code];
  }
  return -1;
}
