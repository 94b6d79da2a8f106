/** Where a client is, as far as the server can tell. */
export interface GeoLocation {
  /** ISO 3166-1 alpha-2 code, e.g. `DE`. */
  country?: string;
  /** Region or subdivision, e.g. `BY` or `Bavaria`. */
  region?: string;
  city?: string;
}

/**
 * Finds the location of an IP address; `undefined` when unknown. Plug in any source: a MaxMind
 * database (see `createMaxMindLookup`), a cache in front of a web service, a fixed answer in
 * tests.
 */
export type GeoLookup = (ip: string) => GeoLocation | undefined | Promise<GeoLocation | undefined>;
