import { expect } from 'chai';
import { DEFAULT_CATALOG, DEFAULT_CATALOG_VERSION } from './default-catalog.js';
import { validateCatalog } from './validate-catalog.js';

describe('DEFAULT_CATALOG', () => {
  it('passes catalog validation', () => {
    expect(validateCatalog(DEFAULT_CATALOG)).to.have.length(DEFAULT_CATALOG.length);
  });

  it('is versioned by a date', () => {
    expect(DEFAULT_CATALOG_VERSION).to.match(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('covers the common models of each provider', () => {
    const names = new Set(DEFAULT_CATALOG.map((entry) => `${entry.provider}/${entry.model}`));
    for (const name of [
      'openai/gpt-4o',
      'openai/gpt-4o-mini',
      'openai/gpt-4.1',
      'openai/gpt-4.1-mini',
      'openai/o3',
      'openai/o4-mini',
      'openai/gpt-5',
      'openai/gpt-5-mini',
      'anthropic/claude-sonnet-4-5',
      'anthropic/claude-sonnet-4',
      'anthropic/claude-opus-4-1',
      'anthropic/claude-haiku-4-5',
      'anthropic/claude-3-5-haiku',
      'google/gemini-2.5-pro',
      'google/gemini-2.5-flash',
      'google/gemini-2.0-flash',
    ]) {
      expect(names.has(name), name).to.equal(true);
    }
  });

  it('records the gpt-4o price cut of 2024-10-01', () => {
    const gpt4o = DEFAULT_CATALOG.filter((entry) => entry.model === 'gpt-4o');
    expect(
      gpt4o.map((entry) => [entry.effectiveFrom, entry.inputPerMTok, entry.outputPerMTok]),
    ).to.deep.equal([
      ['2024-05-13', 5, 15],
      ['2024-10-01', 2.5, 10],
    ]);
    expect(gpt4o[1]!.cachedInputPerMTok).to.equal(1.25);
  });

  it('prices Anthropic cache writes at 1.25× and cache reads at 0.1× input', () => {
    const anthropic = DEFAULT_CATALOG.filter((entry) => entry.provider === 'anthropic');
    expect(anthropic.length).to.be.greaterThan(0);
    for (const entry of anthropic) {
      expect(entry.cacheWritePerMTok, entry.model).to.equal(entry.inputPerMTok * 1.25);
      expect(entry.cachedInputPerMTok, entry.model).to.be.closeTo(entry.inputPerMTok * 0.1, 1e-12);
    }
    const sonnet = anthropic.find((entry) => entry.model === 'claude-sonnet-4-5')!;
    expect([sonnet.cacheWritePerMTok, sonnet.cachedInputPerMTok]).to.deep.equal([3.75, 0.3]);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(DEFAULT_CATALOG)).to.equal(true);
    expect(Object.isFrozen(DEFAULT_CATALOG[0])).to.equal(true);
  });
});
