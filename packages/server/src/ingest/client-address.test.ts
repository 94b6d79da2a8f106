import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientAddress, normalizeAddress } from './client-address.js';

const request = (headers: Record<string, string>) => new Request('http://localhost/', { headers });
const noProxy = { ipHeaders: [], hops: 1, geoHeaders: {} };

describe('clientAddress', () => {
  it('uses the socket address and ignores proxy headers unless configured', () => {
    const spoofed = request({ 'x-forwarded-for': '203.0.113.9' });
    assert.equal(clientAddress(spoofed, '::ffff:192.0.2.1', noProxy), '192.0.2.1');
  });

  it('takes the entry the trusted proxy appended', () => {
    const proxied = request({ 'x-forwarded-for': '198.51.100.7, 203.0.113.9' });
    const proxy = { ipHeaders: ['x-forwarded-for'], hops: 1, geoHeaders: {} };
    assert.equal(clientAddress(proxied, '10.0.0.1', proxy), '203.0.113.9');
    assert.equal(clientAddress(proxied, '10.0.0.1', { ...proxy, hops: 2 }), '198.51.100.7');
  });

  it('reads RFC 7239 Forwarded headers and single-value headers', () => {
    const proxy = { ipHeaders: ['forwarded', 'cf-connecting-ip'], hops: 1, geoHeaders: {} };
    assert.equal(
      clientAddress(
        request({ forwarded: 'for="[2001:db8::1]:4711";proto=https' }),
        undefined,
        proxy,
      ),
      '2001:db8::1',
    );
    assert.equal(
      clientAddress(request({ 'cf-connecting-ip': '192.0.2.44' }), undefined, proxy),
      '192.0.2.44',
    );
  });

  it('falls back to the socket when the header holds no address', () => {
    const proxy = { ipHeaders: ['x-real-ip'], hops: 1, geoHeaders: {} };
    assert.equal(
      clientAddress(request({ 'x-real-ip': "'; DROP TABLE events" }), '192.0.2.5', proxy),
      '192.0.2.5',
    );
  });
});

describe('normalizeAddress', () => {
  it('strips ports and brackets and refuses non-addresses', () => {
    assert.equal(normalizeAddress('192.0.2.1:8080'), '192.0.2.1');
    assert.equal(normalizeAddress('[2001:DB8::2]:443'), '2001:db8::2');
    assert.equal(normalizeAddress('example.com'), undefined);
  });
});
