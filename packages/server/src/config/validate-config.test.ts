import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TallyError } from '@tally/core';
import { testConfig } from '../__test-support__/test-config.js';
import { initialConfig } from './initial-config.js';
import { validateConfig } from './validate-config.js';

function refusal(input: unknown): TallyError {
  try {
    validateConfig(input);
  } catch (error) {
    assert.ok(TallyError.isInstance(error), `expected a TallyError, got ${String(error)}`);
    assert.equal(error.code, 'invalid_config');
    return error;
  }
  assert.fail('the config was accepted');
}

describe('validateConfig', () => {
  it('fills in the defaults of a minimal config', () => {
    const config = validateConfig({
      tenants: [{ id: 't1', secretKeys: ['tly_sec_0123456789abcdef'] }],
      tokens: { secret: 'x'.repeat(32) },
    });
    assert.deepEqual(config.tenants[0].writeKeys, []);
    assert.equal(config.tenants[0].acceptIdentify, true);
    assert.equal(config.limits.bodyBytes, 1024 * 1024);
    assert.deepEqual(config.rateLimits.ingest, { perSecond: 1000, burst: 2000 });
    assert.equal(config.tokens.defaultTtlSeconds, 3600);
    assert.equal(config.tokens.maxTtlSeconds, 86_400);
    assert.deepEqual(config.cors, { origins: [], anyOrigin: false });
    assert.equal(config.ingest.clockSkewToleranceMs, 2000);
  });

  it('accepts the config that init writes', () => {
    const config = validateConfig(initialConfig({ tenant: 'acme', timezone: 'Europe/Berlin' }));
    assert.equal(config.tenants[0].id, 'acme');
    assert.equal(config.tenants[0].settings.timezone, 'Europe/Berlin');
  });

  it('names a missing secret key list', () => {
    const error = refusal({ tenants: [{ id: 't1' }], tokens: { secret: 'x'.repeat(32) } });
    assert.equal(error.field, 'tenants[0].secretKeys');
  });

  it('refuses a key used by two tenants, naming the second use', () => {
    const config = testConfig();
    config.tenants[1].writeKeys = [config.tenants[0].secretKeys[0]];
    const error = refusal(config);
    assert.equal(error.field, 'tenants[1].writeKeys[0]');
    assert.match(error.message, /tenants\[0\]\.secretKeys\[0\]/);
  });

  it('refuses a token secret too short for HS256', () => {
    assert.equal(refusal({ ...testConfig(), tokens: { secret: 'short' } }).field, 'tokens.secret');
  });

  it('refuses unknown settings with the full path', () => {
    const config = testConfig();
    (config.tenants[0].settings as Record<string, unknown>).colour = 'red';
    assert.equal(refusal(config).field, 'tenants[0].settings.colour');
  });

  it("reports core's catalog errors under the tenant's settings path", () => {
    const config = testConfig();
    config.tenants[0].settings = {
      catalog: [
        {
          model: 'm',
          provider: 'p',
          effectiveFrom: '2025-01-01',
          inputPerMTok: -2,
          outputPerMTok: 1,
        },
      ],
    };
    const error = refusal(config);
    assert.match(error.field ?? '', /^tenants\[0\]\.settings\.catalog\[0\]/);
    assert.match(error.message, /^tenants\[0\]\.settings\.catalog\[0\]/);
  });

  it('names an unknown time zone as settings.timezone', () => {
    const config = testConfig();
    config.tenants[0].settings = { timezone: 'Mars/Olympus' };
    assert.equal(refusal(config).field, 'tenants[0].settings.timezone');
  });

  it('refuses duplicate tenant ids, bad origins and a budget without a limit', () => {
    const twice = testConfig();
    twice.tenants[1].id = 'acme';
    assert.equal(refusal(twice).field, 'tenants[1].id');
    assert.equal(
      refusal({ ...testConfig(), cors: { origins: ['app.example.com'] } }).field,
      'cors.origins[0]',
    );
    const budget = testConfig();
    budget.tenants[0].settings = { budget: { measure: 'credits', period: 'month' } as never };
    assert.equal(refusal(budget).field, 'tenants[0].settings.budget.limit');
  });

  it('lower-cases origins and understands *', () => {
    const config = validateConfig({
      ...testConfig(),
      cors: { origins: ['HTTPS://App.Example.com', '*'] },
    });
    assert.deepEqual(config.cors, { origins: ['https://app.example.com'], anyOrigin: true });
  });
});
