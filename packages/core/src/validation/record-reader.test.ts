import { expect } from 'chai';
import { IssueList } from './issue-list.js';
import { RecordReader } from './record-reader.js';

describe('RecordReader', () => {
  it('sees own enumerable keys only', () => {
    const issues = new IssueList();
    const source = Object.create({ inherited: 1 }) as Record<string, unknown>;
    source.own = 2;
    Object.defineProperty(source, 'hidden', { value: 3, enumerable: false });
    const record = RecordReader.open(source, 'x', issues)!;
    expect(record.keys).to.deep.equal(['own']);
    expect(record.get('own')).to.equal(2);
    expect(record.get('inherited')).to.equal(undefined);
    expect(record.get('hidden')).to.equal(undefined);
    expect(record.get('toString')).to.equal(undefined);
  });

  it('refuses non-objects and arrays', () => {
    const issues = new IssueList();
    expect(RecordReader.open('text', 'x', issues)).to.equal(undefined);
    expect(RecordReader.open([1], 'y', issues)).to.equal(undefined);
    expect(RecordReader.open(null, 'z', issues)).to.equal(undefined);
    expect(issues.toArray()).to.deep.equal([
      { path: 'x', reason: 'must be an object, got "text"' },
      { path: 'y', reason: 'must be an object, got an array' },
      { path: 'z', reason: 'must be an object, got null' },
    ]);
  });

  it('refuses built-in objects that would read as empty', () => {
    const issues = new IssueList();
    expect(RecordReader.open(new Map([['a', 1]]), 'a', issues)).to.equal(undefined);
    expect(RecordReader.open(new Date(0), 'b', issues)).to.equal(undefined);
    expect(issues.toArray()).to.deep.equal([
      { path: 'a', reason: 'must be a plain object, got a Map' },
      { path: 'b', reason: 'must be a plain object, got a Date' },
    ]);
  });

  it('reads class instances and null-prototype objects by their own fields', () => {
    const issues = new IssueList();
    class Usage {
      input = 3;
    }
    const bare = Object.assign(Object.create(null) as object, { output: 4 });
    expect(RecordReader.open(new Usage(), 'a', issues)?.get('input')).to.equal(3);
    expect(RecordReader.open(bare, 'b', issues)?.get('output')).to.equal(4);
    expect(issues.size).to.equal(0);
  });

  it('reports a getter that throws once and reads every key once', () => {
    const issues = new IssueList();
    let reads = 0;
    const source = {
      get bad(): never {
        throw new Error('boom');
      },
      get counted(): number {
        reads += 1;
        return reads;
      },
    };
    const record = RecordReader.open(source, 'x', issues)!;
    expect(record.get('bad')).to.equal(undefined);
    expect(record.get('bad')).to.equal(undefined);
    expect(record.isUnreadable('bad')).to.equal(true);
    expect(record.get('counted')).to.equal(1);
    expect(record.get('counted')).to.equal(1);
    expect(issues.toArray()).to.deep.equal([
      { path: 'x.bad', reason: 'could not be read: its getter threw an error' },
    ]);
  });

  it('reports a proxy whose keys cannot be listed', () => {
    const issues = new IssueList();
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(RecordReader.open(hostile, 'a', issues)).to.equal(undefined);
    expect(RecordReader.open(proxy, 'b', issues)).to.equal(undefined);
    expect(issues.toArray()).to.deep.equal([
      { path: 'a', reason: 'could not be read: inspecting it threw an error' },
      { path: 'b', reason: 'could not be read: inspecting it threw an error' },
    ]);
  });
});
