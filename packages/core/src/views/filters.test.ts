import { expect } from 'chai';
import { TallyError } from '../errors.js';
import type { RosterUser } from '../event.js';
import { mergeFilters, toEngineFilters } from './filters.js';
import type { ViewFilters } from './types.js';

const roster: RosterUser[] = [
  { id: 'u1', name: 'Ada Lovelace', email: 'ada@example.com', licensed: true, active: true },
  { id: 'u2', name: 'Grace Hopper', email: 'grace@navy.example', licensed: true, active: true },
  { id: 'ops-7', email: 'ops@example.com', licensed: false, active: true },
];

function thrown(action: () => unknown): TallyError {
  try {
    action();
  } catch (error) {
    if (TallyError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a TallyError');
}

describe('toEngineFilters', () => {
  it('gives no filters for no view filters', () => {
    expect(toEngineFilters(undefined, roster)).to.deep.equal({});
    expect(toEngineFilters({}, roster)).to.deep.equal({});
  });

  it('turns single values and arrays into allow-lists', () => {
    expect(
      toEngineFilters(
        { category: 'chat', model: ['gpt-4o', 'mini'], status: 'error', actor: ['user'] },
        roster,
      ),
    ).to.deep.equal({
      category: ['chat'],
      model: ['gpt-4o', 'mini'],
      status: ['error'],
      actor: ['user'],
    });
  });

  it('maps every dimension filter onto the same engine dimension', () => {
    const filters: ViewFilters = {
      name: 'a',
      agent: 'b',
      source: 'c',
      endpoint: 'd',
      provider: 'e',
      country: 'f',
      ip: 'g',
    };
    expect(toEngineFilters(filters, roster)).to.deep.equal({
      name: ['a'],
      agent: ['b'],
      source: ['c'],
      endpoint: ['d'],
      provider: ['e'],
      country: ['f'],
      ip: ['g'],
    });
  });

  it('finds users by a case-insensitive substring of their email', () => {
    expect(toEngineFilters({ search: 'NAVY.Example' }, roster)).to.deep.equal({ userId: ['u2'] });
  });

  it('finds users by name or id and ignores surrounding spaces', () => {
    expect(toEngineFilters({ search: '  lovelace ' }, roster)).to.deep.equal({ userId: ['u1'] });
    expect(toEngineFilters({ search: 'ops-' }, roster)).to.deep.equal({ userId: ['ops-7'] });
    expect(toEngineFilters({ search: 'example.com' }, roster)).to.deep.equal({
      userId: ['u1', 'ops-7'],
    });
  });

  it('gives an empty allow-list when the search matches nobody', () => {
    expect(toEngineFilters({ search: 'nobody' }, roster)).to.deep.equal({ userId: [] });
  });

  it('treats an empty search as no search', () => {
    expect(toEngineFilters({ search: '   ' }, roster)).to.deep.equal({});
  });

  it('intersects the users filter with the search', () => {
    expect(toEngineFilters({ users: ['u1', 'u2'], search: 'grace' }, roster)).to.deep.equal({
      userId: ['u2'],
    });
    expect(toEngineFilters({ users: ['u1'], search: 'grace' }, roster)).to.deep.equal({
      userId: [],
    });
  });

  it('keeps users that are not on the roster when only users are given', () => {
    expect(toEngineFilters({ users: ['ghost', 'u1', 'ghost'] }, roster)).to.deep.equal({
      userId: ['ghost', 'u1'],
    });
  });

  it('passes hostile strings through as plain values', () => {
    const hostile = ["'; DROP TABLE events; --", '%', '.*', '__proto__', '=cmd|"/c calc"!A1'];
    expect(toEngineFilters({ category: hostile, search: '.*' }, roster)).to.deep.equal({
      category: hostile,
      userId: [],
    });
    expect(toEngineFilters({ search: '%' }, roster)).to.deep.equal({ userId: [] });
  });

  it('keeps an empty array as a filter that matches nothing', () => {
    expect(toEngineFilters({ category: [] }, roster)).to.deep.equal({ category: [] });
  });

  it('treats null filters as absent', () => {
    const filters = { category: null, search: null } as unknown as ViewFilters;
    expect(toEngineFilters(filters, roster)).to.deep.equal({});
  });

  it('names the offending filter when a value is not a string', () => {
    const error = thrown(() => toEngineFilters({ category: 42 } as unknown as ViewFilters, roster));
    expect(error.field).to.equal('filters.category');
    expect(error.code).to.equal('invalid_query');
    expect(error.message).to.equal(
      'filters.category: must be a string or an array of strings (got 42)',
    );
  });

  it('names the offending array entry', () => {
    const filters = { model: ['gpt-4o', { $ne: 1 }] } as unknown as ViewFilters;
    expect(thrown(() => toEngineFilters(filters, roster)).field).to.equal('filters.model[1]');
  });

  it('refuses a status or actor outside their choices', () => {
    const status = { status: 'failed' } as unknown as ViewFilters;
    expect(thrown(() => toEngineFilters(status, roster)).message).to.equal(
      'filters.status: must be one of ok, error (got "failed")',
    );
    const actor = { actor: ['user', 'bot'] } as unknown as ViewFilters;
    expect(thrown(() => toEngineFilters(actor, roster)).field).to.equal('filters.actor[1]');
  });

  it('refuses a search that is not a string, and unknown filters', () => {
    const search = { search: ['ada'] } as unknown as ViewFilters;
    expect(thrown(() => toEngineFilters(search, roster)).field).to.equal('filters.search');
    const unknown = { region: 'EU' } as unknown as ViewFilters;
    expect(thrown(() => toEngineFilters(unknown, roster)).field).to.equal('filters.region');
    const notObject = 'chat' as unknown as ViewFilters;
    expect(thrown(() => toEngineFilters(notObject, roster)).field).to.equal('filters');
  });
});

describe('mergeFilters', () => {
  it('keeps dimensions that only one side restricts', () => {
    expect(mergeFilters({ category: ['chat'] }, { actor: ['user'] })).to.deep.equal({
      category: ['chat'],
      actor: ['user'],
    });
  });

  it('intersects dimensions that both sides restrict', () => {
    expect(
      mergeFilters(
        { actor: ['user', 'system'], model: ['a', null] },
        { actor: ['user'], model: [null] },
      ),
    ).to.deep.equal({ actor: ['user'], model: [null] });
    expect(mergeFilters({ actor: ['system'] }, { actor: ['user'] })).to.deep.equal({ actor: [] });
  });

  it('accepts missing sides and leaves its inputs alone', () => {
    const a = { userId: ['u1'] };
    expect(mergeFilters(a, undefined)).to.deep.equal({ userId: ['u1'] });
    expect(mergeFilters(undefined, a)).to.deep.equal({ userId: ['u1'] });
    mergeFilters(a, { userId: ['u2'] });
    expect(a).to.deep.equal({ userId: ['u1'] });
  });
});
