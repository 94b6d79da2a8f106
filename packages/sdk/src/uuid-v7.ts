let lastMs = -1;
let sequence = 0;

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

/**
 * A UUIDv7 (RFC 9562): 48 bits of epoch milliseconds, then a 12-bit sequence that keeps ids made
 * in the same millisecond in creation order, then random bits. Sorting ids as text sorts events
 * by creation time, which is the order the durable queue delivers them in.
 *
 * @example
 * ```ts
 * uuidV7(); // '019a8c1e-5b2a-7c3d-8e4f-0123456789ab'
 * ```
 */
export function uuidV7(now = Date.now()): string {
  const [first, second, third] = crypto.getRandomValues(new Uint32Array(3));
  if (now > lastMs) {
    lastMs = now;
    // A random start below 2^11 leaves room to count up within the millisecond.
    sequence = first >>> 21;
  } else if (++sequence > 0xfff) {
    sequence = 0;
    lastMs += 1;
  }
  const time = hex(lastMs, 12);
  // Version 7, then the variant bits 10 and 62 random bits (14 + 32 + 16).
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(sequence, 3)}-${hex(
    0x8000 | (first & 0x3fff),
    4,
  )}-${hex(second, 8)}${hex(third & 0xffff, 4)}`;
}
