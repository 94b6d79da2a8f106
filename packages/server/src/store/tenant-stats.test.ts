import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  countText,
  countValue,
  emptyTenantStats,
  fractionBits,
  mergeTenantStats,
  parseTenantStats,
  sumIsOrderFree,
} from './tenant-stats.js';

describe('fractionBits', () => {
  it('counts the binary digits after the point', () => {
    assert.equal(fractionBits(3), 0);
    assert.equal(fractionBits(-7e15), 0);
    assert.equal(fractionBits(2.5), 1);
    assert.equal(fractionBits(0.125), 3);
    assert.equal(fractionBits(0.1), 55);
    assert.ok(fractionBits(Number.MIN_VALUE) > 1000);
  });
});

describe('sumIsOrderFree', () => {
  it('holds for integers and dyadic fractions whose sums stay exact', () => {
    const stats = emptyTenantStats();
    for (const value of [1, 2.5, 0.25, 1e6]) countValue(stats, 'credits', value);
    assert.ok(sumIsOrderFree(stats, 'credits'));
    assert.ok(sumIsOrderFree(stats, 'latencyMs'));
    assert.ok(sumIsOrderFree(undefined, 'credits'));
  });

  it('fails for decimals, and for sums that grow past 2^53 units', () => {
    const decimals = emptyTenantStats();
    countValue(decimals, 'credits', 0.1);
    // One value alone sums exactly; a few of them no longer do.
    assert.ok(sumIsOrderFree(decimals, 'credits'));
    countValue(decimals, 'credits', 0.2);
    countValue(decimals, 'credits', 0.3);
    assert.ok(!sumIsOrderFree(decimals, 'credits'));
    const large = emptyTenantStats();
    countValue(large, 'timestamp', 2 ** 51);
    assert.ok(sumIsOrderFree(large, 'timestamp'));
    countValue(large, 'timestamp', 2 ** 51);
    assert.ok(sumIsOrderFree(large, 'timestamp'));
    countValue(large, 'timestamp', 1);
    assert.ok(!sumIsOrderFree(large, 'timestamp'));
  });

  it('survives a JSON round trip and merges by growing', () => {
    const first = emptyTenantStats();
    countValue(first, 'value', 0.5);
    const second = emptyTenantStats();
    countValue(second, 'value', -0.1);
    countText(second, 'x\uE000');
    mergeTenantStats(first, second);
    const copy = parseTenantStats(JSON.stringify(first));
    assert.deepStrictEqual(copy, first);
    assert.equal(copy.fields.value.fractionBits, fractionBits(0.1));
    assert.equal(copy.fields.value.absSum, 0.6);
    assert.equal(copy.wideText, true);
  });

  it('marks text with code units at or above U+D800', () => {
    const stats = emptyTenantStats();
    countText(stats, 'données 助手');
    assert.equal(stats.wideText, false);
    countText(stats, '😀');
    assert.equal(stats.wideText, true);
  });
});
