import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TallyConfig } from '../config/config-types.js';
import { validateConfig } from '../config/validate-config.js';
import { testConfig } from '../__test-support__/test-config.js';
import { requestLocation } from './request-location.js';

const config = (trustedProxy: TallyConfig['trustedProxy']) =>
  validateConfig(testConfig({ trustedProxy }));
const request = (headers: Record<string, string>) => new Request('http://localhost/', { headers });

describe('requestLocation', () => {
  it('reads trusted geo headers, decoding percent-encoded city names', async () => {
    const location = await requestLocation(
      request({ 'x-vercel-ip-country': 'BR', 'x-vercel-ip-city': 'S%C3%A3o%20Paulo' }),
      '192.0.2.1',
      config({ geoHeaders: { country: 'x-vercel-ip-country', city: 'x-vercel-ip-city' } }),
      undefined,
    );
    assert.deepEqual(location, { ip: '192.0.2.1', country: 'BR', city: 'São Paulo' });
  });

  it('ignores geo headers that are not configured, and placeholder countries', async () => {
    const untrusted = await requestLocation(
      request({ 'cf-ipcountry': 'US' }),
      '192.0.2.1',
      config({}),
      undefined,
    );
    assert.deepEqual(untrusted, { ip: '192.0.2.1' });
    const unknown = await requestLocation(
      request({ 'cf-ipcountry': 'XX' }),
      '192.0.2.1',
      config({ geoHeaders: { country: 'cf-ipcountry' } }),
      undefined,
    );
    assert.deepEqual(unknown, { ip: '192.0.2.1' });
  });

  it('fills what the headers leave out from the lookup, headers first', async () => {
    const location = await requestLocation(
      request({ 'cf-ipcountry': 'DE' }),
      '198.51.100.7',
      config({ geoHeaders: { country: 'cf-ipcountry' } }),
      (ip) => (ip === '198.51.100.7' ? { country: 'FR', region: 'IDF', city: 'Paris' } : undefined),
    );
    assert.deepEqual(location, { ip: '198.51.100.7', country: 'DE', region: 'IDF', city: 'Paris' });
  });

  it('stores no location, rather than failing, when the lookup throws', async () => {
    const location = await requestLocation(request({}), '198.51.100.7', config({}), async () => {
      throw new Error('database gone');
    });
    assert.deepEqual(location, { ip: '198.51.100.7' });
  });
});
