import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TallyError } from '@tally/core';
import { readRange, readViewRequest } from './read-view-request.js';

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    assert.ok(TallyError.isInstance(error));
    return error.field;
  }
  assert.fail('no error');
};

describe('readViewRequest', () => {
  it("passes a view's own parameters through to core and joins tz to the range", () => {
    const parsed = readViewRequest({
      view: 'breakdown',
      range: '7d',
      tz: 'Europe/Paris',
      dimension: 'model',
      top: 3,
    });
    assert.equal(parsed.name, 'breakdown');
    assert.deepEqual(parsed.request, {
      range: { preset: '7d', tz: 'Europe/Paris' },
      dimension: 'model',
      top: 3,
    });
  });

  it('refuses parameters of other views, and unknown views, by name', () => {
    assert.equal(
      fieldOf(() => readViewRequest({ view: 'stats', dimension: 'model' })),
      'dimension',
    );
    assert.equal(
      fieldOf(() => readViewRequest({ view: '__proto__' })),
      'view',
    );
    assert.equal(
      fieldOf(() => readViewRequest({ view: 'toString' })),
      'view',
    );
  });
});

describe('readRange', () => {
  it('refuses a tz that disagrees with range.tz', () => {
    assert.equal(
      fieldOf(() => readRange({ preset: '7d', tz: 'UTC' }, 'Asia/Tokyo')),
      'tz',
    );
    assert.deepEqual(readRange({ preset: '7d', tz: 'UTC' }, 'UTC'), { preset: '7d', tz: 'UTC' });
    assert.deepEqual(readRange(undefined, 'UTC'), { tz: 'UTC' });
    assert.equal(readRange(undefined, undefined), undefined);
  });
});
