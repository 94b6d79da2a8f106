import { expect } from 'chai';
import { TallyError } from '../errors.js';
import { readArray } from './read-array.js';

const options = { field: 'batch', code: 'invalid_batch', noun: 'events', maxItems: 3 };

function errorOf(input: unknown): TallyError {
  try {
    readArray(input, options);
  } catch (error) {
    if (TallyError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a TallyError');
}

describe('readArray', () => {
  it('copies an array within the limit', () => {
    const input = [1, 2, 3];
    const items = readArray(input, options);
    expect(items).to.deep.equal([1, 2, 3]);
    expect(items).to.not.equal(input);
  });

  it('refuses non-arrays with the field and code', () => {
    const error = errorOf({ length: 1, 0: 'a' });
    expect(error.message).to.equal('batch: must be an array of events (got an object)');
    expect(error.code).to.equal('invalid_batch');
    expect(error.field).to.equal('batch');
  });

  it('refuses arrays over the limit', () => {
    expect(errorOf([1, 2, 3, 4]).message).to.equal('batch: must hold at most 3 events (got 4)');
  });

  it('refuses a revoked proxy instead of leaking a TypeError', () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(errorOf(proxy).code).to.equal('invalid_batch');
  });

  it('turns elements that throw when read into undefined', () => {
    const hostile = new Proxy([1, 2], {
      get(target, key) {
        if (key === '1') throw new Error('no');
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(readArray(hostile, options)).to.deep.equal([1, undefined]);
  });
});
