/** Flat tables up to this size are kept between queries instead of being allocated each time. */
const KEPT_SLOTS = 1 << 20;

/**
 * A reusable zeroed table from group keys to group numbers, so that frequent queries do not
 * allocate (and make the collector reclaim) a fresh table each time.
 */
export class SlotTable {
  private table = new Int32Array(0);

  /** A zeroed table of at least `space` entries; hand it back with {@link SlotTable.release}. */
  take(space: number): Int32Array {
    if (space > KEPT_SLOTS) return new Int32Array(space);
    if (this.table.length < space) this.table = new Int32Array(Math.max(space, 1024));
    return this.table;
  }

  /** Zeroes the entries `keys` used, so the table is ready for the next query. */
  release(table: Int32Array, keys: readonly number[]): void {
    if (table !== this.table) return;
    for (const key of keys) table[key] = 0;
  }
}
