import { expect } from 'chai';
import type { FieldIssue } from '../errors.js';
import type { RosterUser } from '../event.js';
import { validateRosterUser } from './validate-roster-user.js';

function userOf(input: unknown): RosterUser {
  const result = validateRosterUser(input);
  if (!result.ok) throw new Error(`expected a valid user, got ${JSON.stringify(result.errors)}`);
  return result.user;
}

function errorsOf(input: unknown): FieldIssue[] {
  const result = validateRosterUser(input);
  if (result.ok) throw new Error('expected the user to be refused');
  return result.errors;
}

describe('validateRosterUser', () => {
  it('defaults licensed and active to true', () => {
    expect(userOf({ id: 'u1' })).to.deep.equal({ id: 'u1', licensed: true, active: true });
  });

  it('keeps every field given', () => {
    const user = {
      id: 'u1',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      licensed: false,
      active: false,
    };
    expect(userOf(user)).to.deep.equal(user);
  });

  it('requires an id of 1 to 256 characters', () => {
    expect(userOf({ id: 'u'.repeat(256) }).id).to.have.length(256);
    expect(errorsOf({})).to.deep.equal([{ path: 'id', reason: 'is required' }]);
    expect(errorsOf({ id: '' })).to.deep.equal([{ path: 'id', reason: 'must not be empty' }]);
    expect(errorsOf({ id: 'u'.repeat(257) })).to.deep.equal([
      { path: 'id', reason: 'must be at most 256 characters, got 257' },
    ]);
    expect(errorsOf({ id: 42 })).to.deep.equal([
      { path: 'id', reason: 'must be a string, got 42' },
    ]);
  });

  it('limits the name to 256 characters', () => {
    expect(errorsOf({ id: 'u1', name: 'n'.repeat(257) })).to.deep.equal([
      { path: 'name', reason: 'must be at most 256 characters, got 257' },
    ]);
  });

  it('checks the shape and length of the email', () => {
    expect(userOf({ id: 'u1', email: 'ops@localhost' }).email).to.equal('ops@localhost');
    expect(userOf({ id: 'u1', email: 'a.b+tag@mail.example.co.uk' }).email).to.equal(
      'a.b+tag@mail.example.co.uk',
    );
    for (const email of [
      'ada',
      'ada@',
      '@example.com',
      'a b@example.com',
      'a@b@c',
      'a@.com',
      'a@b.',
    ]) {
      expect(errorsOf({ id: 'u1', email })).to.deep.equal([
        {
          path: 'email',
          reason: `must look like an email address (name@example.com), got ${JSON.stringify(email)}`,
        },
      ]);
    }
    const long = `${'a'.repeat(64)}@${'d'.repeat(252)}.com`;
    expect(errorsOf({ id: 'u1', email: long })[0].reason).to.equal(
      'must be at most 320 characters, got 321',
    );
  });

  it('requires booleans for licensed and active', () => {
    expect(errorsOf({ id: 'u1', licensed: 'yes', active: 1 })).to.deep.equal([
      { path: 'licensed', reason: 'must be true or false, got "yes"' },
      { path: 'active', reason: 'must be true or false, got 1' },
    ]);
  });

  it('refuses unknown fields and non-objects', () => {
    expect(errorsOf({ id: 'u1', role: 'admin', Email: 'x' })).to.deep.equal([
      { path: 'role', reason: 'unknown field' },
      { path: 'Email', reason: 'unknown field (did you mean email?)' },
    ]);
    expect(errorsOf('u1')).to.deep.equal([{ path: '', reason: 'must be an object, got "u1"' }]);
  });

  it('reports a getter that throws instead of throwing', () => {
    const hostile = {
      get id(): string {
        throw new Error('boom');
      },
    };
    expect(errorsOf(hostile)).to.deep.equal([
      { path: 'id', reason: 'could not be read: its getter threw an error' },
    ]);
  });
});
