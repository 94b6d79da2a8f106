import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TallyError } from '@tally/core';
import { createMaxMindLookup } from './maxmind-lookup.js';

describe('createMaxMindLookup', () => {
  it('names geoip.database when the optional package or the file is missing', async () => {
    await assert.rejects(
      createMaxMindLookup('/nonexistent/GeoLite2-City.mmdb'),
      (error: unknown) => {
        assert.ok(TallyError.isInstance(error));
        assert.equal(error.code, 'invalid_config');
        assert.equal(error.field, 'geoip.database');
        assert.match(error.message, /@maxmind\/geoip2-node|cannot open/);
        return true;
      },
    );
  });
});
