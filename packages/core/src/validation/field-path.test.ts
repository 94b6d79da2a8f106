import { expect } from 'chai';
import { childPath } from './field-path.js';

describe('childPath', () => {
  it('joins plain keys with a dot', () => {
    expect(childPath('tokens', 'input')).to.equal('tokens.input');
    expect(childPath('', 'name')).to.equal('name');
  });

  it('quotes keys that are not plain identifiers', () => {
    expect(childPath('properties', 'plan.tier')).to.equal('properties["plan.tier"]');
    expect(childPath('', '')).to.equal('[""]');
    expect(childPath('properties', '1st')).to.equal('properties["1st"]');
  });

  it('shortens huge keys', () => {
    const path = childPath('properties', 'k'.repeat(100_000));
    expect(path).to.equal(`properties["${'k'.repeat(40)}…"]`);
  });
});
