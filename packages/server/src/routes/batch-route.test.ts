import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { KEYS, testConfig } from '../__test-support__/test-config.js';
import { startTestServer, wireEvent, type TestServer } from '../__test-support__/test-server.js';

const NOW = Date.UTC(2026, 5, 15, 12);

/** Sends `size` bytes of body in 64 KiB chunks without a Content-Length; resolves with the status. */
function chunkedUpload(url: string, size: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const target = new URL('/v1/batch', url);
    let sent = 0;
    const outgoing = httpRequest(target, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEYS.acme.write}`, 'content-type': 'application/json' },
    });
    outgoing.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, sent }));
    });
    outgoing.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const write = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!outgoing.write(chunk)) return void outgoing.once('drain', write);
      }
      outgoing.end();
    };
    write();
  });
}

describe('POST /v1/batch', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      now: () => NOW,
      config: testConfig({
        trustedProxy: { ipHeaders: ['x-forwarded-for'], geoHeaders: { country: 'cf-ipcountry' } },
      }),
      geo: (ip) =>
        ip === '198.51.100.7' ? { country: 'FR', region: 'IDF', city: 'Paris' } : undefined,
    });
  });
  after(() => server.close());

  const send = (
    body: unknown,
    credential: string = KEYS.acme.write,
    headers?: Record<string, string>,
  ) => server.call('POST', '/v1/batch', { credential, body, headers });
  const storedRows = async (tenant = 'acme') =>
    (await server.store.engine(tenant).rows({ range: { from: 0, to: 8.64e15 }, limit: 10_000 }))
      .rows;

  it('stores valid events, refuses invalid ones by index, and counts resent ones once', async () => {
    const good = wireEvent({ id: 'b1-good', timestamp: NOW - 1000 });
    const first = await send({
      batch: [good, { ...good, id: 'b1-bad', tokens: { input: -3 } }],
      sentAt: NOW,
    });
    assert.equal(first.status, 200);
    assert.equal(first.body.accepted, 1);
    assert.deepEqual(
      first.body.rejected.map((item: { index: number }) => item.index),
      [1],
    );
    assert.equal(first.body.rejected[0].errors[0].path, 'tokens.input');
    const again = await send({ batch: [good, good], sentAt: NOW });
    assert.deepEqual(again.body, { accepted: 0, duplicates: 2, rejected: [] });
    assert.equal((await storedRows()).filter((event) => event.id === 'b1-good').length, 1);
  });

  it('prices events at ingest with the tenant credit rules', async () => {
    await send({
      batch: [wireEvent({ id: 'b2', model: 'o3', timestamp: NOW - 1000 })],
      sentAt: NOW,
    });
    const stored = (await storedRows()).find((event) => event.id === 'b2');
    assert.equal(stored?.credits, 2);
    assert.equal(stored?.pricing, 'catalog');
  });

  it('refuses system events with the write key and accepts them with the secret key', async () => {
    const system = {
      id: 'b3',
      name: 'doc.index',
      timestamp: NOW - 1000,
      actor: 'system',
      agent: 'docs-agent',
    };
    const refused = await send({ batch: [system], sentAt: NOW });
    assert.equal(refused.body.rejected[0].errors[0].path, 'actor');
    const accepted = await send({ batch: [system], sentAt: NOW }, KEYS.acme.secret);
    assert.equal(accepted.body.accepted, 1);
  });

  it('corrects a client clock that is an hour behind with sentAt', async () => {
    const behind = NOW - 3_600_000;
    await send({ batch: [wireEvent({ id: 'b4', timestamp: behind - 5000 })], sentAt: behind });
    const stored = (await storedRows()).find((event) => event.id === 'b4');
    assert.equal(stored?.timestamp, NOW - 5000);
  });

  it('adds the IP from the trusted proxy header and the location from headers and lookup', async () => {
    await send(
      { batch: [wireEvent({ id: 'b5', timestamp: NOW - 1000 })], sentAt: NOW },
      KEYS.acme.write,
      {
        'x-forwarded-for': '203.0.113.1, 198.51.100.7',
        'cf-ipcountry': 'BE',
      },
    );
    const stored = (await storedRows()).find((event) => event.id === 'b5');
    assert.deepEqual(stored?.context, {
      ip: '198.51.100.7',
      country: 'BE',
      region: 'IDF',
      city: 'Paris',
    });
  });

  it('refuses an event claiming its own IP or country', async () => {
    const claimed = await send({
      batch: [wireEvent({ context: { ip: '1.2.3.4', country: 'US' } })],
      sentAt: NOW,
    });
    assert.deepEqual(
      claimed.body.rejected[0].errors.map((issue: { path: string }) => issue.path).sort(),
      ['context.country', 'context.ip'],
    );
  });

  it('accepts sendBeacon bodies: text/plain with the key in the body or the query', async () => {
    const body = JSON.stringify({
      batch: [wireEvent({ id: 'b6', timestamp: NOW - 1000 })],
      sentAt: NOW,
      writeKey: KEYS.acme.write,
    });
    const inBody = await fetch(`${server.url}/v1/batch`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    assert.equal(inBody.status, 200);
    assert.equal(((await inBody.json()) as { accepted: number }).accepted, 1);
    const inQuery = await fetch(`${server.url}/v1/batch?writeKey=${KEYS.acme.write}`, {
      method: 'POST',
      body: JSON.stringify({
        batch: [wireEvent({ id: 'b7', timestamp: NOW - 1000 })],
        sentAt: NOW,
      }),
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(((await inQuery.json()) as { accepted: number }).accepted, 1);
  });

  it('answers 401 for a missing or unknown key and 403 for a read token', async () => {
    const batch = { batch: [wireEvent()], sentAt: NOW };
    assert.equal((await server.call('POST', '/v1/batch', { body: batch })).status, 401);
    const unknown = await send(batch, 'tly_pub_not_a_real_key_000');
    assert.equal(unknown.status, 401);
    assert.equal(unknown.body.error.code, 'unauthorized');
    const minted = await server.call('POST', '/v1/tokens', {
      credential: KEYS.acme.secret,
      body: { role: 'admin' },
    });
    assert.equal((await send(batch, minted.body.token)).status, 403);
  });

  it('answers 400 with the field for malformed JSON and wrong shapes', async () => {
    const malformed = await send('{"batch": [', KEYS.acme.write);
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.code, 'invalid_json');
    const notArray = await send({ batch: { id: 'x' } });
    assert.equal(notArray.status, 400);
    assert.equal(notArray.body.error.field, 'batch');
    const extra = await send({ batch: [], sentAt: NOW, tenant: 'globex' });
    assert.equal(extra.body.error.field, 'tenant');
    const badSentAt = await send({ batch: [], sentAt: 'soon' });
    assert.equal(badSentAt.body.error.field, 'sentAt');
    const tooMany = await send({
      batch: Array.from({ length: 501 }, () => wireEvent()),
      sentAt: NOW,
    });
    assert.equal(tooMany.status, 400);
  });

  it('survives hostile shapes: deep nesting, prototype keys, huge numbers', async () => {
    const deep = `{"batch":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
    const nested = await send(deep);
    assert.equal(nested.status, 200);
    assert.equal(nested.body.rejected[0].index, 0);
    const proto = await send(
      '{"batch":[{"id":"p1","name":"x","timestamp":1,"__proto__":{"admin":true},"constructor":{}}]}',
    );
    assert.equal(proto.status, 200);
    assert.deepEqual(
      proto.body.rejected[0].errors.map((issue: { path: string }) => issue.path).sort(),
      ['__proto__', 'constructor'],
    );
    const huge = await send({
      batch: [wireEvent({ latencyMs: 1e308 * 10, tokens: { input: 2 ** 60 } })],
    });
    assert.equal(huge.status, 200);
    assert.equal(huge.body.rejected.length, 1);
    assert.equal((await server.call('GET', '/healthz')).status, 200);
  });

  it('refuses a 10 MB body with 413 while it streams, without reading it all', async () => {
    const declared = await send('x'.repeat(2 * 1024 * 1024));
    assert.equal(declared.status, 413);
    assert.equal(declared.body.error.code, 'payload_too_large');
    const streamed = await chunkedUpload(server.url, 10 * 1024 * 1024);
    assert.equal(streamed.status, 413);
  });

  it('applies identify records from the SDK without handing out seats', async () => {
    await server.store.upsertUsers('acme', [
      { id: 'u9', name: 'Old', licensed: false, active: true },
    ]);
    const answer = await send({
      batch: [],
      sentAt: NOW,
      users: [
        { id: 'u9', name: 'New Name' },
        { id: 'u10', email: 'u10@example.com' },
        { id: 'u11', licensed: true },
      ],
    });
    assert.equal(answer.body.users.upserted, 2);
    assert.equal(answer.body.users.rejected[0].index, 2);
    const roster = new Map(
      (await server.store.engine('acme').roster()).map((user) => [user.id, user]),
    );
    assert.deepEqual(roster.get('u9'), {
      id: 'u9',
      name: 'New Name',
      licensed: false,
      active: true,
    });
    assert.equal(roster.get('u10')?.licensed, true);
    assert.equal(roster.has('u11'), false);
  });

  it('keeps one tenant out of another: a key writes only to its own tenant', async () => {
    await send(
      { batch: [wireEvent({ id: 'b8', timestamp: NOW - 1000 })], sentAt: NOW },
      KEYS.globex.write,
    );
    assert.ok((await storedRows('globex')).some((event) => event.id === 'b8'));
    assert.ok(!(await storedRows('acme')).some((event) => event.id === 'b8'));
  });
});

describe('POST /v1/batch rate limit', () => {
  it("answers 429 with Retry-After once a tenant's burst is used, and not for other tenants", async () => {
    const server = await startTestServer({
      now: () => NOW,
      config: testConfig({ rateLimits: { ingest: { perSecond: 0.5, burst: 2 } } }),
    });
    try {
      const body = { batch: [], sentAt: NOW };
      const statuses = [];
      for (let index = 0; index < 3; index += 1) {
        statuses.push(
          (await server.call('POST', '/v1/batch', { credential: KEYS.acme.write, body })).status,
        );
      }
      assert.deepEqual(statuses, [200, 200, 429]);
      const limited = await server.call('POST', '/v1/batch', { credential: KEYS.acme.write, body });
      assert.equal(limited.headers.get('retry-after'), '2');
      assert.equal(limited.body.error.code, 'rate_limited');
      assert.equal(
        (await server.call('POST', '/v1/batch', { credential: KEYS.globex.write, body })).status,
        200,
      );
    } finally {
      await server.close();
    }
  });
});
