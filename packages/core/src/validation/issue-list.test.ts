import { expect } from 'chai';
import { IssueList } from './issue-list.js';
import { MAX_ISSUES } from './limits.js';

describe('IssueList', () => {
  it('keeps issues in the order they were added', () => {
    const issues = new IssueList();
    issues.add('a', 'first');
    issues.add('b', 'second');
    expect(issues.size).to.equal(2);
    expect(issues.toArray()).to.deep.equal([
      { path: 'a', reason: 'first' },
      { path: 'b', reason: 'second' },
    ]);
  });

  it('caps the list and summarises what it left out', () => {
    const issues = new IssueList();
    for (let index = 0; index < MAX_ISSUES + 5; index += 1) issues.add(`f${index}`, 'bad');
    const list = issues.toArray();
    expect(issues.size).to.equal(MAX_ISSUES + 5);
    expect(list).to.have.length(MAX_ISSUES + 1);
    expect(list[MAX_ISSUES]).to.deep.equal({ path: '', reason: 'and 5 more problems not listed' });
  });
});
