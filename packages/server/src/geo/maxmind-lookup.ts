import { TallyError } from '@tally/core';
import type { GeoLocation, GeoLookup } from './geo-lookup.js';

/** The parts of `@maxmind/geoip2-node`'s reader this lookup uses. */
interface MaxMindRecord {
  country?: { isoCode?: string };
  subdivisions?: { isoCode?: string; names?: { en?: string } }[];
  city?: { names?: { en?: string } };
}
interface MaxMindReader {
  metadata?: { databaseType?: string };
  city(ip: string): MaxMindRecord;
  country(ip: string): MaxMindRecord;
}
interface MaxMindModule {
  Reader?: { open(path: string): Promise<MaxMindReader> };
  default?: { Reader?: { open(path: string): Promise<MaxMindReader> } };
}

/**
 * A {@link GeoLookup} over a MaxMind database file (GeoLite2 or GeoIP2, City or Country) that
 * the operator downloads and names in the config; nothing is fetched. Needs the optional
 * package `@maxmind/geoip2-node` (`npm install @maxmind/geoip2-node`).
 *
 * @throws {TallyError} `invalid_config` when the package is missing or the file cannot be read.
 */
export async function createMaxMindLookup(database: string): Promise<GeoLookup> {
  let module: MaxMindModule;
  try {
    // A variable specifier keeps the optional package out of static resolution.
    const name = '@maxmind/geoip2-node';
    module = (await import(name)) as MaxMindModule;
  } catch (error) {
    throw new TallyError(
      'geoip.database: needs the optional package @maxmind/geoip2-node (npm install @maxmind/geoip2-node)',
      { code: 'invalid_config', field: 'geoip.database', cause: error },
    );
  }
  let reader: MaxMindReader;
  try {
    // The package is CommonJS: its exports may arrive as named exports or under `default`.
    const Reader = module.Reader ?? module.default?.Reader;
    if (Reader === undefined) throw new Error('the package has no Reader export');
    reader = await Reader.open(database);
  } catch (error) {
    throw new TallyError(
      `geoip.database: cannot open ${JSON.stringify(database)} (${(error as Error).message})`,
      { code: 'invalid_config', field: 'geoip.database', cause: error },
    );
  }
  const hasCity = (reader.metadata?.databaseType ?? '').includes('City');
  return (ip) => {
    try {
      return toLocation(hasCity ? reader.city(ip) : reader.country(ip));
    } catch {
      // Unknown and private addresses throw AddressNotFoundError: no location.
      return undefined;
    }
  };
}

function toLocation(record: MaxMindRecord): GeoLocation | undefined {
  const location: GeoLocation = {};
  const country = record.country?.isoCode;
  const subdivision = record.subdivisions?.[0];
  const region = subdivision?.isoCode ?? subdivision?.names?.en;
  const city = record.city?.names?.en;
  if (country) location.country = country;
  if (region) location.region = region;
  if (city) location.city = city;
  return Object.keys(location).length === 0 ? undefined : location;
}
