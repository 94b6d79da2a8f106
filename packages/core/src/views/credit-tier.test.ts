import { expect } from 'chai';
import { PREMIUM_MULTIPLIER, creditTier, modelMultiplier } from './credit-tier.js';

describe('creditTier', () => {
  it('puts 2× and up in premium, [1×, 2×) in standard and below 1× in economy', () => {
    expect(creditTier(5)).to.equal('premium');
    expect(creditTier(PREMIUM_MULTIPLIER)).to.equal('premium');
    expect(creditTier(1.99)).to.equal('standard');
    expect(creditTier(1)).to.equal('standard');
    expect(creditTier(0.99)).to.equal('economy');
    expect(creditTier(0)).to.equal('economy');
  });
});

describe('modelMultiplier', () => {
  const settings = { credits: { multipliers: { 'gpt-4o': 2, haiku: 0.5 } } };

  it('reads a configured multiplier the way credits are charged', () => {
    expect(modelMultiplier('gpt-4o', settings)).to.equal(2);
    expect(modelMultiplier('GPT-4o', settings)).to.equal(2);
    expect(modelMultiplier('gpt-4o-2024-08-06', settings)).to.equal(2);
    expect(modelMultiplier('haiku', settings)).to.equal(0.5);
  });

  it('is 1 for unconfigured or absent models and for inherited keys', () => {
    expect(modelMultiplier('llama', settings)).to.equal(1);
    expect(modelMultiplier(null, settings)).to.equal(1);
    expect(modelMultiplier('gpt-4o')).to.equal(1);
    expect(modelMultiplier('toString', settings)).to.equal(1);
  });
});
