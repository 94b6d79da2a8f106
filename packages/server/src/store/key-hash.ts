/**
 * A 53-bit hash of an event's `(tenant, id)`, stored beside the event and kept in memory to
 * find duplicates without searching the table. It is defined here (two 32-bit multiply-xorshift
 * lanes over UTF-16 code units, the tenant's length first so that no two pairs share an input),
 * not taken from DuckDB, so that stored values stay valid across DuckDB versions. Equal hashes
 * are only candidates: the store confirms them against the stored ids.
 *
 * @example
 * ```ts
 * keyHash('acme', '0190c6f2-...'); // an integer in [0, 2 ** 53)
 * ```
 */
export function keyHash(tenant: string, id: string): number {
  let h1 = 0x9e3779b9 ^ tenant.length;
  let h2 = 0x85ebca6b ^ tenant.length;
  for (let index = 0; index < tenant.length; index += 1) {
    const code = tenant.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 0x85ebca77);
    h2 = Math.imul(h2 ^ code, 0xc2b2ae3d);
  }
  h1 = Math.imul(h1 ^ 0xffff, 0x85ebca77);
  h2 = Math.imul(h2 ^ 0xffff, 0xc2b2ae3d);
  for (let index = 0; index < id.length; index += 1) {
    const code = id.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 0x85ebca77);
    h2 = Math.imul(h2 ^ code, 0xc2b2ae3d);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) ^ Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b) ^ Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  h1 ^= h1 >>> 15;
  h2 ^= h2 >>> 15;
  return (h2 & 0x1fffff) * 0x100000000 + (h1 >>> 0);
}
