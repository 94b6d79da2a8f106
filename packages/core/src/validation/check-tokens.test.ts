import { expect } from 'chai';
import type { FieldIssue } from '../errors.js';
import type { NormalizedTokens } from '../event.js';
import { checkTokens } from './check-tokens.js';
import { IssueList } from './issue-list.js';

function run(value: unknown): { tokens: NormalizedTokens | null; issues: FieldIssue[] } {
  const issues = new IssueList();
  const tokens = checkTokens(value, issues);
  return { tokens, issues: issues.toArray() };
}

describe('checkTokens', () => {
  it('gives null when the event has no tokens', () => {
    expect(run(undefined)).to.deep.equal({ tokens: null, issues: [] });
  });

  it('fills every missing bucket with 0', () => {
    expect(run({ input: 100, cachedInput: 40 }).tokens).to.deep.equal({
      input: 100,
      output: 0,
      cachedInput: 40,
      cacheWrite: 0,
      reasoning: 0,
    });
    expect(run({ output: 7 }).tokens).to.deep.equal({
      input: 0,
      output: 7,
      cachedInput: 0,
      cacheWrite: 0,
      reasoning: 0,
    });
  });

  it('keeps every bucket given', () => {
    const all = { input: 1000, output: 300, cachedInput: 600, cacheWrite: 400, reasoning: 300 };
    expect(run(all)).to.deep.equal({ tokens: all, issues: [] });
  });

  it('refuses negative, fractional and non-numeric counts with the bucket path', () => {
    expect(run({ input: -3, output: 1.5, reasoning: '2' }).issues).to.deep.equal([
      { path: 'tokens.input', reason: 'must be a non-negative integer, got -3' },
      { path: 'tokens.output', reason: 'must be a non-negative integer, got 1.5' },
      { path: 'tokens.reasoning', reason: 'must be a non-negative integer, got "2"' },
    ]);
  });

  it('refuses unknown buckets, suggesting the intended one', () => {
    expect(run({ input: 1, prompt: 5, cached_input: 1 }).issues).to.deep.equal([
      { path: 'tokens.prompt', reason: 'unknown field' },
      { path: 'tokens.cached_input', reason: 'unknown field (did you mean cachedInput?)' },
    ]);
  });

  it('refuses cached tokens beyond the input that includes them', () => {
    expect(run({ input: 10, cachedInput: 11 }).issues).to.deep.equal([
      {
        path: 'tokens.cachedInput',
        reason:
          'cachedInput (11) must not exceed input (10): input includes cached and cache-write tokens',
      },
    ]);
    expect(run({ input: 10, cachedInput: 6, cacheWrite: 5 }).issues).to.deep.equal([
      {
        path: 'tokens.cachedInput',
        reason:
          'cachedInput + cacheWrite (6 + 5) must not exceed input (10): input includes cached and cache-write tokens',
      },
    ]);
    expect(run({ input: 10, cacheWrite: 11 }).issues[0].path).to.equal('tokens.cacheWrite');
    expect(run({ input: 10, cachedInput: 6, cacheWrite: 4 }).issues).to.deep.equal([]);
  });

  it('refuses cached tokens without input', () => {
    expect(run({ cachedInput: 5 }).issues).to.deep.equal([
      {
        path: 'tokens.cachedInput',
        reason: 'needs tokens.input too: input includes cached and cache-write tokens',
      },
    ]);
    expect(run({ cacheWrite: 5 }).issues[0].path).to.equal('tokens.cacheWrite');
  });

  it('refuses reasoning beyond, or without, the output that includes it', () => {
    expect(run({ output: 5, reasoning: 6 }).issues).to.deep.equal([
      {
        path: 'tokens.reasoning',
        reason: 'must not exceed output (6 > 5): output includes reasoning tokens',
      },
    ]);
    expect(run({ input: 5, reasoning: 1 }).issues).to.deep.equal([
      {
        path: 'tokens.reasoning',
        reason: 'needs tokens.output too: output includes reasoning tokens',
      },
    ]);
  });

  it('refuses an empty object and non-objects', () => {
    expect(run({}).issues).to.deep.equal([
      {
        path: 'tokens',
        reason:
          'must have at least one of input, output, cachedInput, cacheWrite, reasoning (omit tokens when there are none)',
      },
    ]);
    expect(run(null).issues).to.deep.equal([
      { path: 'tokens', reason: 'must be an object, got null' },
    ]);
    expect(run([1, 2]).issues).to.deep.equal([
      { path: 'tokens', reason: 'must be an object, got an array' },
    ]);
    expect(run(12).issues).to.deep.equal([{ path: 'tokens', reason: 'must be an object, got 12' }]);
  });

  it('skips the consistency checks while a count is invalid', () => {
    expect(run({ input: -1, cachedInput: 5 }).issues).to.deep.equal([
      { path: 'tokens.input', reason: 'must be a non-negative integer, got -1' },
    ]);
  });

  it('treats an undefined bucket as absent', () => {
    expect(run({ input: 3, output: undefined }).tokens).to.deep.equal({
      input: 3,
      output: 0,
      cachedInput: 0,
      cacheWrite: 0,
      reasoning: 0,
    });
  });
});
