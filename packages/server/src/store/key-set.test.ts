import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyHash } from './key-hash.js';
import { KeySet } from './key-set.js';

describe('keyHash', () => {
  it('gives integers below 2^53 that tell tenant and id apart', () => {
    const hashes = new Set<number>();
    for (let index = 0; index < 50_000; index += 1) {
      const hash = keyHash(`t${index % 5}`, `e${index}`);
      assert.ok(Number.isSafeInteger(hash) && hash >= 0);
      hashes.add(hash);
    }
    assert.equal(hashes.size, 50_000);
    assert.notEqual(keyHash('ab', 'c'), keyHash('a', 'bc'));
    assert.notEqual(keyHash('acme', 'x'), keyHash('globex', 'x'));
    assert.equal(keyHash('acme', 'x'), keyHash('acme', 'x'));
  });
});

describe('KeySet', () => {
  it('finds every added hash and no other, across growth', () => {
    const set = new KeySet(4);
    for (let index = 0; index < 100_000; index += 1) set.add(keyHash('t', `in${index}`));
    set.add(keyHash('t', 'in0'));
    assert.equal(set.size, 100_000);
    for (let index = 0; index < 100_000; index += 1) {
      assert.ok(set.has(keyHash('t', `in${index}`)));
      assert.ok(!set.has(keyHash('t', `out${index}`)));
    }
  });

  it('holds 0 and 2^53 - 1', () => {
    const set = new KeySet();
    set.add(0);
    set.add(2 ** 53 - 1);
    assert.ok(set.has(0) && set.has(2 ** 53 - 1) && !set.has(1));
  });
});
