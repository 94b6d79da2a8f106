import '../../core/src/__test-support__/property-seed.js';
import { expect } from 'chai';
import fc from 'fast-check';
import { validateEvent } from '@tally/core';
import { isValidEvent } from './is-valid-event.js';

const base = {
  id: '019a8c1e-5b2a-7c3d-8e4f-0123456789ab',
  name: 'chat.message',
  timestamp: 1_768_469_400_000,
};

/** Events core accepts. */
const GOOD: Record<string, unknown>[] = [
  base,
  { ...base, timestamp: '2026-01-15T09:30:00Z' },
  { ...base, timestamp: '2026-01-15T10:30:00.123+01:00' },
  { ...base, timestamp: 0 },
  { ...base, userId: 'user-42', actor: 'user' },
  { ...base, actor: 'system', agent: 'meeting-prep' },
  {
    ...base,
    model: 'gpt-4o',
    provider: 'openai',
    tokens: { input: 120, output: 30, cachedInput: 100, cacheWrite: 20, reasoning: 10 },
  },
  { ...base, tokens: { output: 5 } },
  { ...base, costUsd: 0.0042, credits: 2, latencyMs: 850.5, status: 'error', errorType: 'Timeout' },
  { ...base, feedback: -1, rating: 5, targetId: 'evt.1:a_b-c' },
  { ...base, value: -12.5 },
  {
    ...base,
    context: { page: 'https://app.example.com/chat', locale: 'de-DE', timezone: 'Europe/Berlin' },
  },
  { ...base, properties: { plan: 'pro', seats: 3, trial: false, note: null, empty: '' } },
  { ...base, properties: { 'plan.tier': 'x'.repeat(1024) } },
  { ...base, category: 'c'.repeat(64), name: '😀'.repeat(128) },
  { ...base, userId: undefined, model: undefined },
  {
    ...base,
    properties: Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`k${index}`, index])),
  },
];

/** Events core refuses, one problem each. */
const BAD: unknown[] = [
  { ...base, id: undefined },
  { ...base, id: 'has space' },
  { ...base, id: 'x'.repeat(65) },
  { ...base, name: '' },
  { ...base, name: 'n'.repeat(129) },
  { ...base, timestamp: undefined },
  { ...base, timestamp: -1 },
  { ...base, timestamp: Number.NaN },
  { ...base, timestamp: '2026-01-15T09:30:00' },
  { ...base, timestamp: '2026-01-15' },
  { ...base, timestamp: 'yesterday' },
  { ...base, timestamp: true },
  { ...base, userId: '' },
  { ...base, userId: null },
  { ...base, userId: 42 },
  { ...base, category: 'c'.repeat(65) },
  { ...base, agent: '\uD800' },
  { ...base, actor: 'robot' },
  { ...base, actor: 'user' },
  { ...base, status: 'failed' },
  { ...base, feedback: 0 },
  { ...base, rating: 6 },
  { ...base, rating: 2.5 },
  { ...base, costUsd: -1 },
  { ...base, costUsd: 2e6 },
  { ...base, latencyMs: Number.POSITIVE_INFINITY },
  { ...base, value: '3' },
  { ...base, targetId: 'not valid!' },
  { ...base, tokens: {} },
  { ...base, tokens: { input: -3 } },
  { ...base, tokens: { input: 1.5 } },
  { ...base, tokens: { input: 2 ** 60 } },
  { ...base, tokens: { cachedInput: 5 } },
  { ...base, tokens: { input: 5, cachedInput: 4, cacheWrite: 2 } },
  { ...base, tokens: { output: 5, reasoning: 6 } },
  { ...base, tokens: { input: 5, prompt: 1 } },
  { ...base, tokens: [1] },
  { ...base, context: { ip: '1.2.3.4' } },
  { ...base, context: { page: 'p'.repeat(2049) } },
  { ...base, context: 'web' },
  { ...base, properties: { nested: { a: 1 } } },
  { ...base, properties: { big: 'x'.repeat(1025) } },
  { ...base, properties: { accent: 'é'.repeat(513) } },
  { ...base, properties: { '': 1 } },
  { ...base, properties: { n: Number.NaN } },
  { ...base, properties: JSON.parse('{"__proto__": 1}') },
  {
    ...base,
    properties: Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`k${index}`, index])),
  },
  { ...base, user_id: 'u1' },
  { ...base, extra: undefined },
  { ...base, context: new Date() },
  [base],
  null,
  'event',
];

describe('isValidEvent', () => {
  it('accepts every event core accepts', () => {
    for (const event of GOOD) {
      expect(validateEvent(event).ok, JSON.stringify(event)).to.equal(true);
      expect(isValidEvent(event), JSON.stringify(event)).to.equal(true);
    }
  });

  it('refuses every event core refuses', () => {
    for (const event of BAD) {
      expect(validateEvent(event).ok, JSON.stringify(event)).to.equal(false);
      expect(isValidEvent(event), JSON.stringify(event)).to.equal(false);
    }
  });

  it('agrees with core on generated events mixing valid and invalid fields', () => {
    const text = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('', 'x'.repeat(129), 'ok'));
    const count = fc.oneof(fc.nat(1000), fc.constantFrom(-1, 0.5, Number.NaN));
    const field = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
    const event = fc.record(
      {
        id: fc.oneof(fc.uuid(), fc.constantFrom('a b', '')),
        name: text,
        timestamp: fc.oneof(fc.nat(), fc.constantFrom(-5, '2026-01-15T09:30:00Z', '2026-01-15')),
        userId: field(text),
        actor: field(fc.constantFrom('user', 'system', 'bot')),
        category: field(text),
        status: field(fc.constantFrom('ok', 'error', 'fine')),
        rating: field(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(2.5))),
        tokens: field(
          fc.record(
            {
              input: field(count),
              output: field(count),
              cachedInput: field(count),
              reasoning: field(count),
            },
            { requiredKeys: [] },
          ),
        ),
        properties: field(
          fc.dictionary(
            fc.string({ maxLength: 2 }),
            fc.oneof(fc.string(), fc.integer(), fc.constant({})),
            { maxKeys: 3 },
          ),
        ),
      },
      { requiredKeys: ['id', 'name', 'timestamp'] },
    );
    fc.assert(
      fc.property(event, (input) => isValidEvent(input) === validateEvent(input).ok),
      { numRuns: 2000 },
    );
  });

  it('leaves calendar checks of timestamp strings to the server (known difference)', () => {
    const impossible = { ...base, timestamp: '2026-02-30T09:30:00Z' };
    expect(isValidEvent(impossible)).to.equal(true);
    expect(validateEvent(impossible).ok).to.equal(false);
  });
});
