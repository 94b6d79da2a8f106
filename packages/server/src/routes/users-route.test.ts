import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KEYS } from '../__test-support__/test-config.js';
import { startTestServer, type TestServer } from '../__test-support__/test-server.js';

describe('PUT /v1/users', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const put = (body: unknown, credential: string = KEYS.acme.secret) =>
    server.call('PUT', '/v1/users', { credential, body });

  it('upserts valid users and reports invalid ones by index', async () => {
    const answer = await put({
      users: [
        { id: 'u1', name: 'Ada', email: 'ada@example.com', licensed: true, active: true },
        { id: 'u2', email: 'not an email' },
        { id: 'u3', licensed: false },
      ],
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.upserted, 2);
    assert.equal(answer.body.rejected[0].index, 1);
    assert.equal(answer.body.rejected[0].errors[0].path, 'email');
    const roster = await server.store.engine('acme').roster();
    assert.deepEqual(roster.map((user) => user.id).sort(), ['u1', 'u3']);
    assert.deepEqual(await server.store.engine('globex').roster(), []);
  });

  it('changes the roster only with the secret key', async () => {
    assert.equal((await put({ users: [{ id: 'x' }] }, KEYS.acme.write)).status, 403);
  });

  it('answers 400 for a body that is not { users: [...] }', async () => {
    assert.equal((await put({ users: 'u1' })).body.error.field, 'users');
    assert.equal((await put({ people: [] })).body.error.field, 'people');
    assert.equal((await put([{ id: 'u1' }])).status, 400);
  });
});
