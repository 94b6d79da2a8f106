import type { ServerContext } from '@tally/core';
import type { NormalizedConfig } from '../config/config-types.js';
import type { GeoLocation, GeoLookup } from '../geo/geo-lookup.js';
import { clientAddress } from './client-address.js';

/** Longest location value kept (the event schema's context limit). */
const MAX_LOCATION_LENGTH = 128;

/**
 * The server-side context of a request, added to each of its events: the client's IP and
 * location. Location comes from the trusted proxy's geo headers, then the GeoIP lookup for
 * what they leave out; never from the client's own claims.
 */
export async function requestLocation(
  request: Request,
  remoteAddress: string | undefined,
  config: NormalizedConfig,
  lookup: GeoLookup | undefined,
): Promise<ServerContext> {
  const context: ServerContext = {};
  const ip = clientAddress(request, remoteAddress, config.trustedProxy);
  if (ip !== undefined) context.ip = ip;
  const { geoHeaders } = config.trustedProxy;
  for (const part of ['country', 'region', 'city'] as const) {
    const header = geoHeaders[part];
    const value = header === undefined ? undefined : cleanValue(request.headers.get(header));
    if (value !== undefined) context[part] = value;
  }
  if (
    ip !== undefined &&
    lookup !== undefined &&
    !(context.country && context.region && context.city)
  ) {
    let found: GeoLocation | undefined;
    try {
      found = await lookup(ip);
    } catch {
      // A failing lookup must not cost the events: they are stored without a location.
      found = undefined;
    }
    for (const part of ['country', 'region', 'city'] as const) {
      const value = cleanValue(found?.[part]);
      if (context[part] === undefined && value !== undefined) context[part] = value;
    }
  }
  return context;
}

/**
 * A header's location value, or `undefined` for none: proxies percent-encode non-ASCII city
 * names, and send placeholders such as `XX` (unknown) for addresses they cannot place.
 */
function cleanValue(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  let text = value.trim();
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // Not percent-encoded after all: keep it as sent.
    }
  }
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, MAX_LOCATION_LENGTH);
  if (text === '' || text === 'XX' || text === 'T1') return undefined;
  return text;
}
