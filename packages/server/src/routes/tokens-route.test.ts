import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { KEYS } from '../__test-support__/test-config.js';
import { startTestServer, type TestServer } from '../__test-support__/test-server.js';

const NOW = Date.UTC(2026, 5, 15, 12);

describe('POST /v1/tokens', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: () => NOW });
  });
  after(() => server.close());

  const mint = (body: unknown, credential: string = KEYS.acme.secret) =>
    server.call('POST', '/v1/tokens', { credential, body });

  it('mints a member token naming the tenant, role and user', async () => {
    const answer = await mint({ role: 'member', sub: 'u1', ttlSeconds: 120 });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.expiresAt, NOW + 120_000);
    const claims = decodeJwt(answer.body.token);
    assert.deepEqual(
      { tenant: claims.tenant, role: claims.role, sub: claims.sub, exp: claims.exp },
      { tenant: 'acme', role: 'member', sub: 'u1', exp: NOW / 1000 + 120 },
    );
  });

  it('uses the default lifetime and cuts a longer one to the maximum', async () => {
    assert.equal((await mint({ role: 'admin' })).body.ttlSeconds, 600);
    assert.equal((await mint({ role: 'admin', ttlSeconds: 10 ** 9 })).body.ttlSeconds, 3600);
  });

  it('takes the tenant from the secret key, never from the request', async () => {
    const answer = await mint({ role: 'admin', tenant: 'acme' }, KEYS.globex.secret);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.field, 'tenant');
    const globex = await mint({ role: 'admin' }, KEYS.globex.secret);
    assert.equal(decodeJwt(globex.body.token).tenant, 'globex');
  });

  it('refuses a member token without a user, bad roles and lifetimes', async () => {
    for (const [body, field] of [
      [{ role: 'member' }, 'sub'],
      [{ role: 'owner' }, 'role'],
      [{ role: 'admin', ttlSeconds: -5 }, 'ttlSeconds'],
      [{ role: 'admin', ttlSeconds: '60' }, 'ttlSeconds'],
      [{ role: 'member', sub: 42 }, 'sub'],
    ] as const) {
      const answer = await mint(body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.body.error.field, field);
    }
  });

  it('mints only with a secret key', async () => {
    assert.equal((await mint({ role: 'admin' }, KEYS.acme.write)).status, 403);
    const admin = (await mint({ role: 'admin' })).body.token;
    assert.equal((await mint({ role: 'admin' }, admin)).status, 403);
    assert.equal(
      (await server.call('POST', '/v1/tokens', { body: { role: 'admin' } })).status,
      401,
    );
  });
});
