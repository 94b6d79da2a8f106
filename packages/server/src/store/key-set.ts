/** Keep the table at most this full; linear probing stays short below it. */
const MAX_LOAD = 0.7;

/**
 * A set of 53-bit key hashes (see `keyHash`) in one open-addressing `Float64Array` with linear
 * probing: 8 bytes a slot, about 11 bytes an event, far less than a `Set` of strings. It answers
 * "certainly new" for almost every event, so the store only asks the database about the few
 * whose hash it has seen.
 */
export class KeySet {
  private slots: Float64Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.slots = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  /** The number of distinct hashes held. */
  get size(): number {
    return this.count;
  }

  /** Whether `hash` has been added. */
  has(hash: number): boolean {
    const stored = hash + 1;
    const slots = this.slots;
    let slot = (hash >>> 0) & this.mask;
    for (;;) {
      const value = slots[slot];
      if (value === 0) return false;
      if (value === stored) return true;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds `hash` (an integer in [0, 2 ** 53)). */
  add(hash: number): void {
    if ((this.count + 1) / this.slots.length > MAX_LOAD) this.grow();
    if (this.insert(this.slots, this.mask, hash + 1)) this.count += 1;
  }

  private insert(slots: Float64Array, mask: number, stored: number): boolean {
    let slot = ((stored - 1) >>> 0) & mask;
    for (;;) {
      const value = slots[slot];
      if (value === 0) {
        slots[slot] = stored;
        return true;
      }
      if (value === stored) return false;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Float64Array(old.length * 2);
    const mask = slots.length - 1;
    for (let index = 0; index < old.length; index += 1) {
      if (old[index] !== 0) this.insert(slots, mask, old[index]);
    }
    this.slots = slots;
    this.mask = mask;
  }
}
