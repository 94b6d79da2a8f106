const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The value of each ASCII lowercase hex digit, -1 for any other character. */
const HEX_VALUES = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 16; digit += 1)
  HEX_VALUES['0123456789abcdef'.charCodeAt(digit)] = digit;

/** Where each byte's two hex digits start in a canonical UUID string. */
const BYTE_POSITIONS = Int8Array.from([0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]);

/**
 * Event ids stored compactly: a canonical lowercase UUID (what the SDK sends) takes 16 bytes;
 * any other id is kept as its string. Lowercase hex orders like its bytes, so UUIDs compare
 * without being turned back into strings.
 */
export class IdColumn {
  private bytes: Uint8Array;
  /** 1 when the row's id is stored as UUID bytes. */
  private compact: Uint8Array;
  private readonly others = new Map<number, string>();

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity * 16);
    this.compact = new Uint8Array(capacity);
  }

  /** Stores `id` at `row`. */
  set(row: number, id: string): void {
    if (id.length === 36 && this.parseUuid(row, id)) {
      this.compact[row] = 1;
      // Most tables never hold a non-UUID id; skip the map lookup then.
      if (this.others.size > 0) this.others.delete(row);
      return;
    }
    this.compact[row] = 0;
    this.others.set(row, id);
  }

  /** The id at `row`. */
  get(row: number): string {
    if (this.compact[row] === 0) return this.others.get(row) ?? '';
    const bytes = this.bytes;
    const base = row * 16;
    let text = '';
    for (let index = 0; index < 16; index += 1) {
      if (index === 4 || index === 6 || index === 8 || index === 10) text += '-';
      text += HEX[bytes[base + index]];
    }
    return text;
  }

  /** Orders the ids of two rows as `<` orders the strings. */
  compare(a: number, b: number): number {
    if (this.compact[a] === 1 && this.compact[b] === 1) {
      const bytes = this.bytes;
      const baseA = a * 16;
      const baseB = b * 16;
      for (let index = 0; index < 16; index += 1) {
        const difference = bytes[baseA + index] - bytes[baseB + index];
        if (difference !== 0) return difference;
      }
      return 0;
    }
    const idA = this.get(a);
    const idB = this.get(b);
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  }

  /** Forgets the ids of rows from `row` on (after a failed append). */
  truncate(row: number): void {
    for (const key of this.others.keys()) if (key >= row) this.others.delete(key);
  }

  /** Copies the ids into storage for `capacity` rows. */
  grow(capacity: number): void {
    const bytes = new Uint8Array(capacity * 16);
    bytes.set(this.bytes.subarray(0, Math.min(this.bytes.length, capacity * 16)));
    this.bytes = bytes;
    const compact = new Uint8Array(capacity);
    compact.set(this.compact.subarray(0, Math.min(this.compact.length, capacity)));
    this.compact = compact;
  }

  private parseUuid(row: number, id: string): boolean {
    if (
      id.charCodeAt(8) !== 45 ||
      id.charCodeAt(13) !== 45 ||
      id.charCodeAt(18) !== 45 ||
      id.charCodeAt(23) !== 45
    ) {
      return false;
    }
    const bytes = this.bytes;
    const base = row * 16;
    for (let index = 0; index < 16; index += 1) {
      const position = BYTE_POSITIONS[index];
      const highCode = id.charCodeAt(position);
      const lowCode = id.charCodeAt(position + 1);
      if ((highCode | lowCode) > 127) return false;
      const high = HEX_VALUES[highCode];
      const low = HEX_VALUES[lowCode];
      if ((high | low) < 0) return false;
      bytes[base + index] = (high << 4) | low;
    }
    return true;
  }
}
