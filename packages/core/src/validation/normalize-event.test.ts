import { expect } from 'chai';
import { TallyError } from '../errors.js';
import { normalizeEvent } from './normalize-event.js';

const base = { id: 'evt-1', name: 'chat.message', timestamp: '2026-01-15T09:30:00Z' };

function errorOf(input: unknown): TallyError {
  try {
    normalizeEvent(input);
  } catch (error) {
    if (TallyError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected normalizeEvent to throw');
}

describe('normalizeEvent', () => {
  it('returns the normalised event', () => {
    expect(normalizeEvent({ ...base, userId: 'u1' })).to.deep.equal({
      ...base,
      userId: 'u1',
      timestamp: Date.UTC(2026, 0, 15, 9, 30),
      actor: 'user',
      tokens: null,
    });
  });

  it('throws one problem as field: reason', () => {
    const error = errorOf({ ...base, tokens: { input: -3 } });
    expect(error.message).to.equal('tokens.input: must be a non-negative integer, got -3');
    expect(error.code).to.equal('invalid_event');
    expect(error.field).to.equal('tokens.input');
    expect(error.issues).to.deep.equal([
      { path: 'tokens.input', reason: 'must be a non-negative integer, got -3' },
    ]);
  });

  it('carries every problem and names the others in the message', () => {
    const error = errorOf({ id: 'evt 1', rating: 0, status: 'x', foo: 1, bar: 2 });
    expect(error.issues).to.have.length(7);
    expect(error.message).to.equal('foo: unknown field (and 6 more problems: bar, id, name, …)');
  });

  it('names the event itself when the input is not an object', () => {
    const error = errorOf('nope');
    expect(error.message).to.equal('event: must be an object, got "nope"');
    expect(error.field).to.equal('event');
    expect(error.issues).to.deep.equal([{ path: '', reason: 'must be an object, got "nope"' }]);
  });

  it('passes the options through', () => {
    const now = Date.UTC(2026, 0, 15);
    expect(() => normalizeEvent(base, { now, maxFutureMs: 0 })).to.throw(TallyError, /^timestamp:/);
  });
});
