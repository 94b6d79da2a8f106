import { expect } from 'chai';
import { IssueList } from './issue-list.js';
import { RecordReader } from './record-reader.js';
import { reportUnknownFields } from './report-unknown-fields.js';

function run(value: object, explain?: (key: string) => string | undefined) {
  const issues = new IssueList();
  const record = RecordReader.open(value, 'x', issues)!;
  reportUnknownFields(record, new Set(['userId', 'name']), 'x', issues, explain);
  return issues.toArray();
}

describe('reportUnknownFields', () => {
  it('reports each unknown key and passes known ones', () => {
    expect(run({ name: 'a', foo: 1, bar: 2 })).to.deep.equal([
      { path: 'x.foo', reason: 'unknown field' },
      { path: 'x.bar', reason: 'unknown field' },
    ]);
  });

  it('suggests the field a differently-cased or snake_case key meant', () => {
    expect(run({ user_id: 'u', UserID: 'u', NAME: 'n' })).to.deep.equal([
      { path: 'x.user_id', reason: 'unknown field (did you mean userId?)' },
      { path: 'x.UserID', reason: 'unknown field (did you mean userId?)' },
      { path: 'x.NAME', reason: 'unknown field (did you mean name?)' },
    ]);
  });

  it('uses a specific explanation when one is given', () => {
    expect(
      run({ ip: '1.2.3.4', foo: 1 }, (key) => (key === 'ip' ? 'server only' : undefined)),
    ).to.deep.equal([
      { path: 'x.ip', reason: 'server only' },
      { path: 'x.foo', reason: 'unknown field' },
    ]);
  });
});
