import { expect } from 'chai';
import { TallyError } from '../errors.js';
import type { NormalizedEvent, NormalizedTokens } from '../event.js';
import type { TenantSettings } from '../settings.js';
import { PriceCatalog } from './catalog.js';
import { DEFAULT_CATALOG_VERSION } from './default-catalog.js';
import { createEnricher, enrichEvent } from './enrich.js';

const AT = Date.UTC(2026, 0, 15, 12);

function tokens(counts: Partial<NormalizedTokens>): NormalizedTokens {
  return { input: 0, output: 0, cachedInput: 0, cacheWrite: 0, reasoning: 0, ...counts };
}

function event(overrides: Partial<NormalizedEvent> = {}): NormalizedEvent {
  return {
    id: 'evt-1',
    name: 'chat.completion',
    timestamp: AT,
    actor: 'user',
    userId: 'u1',
    tokens: null,
    ...overrides,
  };
}

const usage = {
  model: 'gpt-4o',
  provider: 'openai',
  tokens: tokens({ input: 1_000_000, cachedInput: 200_000, output: 500_000 }),
};

function thrown(run: () => unknown): TallyError {
  try {
    run();
  } catch (error) {
    if (TallyError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a TallyError');
}

describe('enrichEvent', () => {
  it('prices tokens from the catalog at the event time and records the catalog version', () => {
    const stored = enrichEvent(event(usage));
    expect(stored.costNanos).to.equal(7_250_000_000);
    expect(stored.pricing).to.equal('catalog');
    expect(stored.catalogVersion).to.equal(DEFAULT_CATALOG_VERSION);
    expect(stored.credits).to.equal(1);
    expect(stored.userId).to.equal('u1');
  });

  it('uses the price in force at the event time', () => {
    const before = enrichEvent(event({ ...usage, timestamp: Date.UTC(2024, 9, 1) - 1 }));
    // 1,000,000 input at $5 (no cached rate then) + 500,000 output at $15
    expect(before.costNanos).to.equal(12_500_000_000);
  });

  it('lets an app-supplied cost win over the catalog', () => {
    const stored = enrichEvent(event({ ...usage, costUsd: 0.0123 }));
    expect(stored.costNanos).to.equal(12_300_000);
    expect(stored.pricing).to.equal('app');
    expect(stored).to.not.have.property('catalogVersion');
  });

  it('marks tokens of an unknown model, or of no model, unpriced at zero cost', () => {
    const unknown = enrichEvent(event({ ...usage, model: 'in-house-llm' }));
    expect([unknown.pricing, unknown.costNanos]).to.deep.equal(['unpriced', 0]);
    const noModel = enrichEvent(event({ tokens: usage.tokens }));
    expect([noModel.pricing, noModel.costNanos]).to.deep.equal(['unpriced', 0]);
    const tooEarly = enrichEvent(event({ ...usage, timestamp: Date.UTC(2020, 0, 1) }));
    expect(tooEarly.pricing).to.equal('unpriced');
    expect(tooEarly).to.not.have.property('catalogVersion');
  });

  it('has nothing to price without tokens or a cost', () => {
    const plain = enrichEvent(event({ name: 'chat.message' }));
    expect([plain.pricing, plain.costNanos]).to.deep.equal(['none', 0]);
    const zero = enrichEvent(event({ model: 'gpt-4o', tokens: tokens({}) }));
    expect(zero.pricing).to.equal('none');
  });

  it('uses the tenant catalog and credit rules', () => {
    const settings: TenantSettings = {
      catalog: [
        {
          model: 'gpt-4o',
          provider: 'openai',
          effectiveFrom: '2026-01-01',
          inputPerMTok: 1,
          outputPerMTok: 1,
        },
      ],
      credits: { base: { 'chat.completion': 4 }, multipliers: { 'gpt-4o': 0.5 } },
    };
    const stored = enrichEvent(event(usage), settings);
    // 800,000 plain + 200,000 cached (at input rate) + 500,000 output, all at $1/M = $1.50
    expect(stored.costNanos).to.equal(1_500_000_000);
    expect(stored.catalogVersion).to.not.equal(DEFAULT_CATALOG_VERSION);
    expect(stored.credits).to.equal(2);
  });

  it('keeps app-supplied credits', () => {
    const settings = { credits: { multipliers: { 'gpt-4o': 2 } } };
    expect(enrichEvent(event({ ...usage, credits: 3 }), settings).credits).to.equal(3);
    expect(enrichEvent(event(usage), settings).credits).to.equal(2);
  });

  it('drops a stale catalog version when re-enriching a stored event', () => {
    const stored = enrichEvent(event(usage));
    const again = enrichEvent({ ...stored, costUsd: 1 });
    expect(again.pricing).to.equal('app');
    expect(again).to.not.have.property('catalogVersion');
  });

  it('prices against a catalog passed in', () => {
    const catalog = new PriceCatalog({
      replaceCatalog: true,
      catalog: [
        {
          model: 'gpt-4o',
          provider: 'openai',
          effectiveFrom: '2025-01-01',
          inputPerMTok: 0,
          outputPerMTok: 0,
        },
      ],
    });
    const stored = enrichEvent(event(usage), undefined, catalog);
    expect([stored.pricing, stored.costNanos]).to.deep.equal(['catalog', 0]);
    expect(stored.catalogVersion).to.equal(catalog.version);
  });

  it('refuses an invalid app-supplied cost', () => {
    expect(thrown(() => enrichEvent(event({ costUsd: -1 }))).field).to.equal('costUsd');
  });
});

describe('createEnricher', () => {
  it('enriches like enrichEvent', () => {
    const settings: TenantSettings = { credits: { multipliers: { 'claude-opus-4-1': 2 } } };
    const enrich = createEnricher(settings);
    const opus = event({
      model: 'claude-opus-4-1-20250805',
      provider: 'anthropic',
      tokens: tokens({ input: 10_000, cacheWrite: 4_000, cachedInput: 5_000, output: 1_000 }),
    });
    const stored = enrich(opus);
    // plain 1,000 × $15 = $0.015; write 4,000 × $18.75 = $0.075; read 5,000 × $1.50 = $0.0075;
    // output 1,000 × $75 = $0.075; total $0.1725
    expect(stored.costNanos).to.equal(172_500_000);
    expect(stored.credits).to.equal(2);
    expect(stored).to.deep.equal(enrichEvent(opus, settings));
  });

  it('refuses invalid settings before enriching anything', () => {
    const badCatalog = { catalog: [{ model: 'x' }] } as unknown as TenantSettings;
    expect(thrown(() => createEnricher(badCatalog)).field).to.equal('catalog[0].provider');
    const badRules = { credits: { multipliers: { x: -1 } } };
    expect(thrown(() => createEnricher(badRules)).field).to.equal('credits.multipliers.x');
  });
});
