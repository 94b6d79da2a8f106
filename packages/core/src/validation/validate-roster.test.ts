import { expect } from 'chai';
import { TallyError } from '../errors.js';
import { MAX_ROSTER_USERS } from './limits.js';
import { validateRoster } from './validate-roster.js';

function rosterError(input: unknown): TallyError {
  try {
    validateRoster(input);
  } catch (error) {
    if (TallyError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the roster to be refused');
}

describe('validateRoster', () => {
  it('accepts the valid users and reports the invalid ones by index', () => {
    const result = validateRoster([
      { id: 'u1' },
      { id: '' },
      { id: 'u2', email: 'x' },
      { id: 'u3' },
    ]);
    expect(result.users.map((user) => user.id)).to.deep.equal(['u1', 'u3']);
    expect(result.accepted).to.deep.equal([0, 3]);
    expect(result.rejected).to.deep.equal([
      { index: 1, errors: [{ path: 'id', reason: 'must not be empty' }] },
      {
        index: 2,
        errors: [
          { path: 'email', reason: 'must look like an email address (name@example.com), got "x"' },
        ],
      },
    ]);
  });

  it('keeps the last record of a repeated id, as successive upserts would', () => {
    const result = validateRoster([
      { id: 'u1', name: 'Old' },
      { id: 'u2' },
      { id: 'u1', name: 'New', active: false },
    ]);
    expect(result.users).to.deep.equal([
      { id: 'u2', licensed: true, active: true },
      { id: 'u1', name: 'New', licensed: true, active: false },
    ]);
    expect(result.accepted).to.deep.equal([1, 2]);
    expect(result.duplicates).to.deep.equal([{ index: 0, id: 'u1', keptIndex: 2 }]);
  });

  it('does not let an invalid record supersede a valid one', () => {
    const result = validateRoster([{ id: 'u1' }, { id: 'u1', licensed: 'no' }]);
    expect(result.accepted).to.deep.equal([0]);
    expect(result.duplicates).to.deep.equal([]);
    expect(result.rejected.map((item) => item.index)).to.deep.equal([1]);
  });

  it(`accepts ${MAX_ROSTER_USERS} users and refuses the whole roster beyond`, () => {
    const full = Array.from({ length: MAX_ROSTER_USERS }, (_, index) => ({ id: `u${index}` }));
    expect(validateRoster(full).users).to.have.length(MAX_ROSTER_USERS);
    const error = rosterError([...full, { id: 'extra' }]);
    expect(error.code).to.equal('invalid_roster');
    expect(error.field).to.equal('users');
    expect(error.message).to.equal('users: must hold at most 10000 users (got 10001)');
  });

  it('refuses a roster that is not an array', () => {
    expect(rosterError({ id: 'u1' }).message).to.equal(
      'users: must be an array of users (got an object)',
    );
  });
});
