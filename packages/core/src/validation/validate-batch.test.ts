import { expect } from 'chai';
import { TallyError } from '../errors.js';
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS } from './limits.js';
import { validateBatch } from './validate-batch.js';

const T0 = Date.UTC(2026, 0, 15, 9, 30);

function wire(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, name: 'chat.message', timestamp: T0, ...extra };
}

function batchError(input: unknown): TallyError {
  try {
    validateBatch(input);
  } catch (error) {
    if (TallyError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the batch to be refused');
}

describe('validateBatch', () => {
  it('accepts every valid event, normalised, in submitted order', () => {
    const result = validateBatch([wire('a'), wire('b', { userId: 'u1' })]);
    expect(result.accepted).to.deep.equal([0, 1]);
    expect(result.events.map((event) => [event.id, event.actor])).to.deep.equal([
      ['a', 'system'],
      ['b', 'user'],
    ]);
    expect(result.rejected).to.deep.equal([]);
    expect(result.duplicates).to.deep.equal([]);
  });

  it('still accepts the valid events when others are rejected', () => {
    const result = validateBatch([
      wire('a'),
      wire('b', { tokens: { input: -3 } }),
      'junk',
      wire('c'),
    ]);
    expect(result.accepted).to.deep.equal([0, 3]);
    expect(result.events.map((event) => event.id)).to.deep.equal(['a', 'c']);
    expect(result.rejected).to.deep.equal([
      {
        index: 1,
        errors: [{ path: 'tokens.input', reason: 'must be a non-negative integer, got -3' }],
      },
      { index: 2, errors: [{ path: '', reason: 'must be an object, got "junk"' }] },
    ]);
  });

  it('keeps the first event of a repeated id and reports the others as duplicates', () => {
    const result = validateBatch([wire('a'), wire('b'), wire('a', { name: 'retry' }), wire('a')]);
    expect(result.accepted).to.deep.equal([0, 1]);
    expect(result.events[0].name).to.equal('chat.message');
    expect(result.duplicates).to.deep.equal([
      { index: 2, id: 'a', keptIndex: 0 },
      { index: 3, id: 'a', keptIndex: 0 },
    ]);
    expect(result.rejected).to.deep.equal([]);
  });

  it('keeps a valid event whose id was first used by a rejected one', () => {
    const result = validateBatch([wire('a', { rating: 9 }), wire('a')]);
    expect(result.accepted).to.deep.equal([1]);
    expect(result.duplicates).to.deep.equal([]);
    expect(result.rejected.map((item) => item.index)).to.deep.equal([0]);
  });

  it('applies the event options to every event', () => {
    const result = validateBatch([wire('a'), wire('b', { timestamp: T0 + 120_000 })], {
      now: T0,
      maxFutureMs: 60_000,
    });
    expect(result.accepted).to.deep.equal([0]);
    expect(result.rejected[0].errors[0].path).to.equal('timestamp');
  });

  it('accepts an empty batch', () => {
    expect(validateBatch([])).to.deep.equal({
      events: [],
      accepted: [],
      duplicates: [],
      rejected: [],
    });
  });

  it('reports holes in a sparse batch as missing events', () => {
    // eslint-disable-next-line no-sparse-arrays
    const result = validateBatch([wire('a'), , wire('b')]);
    expect(result.accepted).to.deep.equal([0, 2]);
    expect(result.rejected).to.deep.equal([
      { index: 1, errors: [{ path: '', reason: 'must be an object, got undefined' }] },
    ]);
  });

  it(`accepts ${MAX_BATCH_EVENTS} events and refuses the whole batch beyond`, () => {
    const full = Array.from({ length: MAX_BATCH_EVENTS }, (_, index) => wire(`e${index}`));
    expect(validateBatch(full).accepted).to.have.length(MAX_BATCH_EVENTS);
    const error = batchError([...full, wire('extra')]);
    expect(error.code).to.equal('invalid_batch');
    expect(error.field).to.equal('batch');
    expect(error.message).to.equal('batch: must hold at most 500 events (got 501)');
  });

  it('refuses a batch that is not an array', () => {
    for (const input of [undefined, null, { batch: [] }, 'events']) {
      const error = batchError(input);
      expect(error.code).to.equal('invalid_batch');
      expect(error.message).to.match(/^batch: must be an array of events \(got /);
    }
  });

  it('exports the byte limit of a batch body as 1 MiB', () => {
    expect(MAX_BATCH_BYTES).to.equal(1_048_576);
  });
});
