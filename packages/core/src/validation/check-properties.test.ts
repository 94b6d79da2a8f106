import { expect } from 'chai';
import type { FieldIssue } from '../errors.js';
import type { PropertyValue } from '../event.js';
import { checkProperties } from './check-properties.js';
import { IssueList } from './issue-list.js';

function run(value: unknown): {
  properties: Record<string, PropertyValue> | undefined;
  issues: FieldIssue[];
} {
  const issues = new IssueList();
  const properties = checkProperties(value, issues);
  return { properties, issues: issues.toArray() };
}

function manyKeys(count: number): Record<string, number> {
  const object: Record<string, number> = {};
  for (let index = 0; index < count; index += 1) object[`k${index}`] = index;
  return object;
}

describe('checkProperties', () => {
  it('keeps strings, finite numbers, booleans and null', () => {
    const properties = { plan: 'pro', seats: 12, trial: false, coupon: null, note: '' };
    expect(run(properties)).to.deep.equal({ properties, issues: [] });
  });

  it('returns a copy, not the object given', () => {
    const given = { plan: 'pro' };
    expect(run(given).properties).to.not.equal(given);
  });

  it('leaves out empty properties and undefined values', () => {
    expect(run({})).to.deep.equal({ properties: undefined, issues: [] });
    expect(run({ a: undefined, b: 1 })).to.deep.equal({ properties: { b: 1 }, issues: [] });
  });

  it('allows 50 keys and refuses 51 with one issue', () => {
    expect(run(manyKeys(50)).issues).to.deep.equal([]);
    expect(run(manyKeys(51)).issues).to.deep.equal([
      { path: 'properties', reason: 'must have at most 50 keys, got 51' },
    ]);
  });

  it('refuses nested objects and arrays: properties are flat', () => {
    expect(run({ user: { plan: 'pro' }, tags: ['a'] }).issues).to.deep.equal([
      {
        path: 'properties.user',
        reason: 'must be a string, number, boolean or null (properties are flat), got an object',
      },
      {
        path: 'properties.tags',
        reason: 'must be a string, number, boolean or null (properties are flat), got an array',
      },
    ]);
  });

  it('refuses non-finite numbers', () => {
    expect(run({ ratio: Number.NaN, big: -Infinity }).issues).to.deep.equal([
      { path: 'properties.ratio', reason: 'must be a finite number, got NaN' },
      { path: 'properties.big', reason: 'must be a finite number, got -Infinity' },
    ]);
  });

  it('measures string values in UTF-8 bytes', () => {
    expect(run({ a: 'x'.repeat(1024), b: 'é'.repeat(512) }).issues).to.deep.equal([]);
    expect(
      run({ a: 'x'.repeat(1025), b: 'é'.repeat(513), c: '😀'.repeat(257) }).issues,
    ).to.deep.equal([
      { path: 'properties.a', reason: 'must be at most 1024 bytes of UTF-8, got 1025' },
      { path: 'properties.b', reason: 'must be at most 1024 bytes of UTF-8, got 1026' },
      { path: 'properties.c', reason: 'must be at most 1024 bytes of UTF-8, got 1028' },
    ]);
  });

  it('checks key length and refuses empty keys', () => {
    expect(run({ ['k'.repeat(128)]: 1 }).issues).to.deep.equal([]);
    const issues = run({ ['k'.repeat(129)]: 1, '': 2 }).issues;
    expect(issues.map((issue) => issue.reason)).to.deep.equal([
      'must be at most 128 characters, got 129',
      'must not be empty (omit the field when there is none)',
    ]);
    expect(issues[1].path).to.equal('properties[""]');
  });

  it('quotes keys with dots in the issue path', () => {
    expect(run({ 'plan.tier': {} }).issues[0].path).to.equal('properties["plan.tier"]');
  });

  it('refuses the __proto__ key without touching any prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as unknown;
    const { properties, issues } = run(hostile);
    expect(issues).to.deep.equal([{ path: 'properties.__proto__', reason: 'is a reserved key' }]);
    expect(properties).to.deep.equal({ ok: 1 });
    expect(Object.getPrototypeOf(properties)).to.equal(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('keeps keys named like Object.prototype members as plain data', () => {
    expect(run({ constructor: 'x', toString: 1 }).properties).to.deep.equal({
      constructor: 'x',
      toString: 1,
    });
  });
});
