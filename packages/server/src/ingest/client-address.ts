import { isIP } from 'node:net';
import type { NormalizedConfig } from '../config/config-types.js';

/**
 * The client's IP address: from the first configured trusted proxy header that holds a valid
 * one, else the socket's address. Headers are read only when configured, since any client can
 * send them. In a list (`X-Forwarded-For: client, proxy1`), each trusted proxy appends the
 * address it saw, so the client is the entry `hops` places from the right.
 */
export function clientAddress(
  request: Request,
  remoteAddress: string | undefined,
  proxy: NormalizedConfig['trustedProxy'],
): string | undefined {
  for (const header of proxy.ipHeaders) {
    const value = request.headers.get(header);
    if (value === null) continue;
    const entries = header === 'forwarded' ? forwardedFor(value) : value.split(',');
    const list = entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
    if (list.length === 0) continue;
    const picked = list[Math.max(0, list.length - proxy.hops)];
    const address = normalizeAddress(picked);
    if (address !== undefined) return address;
  }
  return remoteAddress === undefined ? undefined : normalizeAddress(remoteAddress);
}

/** An IP address without port, brackets or IPv4-mapped prefix, or `undefined` if invalid. */
export function normalizeAddress(text: string): string | undefined {
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed !== null) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  if (address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4) {
    address = address.slice(7);
  }
  return isIP(address) === 0 ? undefined : address.toLowerCase();
}

/** The `for=` values of an RFC 7239 `Forwarded` header, in order. */
function forwardedFor(value: string): string[] {
  const result: string[] = [];
  for (const element of value.split(',')) {
    for (const pair of element.split(';')) {
      const [name, raw] = pair.split('=', 2);
      if (name?.trim().toLowerCase() === 'for' && raw !== undefined) {
        result.push(raw.trim().replace(/^"|"$/g, ''));
      }
    }
  }
  return result;
}
