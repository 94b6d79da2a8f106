import { expect } from 'chai';
import { checkChoice } from './check-choice.js';
import { IssueList } from './issue-list.js';

describe('checkChoice', () => {
  it('returns an allowed value and treats undefined as absent', () => {
    const issues = new IssueList();
    expect(checkChoice('ok', 'status', issues, ['ok', 'error'])).to.equal('ok');
    expect(checkChoice(undefined, 'status', issues, ['ok', 'error'])).to.equal(undefined);
    expect(issues.size).to.equal(0);
  });

  it('lists the allowed values when refusing', () => {
    const issues = new IssueList();
    checkChoice('OK', 'status', issues, ['ok', 'error']);
    checkChoice(0, 'feedback', issues, [1, -1]);
    checkChoice('x', 'level', issues, ['a', 'b', 'c']);
    expect(issues.toArray()).to.deep.equal([
      { path: 'status', reason: 'must be "ok" or "error", got "OK"' },
      { path: 'feedback', reason: 'must be 1 or -1, got 0' },
      { path: 'level', reason: 'must be one of "a", "b" or "c", got "x"' },
    ]);
  });
});
