import { expect } from 'chai';
import { catalogVersion } from './catalog-version.js';
import { DEFAULT_CATALOG_VERSION } from './default-catalog.js';
import { validateCatalog } from './validate-catalog.js';

const entry = {
  model: 'acme-1',
  provider: 'acme',
  effectiveFrom: '2025-01-01',
  inputPerMTok: 1,
  outputPerMTok: 2,
};

describe('catalogVersion', () => {
  it('is the default version when the tenant adds nothing', () => {
    expect(catalogVersion([], false)).to.equal(DEFAULT_CATALOG_VERSION);
  });

  it('appends a hash of the tenant entries, or marks a replaced catalog custom', () => {
    const version = catalogVersion(validateCatalog([entry]), false);
    expect(version).to.match(/^\d{4}-\d{2}-\d{2}\+[0-9a-f]{8}$/);
    expect(catalogVersion(validateCatalog([entry]), true)).to.equal(`custom+${version.slice(-8)}`);
    expect(catalogVersion([], true)).to.match(/^custom\+[0-9a-f]{8}$/);
  });

  it('ignores how equal prices are written', () => {
    const plain = catalogVersion(validateCatalog([entry]), false);
    const spelled = validateCatalog([
      {
        ...entry,
        model: 'ACME-1',
        effectiveFrom: '2025-01-01T00:00:00Z',
        cachedInputPerMTok: 1,
        reasoningPerMTok: 2,
      },
    ]);
    expect(catalogVersion(spelled, false)).to.equal(plain);
  });

  it('changes when a price changes', () => {
    const plain = catalogVersion(validateCatalog([entry]), false);
    const dearer = catalogVersion(validateCatalog([{ ...entry, inputPerMTok: 1.000001 }]), false);
    expect(dearer).to.not.equal(plain);
  });
});
