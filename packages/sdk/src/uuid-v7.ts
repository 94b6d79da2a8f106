let lastMs = -1;
let sequence = 0;

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
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  if (now > lastMs) {
    lastMs = now;
    // A random start below 2^11 leaves room to count up within the millisecond.
    sequence = bytes[6] << 3;
  } else if (++sequence > 0xfff) {
    sequence = 0;
    lastMs += 1;
  }
  let ms = lastMs;
  for (let index = 5; index >= 0; index -= 1) {
    bytes[index] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  let text = '';
  for (let index = 0; index < 16; index += 1) {
    text +=
      (index === 4 || index === 6 || index === 8 || index === 10 ? '-' : '') +
      (bytes[index] + 256).toString(16).slice(1);
  }
  return text;
}
