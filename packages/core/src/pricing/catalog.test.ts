import { expect } from 'chai';
import { TallyError } from '../errors.js';
import type { CatalogEntry } from '../settings.js';
import { PriceCatalog } from './catalog.js';
import { DEFAULT_CATALOG, DEFAULT_CATALOG_VERSION } from './default-catalog.js';

const CUT = Date.UTC(2024, 9, 1);
const LATER = Date.UTC(2026, 0, 15);

function entry(overrides: Partial<CatalogEntry>): CatalogEntry {
  return {
    model: 'acme-1',
    provider: 'acme',
    effectiveFrom: '2025-01-01',
    inputPerMTok: 1,
    outputPerMTok: 2,
    ...overrides,
  };
}

function thrown(run: () => unknown): TallyError {
  try {
    run();
  } catch (error) {
    if (TallyError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a TallyError');
}

describe('PriceCatalog', () => {
  const catalog = new PriceCatalog();

  it('holds the default catalog, versioned by its date', () => {
    expect(catalog.version).to.equal(DEFAULT_CATALOG_VERSION);
    expect(catalog.entries).to.have.length(DEFAULT_CATALOG.length);
  });

  it('uses a new price from its effectiveFrom instant and the old one until then', () => {
    expect(catalog.priceAt('gpt-4o', 'openai', CUT)?.inputPerMTok).to.equal(2.5);
    expect(catalog.priceAt('gpt-4o', 'openai', CUT - 1)?.inputPerMTok).to.equal(5);
    expect(catalog.priceAt('gpt-4o', 'openai', LATER)?.outputPerMTok).to.equal(10);
  });

  it('has no price before a model first had one', () => {
    expect(catalog.priceAt('gpt-4o', 'openai', Date.UTC(2024, 4, 13) - 1)).to.equal(undefined);
    expect(catalog.priceAt('gpt-4o', 'openai', Number.NaN)).to.equal(undefined);
  });

  it('matches model and provider names regardless of letter case', () => {
    expect(catalog.priceAt('GPT-4o', 'OpenAI', LATER)?.model).to.equal('gpt-4o');
  });

  it('prices dated snapshots at their base model', () => {
    expect(catalog.priceAt('gpt-4o-2024-08-06', 'openai', LATER)?.model).to.equal('gpt-4o');
    expect(catalog.priceAt('gpt-4o-mini-2024-07-18', 'openai', LATER)?.model).to.equal(
      'gpt-4o-mini',
    );
    const sonnet = catalog.priceAt('claude-sonnet-4-5-20250929', 'anthropic', LATER);
    expect(sonnet?.model).to.equal('claude-sonnet-4-5');
    expect(catalog.priceAt('claude-sonnet-4-20250514', undefined, LATER)?.model).to.equal(
      'claude-sonnet-4',
    );
  });

  it('does not price an unknown variant at a similarly named model', () => {
    expect(catalog.priceAt('gpt-4o-realtime-preview', 'openai', LATER)).to.equal(undefined);
    expect(catalog.priceAt('o3-pro', 'openai', LATER)).to.equal(undefined);
    expect(catalog.priceAt('mystery-model', undefined, LATER)).to.equal(undefined);
  });

  it('only uses prices from the given provider', () => {
    expect(catalog.priceAt('gpt-4o', 'azure', LATER)).to.equal(undefined);
    expect(catalog.priceAt('gpt-4o', undefined, LATER)?.provider).to.equal('openai');
  });

  it('refuses to guess when a model without a provider is priced by several', () => {
    const both = new PriceCatalog({
      catalog: [entry({ model: 'gpt-4o', provider: 'azure', effectiveFrom: '2024-01-01' })],
    });
    expect(both.priceAt('gpt-4o', undefined, LATER)).to.equal(undefined);
    expect(both.priceAt('gpt-4o', 'azure', LATER)?.inputPerMTok).to.equal(1);
    expect(both.priceAt('gpt-4o', 'openai', LATER)?.inputPerMTok).to.equal(2.5);
  });

  it('lets a tenant entry override the default one with the same model, provider and date', () => {
    const tenant = new PriceCatalog({
      catalog: [entry({ model: 'gpt-4o', provider: 'openai', effectiveFrom: '2024-10-01' })],
    });
    expect(tenant.priceAt('gpt-4o', 'openai', LATER)?.inputPerMTok).to.equal(1);
    expect(tenant.priceAt('gpt-4o', 'openai', CUT - 1)?.inputPerMTok).to.equal(5);
    expect(tenant.entries).to.have.length(DEFAULT_CATALOG.length);
  });

  it('lets a tenant extend the default catalog with new models and later prices', () => {
    const tenant = new PriceCatalog({
      catalog: [
        entry({}),
        entry({
          model: 'gpt-4o',
          provider: 'openai',
          effectiveFrom: '2026-01-01',
          inputPerMTok: 2,
        }),
      ],
    });
    expect(tenant.priceAt('acme-1', 'acme', LATER)?.outputPerMTok).to.equal(2);
    expect(tenant.priceAt('gpt-4o', 'openai', Date.UTC(2025, 11, 31))?.inputPerMTok).to.equal(2.5);
    expect(tenant.priceAt('gpt-4o', 'openai', LATER)?.inputPerMTok).to.equal(2);
    expect(tenant.priceAt('gemini-2.5-pro', 'google', LATER)?.inputPerMTok).to.equal(1.25);
    expect(tenant.entries).to.have.length(DEFAULT_CATALOG.length + 2);
  });

  it('uses only the tenant entries when replaceCatalog is set', () => {
    const tenant = new PriceCatalog({ catalog: [entry({})], replaceCatalog: true });
    expect(tenant.priceAt('acme-1', undefined, LATER)?.inputPerMTok).to.equal(1);
    expect(tenant.priceAt('gpt-4o', 'openai', LATER)).to.equal(undefined);
    expect(tenant.entries).to.have.length(1);
  });

  it('versions a tenant catalog by a hash of its entries, ignoring their order', () => {
    const first = entry({});
    const second = entry({ model: 'acme-2' });
    const extended = new PriceCatalog({ catalog: [first, second] });
    expect(extended.version).to.match(new RegExp(`^${DEFAULT_CATALOG_VERSION}\\+[0-9a-f]{8}$`));
    expect(new PriceCatalog({ catalog: [second, first] }).version).to.equal(extended.version);
    const changed = new PriceCatalog({ catalog: [first, { ...second, outputPerMTok: 3 }] });
    expect(changed.version).to.not.equal(extended.version);
    const replaced = new PriceCatalog({ catalog: [first, second], replaceCatalog: true });
    expect(replaced.version).to.match(/^custom\+[0-9a-f]{8}$/);
    expect(replaced.version.slice(-8)).to.equal(extended.version.slice(-8));
  });

  it('computes the cost at the price in force', () => {
    const tokens = { input: 1_000_000, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 };
    expect(catalog.costAt('gpt-4o', 'openai', CUT - 1, tokens)).to.equal(5_000_000_000);
    expect(catalog.costAt('gpt-4o', 'openai', CUT, tokens)).to.equal(2_500_000_000);
    expect(catalog.costAt('unknown', 'openai', CUT, tokens)).to.equal(undefined);
  });

  it('refuses an invalid tenant catalog, naming the field', () => {
    const error = thrown(
      () => new PriceCatalog({ catalog: [entry({}), entry({ model: 'b', outputPerMTok: -1 })] }),
    );
    expect(error.field).to.equal('catalog[1].outputPerMTok');
    expect(thrown(() => new PriceCatalog({ replaceCatalog: 'yes' as never })).message).to.equal(
      'replaceCatalog: must be a boolean (got "yes")',
    );
  });
});
