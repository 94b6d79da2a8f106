import { expect } from 'chai';
import { TallyError } from '../errors.js';
import { validateCatalog } from './validate-catalog.js';

const valid = {
  model: 'acme-1',
  provider: 'acme',
  effectiveFrom: '2025-01-01',
  inputPerMTok: 1,
  outputPerMTok: 2,
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

describe('validateCatalog', () => {
  it('resolves entries with their start instant and per-token rates', () => {
    const [resolved] = validateCatalog([{ ...valid, model: 'ACME-1', cachedInputPerMTok: 0.25 }]);
    expect(resolved!.from).to.equal(Date.UTC(2025, 0, 1));
    expect(resolved!.modelKey).to.equal('acme-1');
    expect(resolved!.entry.model).to.equal('ACME-1');
    expect(resolved!.rates.cachedInputNanos).to.equal(250);
    expect(resolved!.rates.cacheWriteNanos).to.equal(1000);
    expect(resolved!.rates.reasoningNanos).to.equal(2000);
  });

  it('names the field of a bad rate', () => {
    const entries = ['a', 'b', 'c', 'd'].map((model) => ({ ...valid, model }));
    entries[3]!.inputPerMTok = -2;
    const error = thrown(() => validateCatalog(entries));
    expect(error.code).to.equal('invalid_catalog');
    expect(error.field).to.equal('catalog[3].inputPerMTok');
    expect(error.message).to.equal(
      'catalog[3].inputPerMTok: must be a non-negative number of at most 1000000 (got -2)',
    );
  });

  it('lists every problem, not only the first', () => {
    const error = thrown(() =>
      validateCatalog([
        { ...valid, model: '' },
        { ...valid, effectiveFrom: '2025-02-30', outputPerMTok: undefined },
        { ...valid, inputPerMtok: 3 },
        'gpt-4o',
      ]),
    );
    expect(error.issues.map((issue) => issue.path)).to.deep.equal([
      'catalog[0].model',
      'catalog[1].effectiveFrom',
      'catalog[1].outputPerMTok',
      'catalog[2].inputPerMtok',
      'catalog[3]',
    ]);
    expect(error.message).to.equal(
      'catalog[0].model: must be a non-empty string of at most 128 characters (got "") ' +
        '(and 4 more problems)',
    );
    expect(error.issues[2]!.reason).to.equal('is required: USD per million tokens (got undefined)');
    expect(error.issues[3]!.reason).to.equal('is not a catalog entry field (got 3)');
  });

  it('refuses optional rates that are not numbers', () => {
    const error = thrown(() => validateCatalog([{ ...valid, reasoningPerMTok: '4' }]));
    expect(error.field).to.equal('catalog[0].reasoningPerMTok');
    expect(
      thrown(() => validateCatalog([{ ...valid, cacheWritePerMTok: Infinity }])).field,
    ).to.equal('catalog[0].cacheWritePerMTok');
  });

  it('refuses two prices for the same model, provider and start, ignoring letter case', () => {
    const error = thrown(() =>
      validateCatalog([valid, { ...valid, model: 'Acme-1', effectiveFrom: '2025-01-01T00:00Z' }]),
    );
    expect(error.message).to.equal(
      'catalog[1]: has the same model, provider and effectiveFrom as catalog[0]',
    );
  });

  it('refuses a catalog that is not an array', () => {
    expect(thrown(() => validateCatalog({ gpt: 1 })).message).to.equal(
      'catalog: must be an array of catalog entries (got an object)',
    );
  });
});
