import { expect } from 'chai';
import { TallyError } from '../errors.js';
import type { CreditRules } from '../settings.js';
import { creditsFor, multiplierFor, tierOf, validateCreditRules } from './credits.js';

const rules: CreditRules = {
  base: { 'doc.generate': 5, 'chat.message': 1, 'flow.run': 0.1 },
  multipliers: { 'claude-opus-4-1': 2, 'GPT-4o-mini': 0.5, o3: 3 },
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

describe('creditsFor', () => {
  it('charges one credit per event when nothing is configured', () => {
    expect(creditsFor({ name: 'chat.message', model: 'gpt-4o' })).to.equal(1);
    expect(creditsFor({ name: 'anything' }, {})).to.equal(1);
  });

  it('multiplies the base credits of the event name by the model multiplier', () => {
    expect(creditsFor({ name: 'chat.message', model: 'claude-opus-4-1' }, rules)).to.equal(2);
    expect(creditsFor({ name: 'doc.generate', model: 'claude-opus-4-1' }, rules)).to.equal(10);
    expect(creditsFor({ name: 'doc.generate', model: 'gpt-4o-mini' }, rules)).to.equal(2.5);
    expect(creditsFor({ name: 'doc.generate', model: 'gpt-4o' }, rules)).to.equal(5);
    expect(creditsFor({ name: 'doc.generate' }, rules)).to.equal(5);
    expect(creditsFor({ name: 'other', model: 'gpt-4o-mini' }, rules)).to.equal(0.5);
  });

  it('rounds away binary floating-point noise', () => {
    expect(creditsFor({ name: 'flow.run', model: 'o3' }, rules)).to.equal(0.3);
  });

  it('lets app-supplied credits win, even zero', () => {
    expect(creditsFor({ name: 'doc.generate', model: 'o3', credits: 7 }, rules)).to.equal(7);
    expect(creditsFor({ name: 'doc.generate', model: 'o3', credits: 0 }, rules)).to.equal(0);
  });

  it('refuses invalid app-supplied credits', () => {
    expect(thrown(() => creditsFor({ name: 'x', credits: -1 })).message).to.equal(
      'credits: must be a non-negative finite number (got -1)',
    );
  });
});

describe('multiplierFor', () => {
  it('matches model names regardless of case and applies to dated snapshots', () => {
    expect(multiplierFor('gpt-4o-mini', rules)).to.equal(0.5);
    expect(multiplierFor('gpt-4o-mini-2024-07-18', rules)).to.equal(0.5);
    expect(multiplierFor('CLAUDE-OPUS-4-1', rules)).to.equal(2);
  });

  it('is 1 for unconfigured or absent models', () => {
    expect(multiplierFor('gpt-4o', rules)).to.equal(1);
    expect(multiplierFor('o3-pro', rules)).to.equal(1);
    expect(multiplierFor(undefined, rules)).to.equal(1);
    expect(multiplierFor('o3')).to.equal(1);
  });
});

describe('tierOf', () => {
  it('calls 2× and above premium, 1× up to 2× standard and below 1× economy', () => {
    expect([3, 2, 1.99, 1, 0.99, 0.5, 0].map(tierOf)).to.deep.equal([
      'premium',
      'premium',
      'standard',
      'standard',
      'economy',
      'economy',
      'economy',
    ]);
  });

  it('refuses a negative or non-finite multiplier', () => {
    expect(thrown(() => tierOf(-1)).field).to.equal('multiplier');
    expect(thrown(() => tierOf(Number.NaN)).message).to.equal(
      'multiplier: must be a non-negative finite number (got NaN)',
    );
  });
});

describe('validateCreditRules', () => {
  it('accepts valid rules and absent ones', () => {
    expect(validateCreditRules(rules)).to.equal(rules);
    expect(validateCreditRules(undefined)).to.equal(undefined);
  });

  it('names the field of a bad multiplier or base', () => {
    const error = thrown(() => validateCreditRules({ multipliers: { 'gpt-4o': -2 } }));
    expect(error.code).to.equal('invalid_credit_rules');
    expect(error.field).to.equal('credits.multipliers["gpt-4o"]');
    expect(error.message).to.equal(
      'credits.multipliers["gpt-4o"]: must be a non-negative finite number (got -2)',
    );
    const base = thrown(() => creditsFor({ name: 'x' }, { base: { x: Infinity } }));
    expect(base.field).to.equal('credits.base.x');
  });

  it('refuses unknown rule kinds, non-object maps and models named twice', () => {
    expect(thrown(() => validateCreditRules({ multiplier: {} })).field).to.equal(
      'credits.multiplier',
    );
    expect(thrown(() => validateCreditRules({ base: [1] })).message).to.equal(
      'credits.base: must be an object (got an array)',
    );
    expect(thrown(() => validateCreditRules('2x')).field).to.equal('credits');
    const twice = thrown(() => validateCreditRules({ multipliers: { 'gpt-4o': 2, 'GPT-4o': 3 } }));
    expect(twice.field).to.equal('credits.multipliers["GPT-4o"]');
  });
});
