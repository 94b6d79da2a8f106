import { expect } from 'chai';
import { checkNumber, type NumberRules } from './check-number.js';
import { IssueList } from './issue-list.js';

function reasonFor(value: unknown, rules: NumberRules): string | undefined {
  const issues = new IssueList();
  checkNumber(value, 'field', issues, rules);
  return issues.toArray()[0]?.reason;
}

describe('checkNumber', () => {
  it('returns valid numbers and turns -0 into 0', () => {
    const issues = new IssueList();
    expect(checkNumber(2.5, 'field', issues, { min: 0 })).to.equal(2.5);
    expect(Object.is(checkNumber(-0, 'field', issues, { min: 0 }), 0)).to.equal(true);
    expect(checkNumber(undefined, 'field', issues, { min: 0 })).to.equal(undefined);
    expect(issues.size).to.equal(0);
  });

  it('spells out the expectation in every refusal', () => {
    expect(reasonFor(-3, { min: 0, integer: true })).to.equal(
      'must be a non-negative integer, got -3',
    );
    expect(reasonFor(1.5, { min: 0, integer: true })).to.equal(
      'must be a non-negative integer, got 1.5',
    );
    expect(reasonFor('3', { min: 0 })).to.equal('must be a non-negative number, got "3"');
    expect(reasonFor(6, { min: 1, max: 5, integer: true })).to.equal(
      'must be an integer from 1 to 5, got 6',
    );
    expect(reasonFor(Number.NaN, {})).to.equal('must be a finite number, got NaN');
    expect(reasonFor(Infinity, {})).to.equal('must be a finite number, got Infinity');
    expect(reasonFor(2, { min: 3 })).to.equal('must be a number of at least 3, got 2');
    expect(reasonFor(9, { max: 8 })).to.equal('must be a number of at most 8, got 9');
  });

  it('refuses integers beyond the safe range', () => {
    expect(reasonFor(2 ** 60, { min: 0, integer: true })).to.equal(
      `must be at most ${Number.MAX_SAFE_INTEGER} (a safe integer), got ${2 ** 60}`,
    );
  });
});
