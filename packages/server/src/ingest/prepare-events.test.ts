import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEnricher, TallyError } from '@tally/core';
import { prepareEvents, type PrepareOptions } from './prepare-events.js';

const NOW = Date.UTC(2026, 5, 1, 12);
const options = (overrides: Partial<PrepareOptions> = {}): PrepareOptions => ({
  allowSystem: false,
  now: NOW,
  offset: 0,
  maxFutureMs: 86_400_000,
  location: {},
  enrich: createEnricher(),
  ...overrides,
});
const event = (overrides: Record<string, unknown> = {}) => ({
  id: 'e1',
  name: 'chat.completion',
  timestamp: NOW - 1000,
  userId: 'u1',
  ...overrides,
});

describe('prepareEvents', () => {
  it('keeps valid events and reports each invalid one with its field paths', () => {
    const prepared = prepareEvents(
      [event(), event({ id: 'e2', tokens: { input: -3 } }), event({ id: 'e3' })],
      options(),
    );
    assert.deepEqual(
      prepared.events.map((stored) => stored.id),
      ['e1', 'e3'],
    );
    assert.equal(prepared.rejected.length, 1);
    assert.equal(prepared.rejected[0].index, 1);
    assert.equal(prepared.rejected[0].errors[0].path, 'tokens.input');
  });

  it('refuses system-attributed events from a public key, explicit or implied', () => {
    const batch = [event({ actor: 'system' }), event({ id: 'e2', userId: undefined })];
    const prepared = prepareEvents(batch, options());
    assert.deepEqual(
      prepared.rejected.map((item) => [item.index, item.errors[0].path]),
      [
        [0, 'actor'],
        [1, 'actor'],
      ],
    );
    assert.equal(prepareEvents(batch, options({ allowSystem: true })).events.length, 2);
  });

  it('moves timestamps by the clock offset and adds the server context', () => {
    const [stored] = prepareEvents(
      [event({ context: { browser: 'Firefox' } })],
      options({
        offset: 3_600_000,
        location: { ip: '192.0.2.1', country: 'DE' },
      }),
    ).events;
    assert.equal(stored.timestamp, NOW - 1000 + 3_600_000);
    assert.deepEqual(stored.context, { browser: 'Firefox', ip: '192.0.2.1', country: 'DE' });
  });

  it('refuses events too far in the future after correction', () => {
    const prepared = prepareEvents([event({ timestamp: NOW + 2 * 86_400_000 })], options());
    assert.equal(prepared.rejected[0].errors[0].path, 'timestamp');
  });

  it('counts a repeated id once and refuses copies of a refused event', () => {
    const accepted = prepareEvents([event(), event()], options());
    assert.equal(accepted.events.length, 1);
    assert.equal(accepted.duplicates, 1);
    const refused = prepareEvents(
      [event({ actor: 'system' }), event({ actor: 'system' })],
      options(),
    );
    assert.equal(refused.duplicates, 0);
    assert.deepEqual(
      refused.rejected.map((item) => item.index),
      [0, 1],
    );
  });

  it('prices events with the tenant settings at the corrected time', () => {
    const enrich = createEnricher({ credits: { multipliers: { o3: 2 } } });
    const [stored] = prepareEvents(
      [event({ model: 'o3', provider: 'openai', tokens: { input: 10, output: 10 } })],
      options({ enrich }),
    ).events;
    assert.equal(stored.credits, 2);
    assert.equal(stored.pricing, 'catalog');
    assert.ok(stored.costNanos > 0);
  });

  it('refuses a batch that is not an array as a whole', () => {
    assert.throws(
      () => prepareEvents({ id: 'e1' }, options()),
      (error: unknown) => TallyError.isInstance(error) && error.code === 'invalid_batch',
    );
  });
});
