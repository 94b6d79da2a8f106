import { expect } from 'chai';
import { uuidV7 } from './uuid-v7.js';

describe('uuidV7', () => {
  it('formats a version 7, variant 10 UUID', () => {
    expect(uuidV7()).to.match(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('puts the creation time in the first 48 bits', () => {
    // Later than any id made so far: ids never go back in time.
    const at = Date.now() + 1e9;
    const id = uuidV7(at);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).to.equal(at);
  });

  it('sorts ids made in the same millisecond in creation order', () => {
    const now = Date.now() + 1.5e9;
    const ids = Array.from({ length: 500 }, () => uuidV7(now));
    expect([...ids].sort()).to.deep.equal(ids);
    expect(new Set(ids).size).to.equal(500);
  });

  it('never goes back in time when the clock does', () => {
    const later = uuidV7(Date.now() + 2e9);
    const earlier = uuidV7(Date.now());
    expect(earlier > later).to.equal(true);
  });
});
