/**
 * Sends a batch as the page goes away, where only a keep-alive request survives: `sendBeacon`,
 * else `fetch` with `keepalive`. Neither can set headers, so the write key travels in the query.
 * Returns `false` when the browser refused (the keep-alive quota of 64 KiB is used up). It is
 * part of the main chunk and needs no transport: the page may close before that chunk loads.
 */
export function sendBeacon(url: string, body: string, writeKey: string): boolean {
  const target = `${url}?writeKey=${encodeURIComponent(writeKey)}`;
  try {
    const navigator = globalThis.navigator;
    if (navigator?.sendBeacon) return navigator.sendBeacon(target, body);
    fetch(target, { method: 'POST', body, keepalive: true, mode: 'no-cors' }).catch(() => {});
    return true;
  } catch {
    return false;
  }
}
