import { expect } from 'chai';
import type { FieldIssue } from '../errors.js';
import type { EventContext } from '../event.js';
import { checkContext } from './check-context.js';
import { IssueList } from './issue-list.js';

function run(value: unknown): { context: EventContext | undefined; issues: FieldIssue[] } {
  const issues = new IssueList();
  const context = checkContext(value, issues);
  return { context, issues: issues.toArray() };
}

describe('checkContext', () => {
  it('keeps the client fields given', () => {
    const context = {
      page: 'https://app.example.com/settings/usage',
      referrer: 'https://app.example.com/',
      browser: 'Firefox 140',
      os: 'macOS',
      timezone: 'Europe/Berlin',
      locale: 'de-DE',
    };
    expect(run(context)).to.deep.equal({ context, issues: [] });
  });

  it('leaves out an empty context', () => {
    expect(run({})).to.deep.equal({ context: undefined, issues: [] });
    expect(run(undefined)).to.deep.equal({ context: undefined, issues: [] });
  });

  it('refuses the fields only the server may set', () => {
    const reason = 'is set by the server from the request; the client must not send it';
    expect(
      run({ ip: '1.2.3.4', country: 'DE', region: 'BE', city: 'Berlin' }).issues,
    ).to.deep.equal([
      { path: 'context.ip', reason },
      { path: 'context.country', reason },
      { path: 'context.region', reason },
      { path: 'context.city', reason },
    ]);
  });

  it('refuses unknown fields', () => {
    expect(run({ screen: '1920x1080' }).issues).to.deep.equal([
      { path: 'context.screen', reason: 'unknown field' },
    ]);
  });

  it('allows 2048 characters for URLs and 128 for the rest', () => {
    expect(run({ page: 'p'.repeat(2048), os: 'o'.repeat(128) }).issues).to.deep.equal([]);
    expect(run({ referrer: 'r'.repeat(2049), locale: 'l'.repeat(129) }).issues).to.deep.equal([
      { path: 'context.referrer', reason: 'must be at most 2048 characters, got 2049' },
      { path: 'context.locale', reason: 'must be at most 128 characters, got 129' },
    ]);
  });

  it('refuses non-strings and empty strings', () => {
    expect(run({ page: 1, referrer: '' }).issues).to.deep.equal([
      { path: 'context.page', reason: 'must be a string, got 1' },
      {
        path: 'context.referrer',
        reason: 'must not be empty (omit the field when there is none)',
      },
    ]);
  });

  it('refuses a context that is not an object', () => {
    expect(run('browser').issues).to.deep.equal([
      { path: 'context', reason: 'must be an object, got "browser"' },
    ]);
  });
});
