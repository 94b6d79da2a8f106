import { expect } from 'chai';
import { checkString } from './check-string.js';
import { IssueList } from './issue-list.js';

function run(value: unknown, rules: Parameters<typeof checkString>[3]) {
  const issues = new IssueList();
  const result = checkString(value, 'field', issues, rules);
  return { result, issues: issues.toArray() };
}

describe('checkString', () => {
  it('accepts a string up to the limit', () => {
    expect(run('abc', { maxLength: 3 })).to.deep.equal({ result: 'abc', issues: [] });
  });

  it('treats undefined as absent, and as missing when required', () => {
    expect(run(undefined, { maxLength: 3 })).to.deep.equal({ result: undefined, issues: [] });
    expect(run(undefined, { maxLength: 3, required: true }).issues).to.deep.equal([
      { path: 'field', reason: 'is required' },
    ]);
  });

  it('refuses non-strings, naming what it got', () => {
    expect(run(42, { maxLength: 3 }).issues).to.deep.equal([
      { path: 'field', reason: 'must be a string, got 42' },
    ]);
    expect(run({}, { maxLength: 3 }).issues[0].reason).to.equal('must be a string, got an object');
    expect(run(null, { maxLength: 3 }).issues[0].reason).to.equal(
      'must be a string (omit the field when there is none), got null',
    );
  });

  it('refuses empty strings unless allowed', () => {
    expect(run('', { maxLength: 3 }).issues[0].reason).to.equal(
      'must not be empty (omit the field when there is none)',
    );
    expect(run('', { maxLength: 3, required: true }).issues[0].reason).to.equal(
      'must not be empty',
    );
    expect(run('', { maxLength: 3, allowEmpty: true })).to.deep.equal({ result: '', issues: [] });
  });

  it('counts characters as code points', () => {
    expect(run('😀😀😀', { maxLength: 3 }).result).to.equal('😀😀😀');
    expect(run('😀😀😀😀', { maxLength: 3 }).issues[0].reason).to.equal(
      'must be at most 3 characters, got 4',
    );
  });

  it('refuses text with an unpaired surrogate', () => {
    expect(run('a\uD800', { maxLength: 3 }).issues[0].reason).to.equal(
      'must be valid Unicode text (it has an unpaired surrogate)',
    );
  });

  it('checks the pattern with the given reason', () => {
    const rules = { maxLength: 10, pattern: /^[a-z]+$/, patternReason: 'must be lowercase' };
    expect(run('abc', rules).result).to.equal('abc');
    expect(run('aBc', rules).issues[0].reason).to.equal('must be lowercase, got "aBc"');
  });
});
