import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ReadTokens } from '../auth/read-tokens.js';
import { SEEDED_NOW, startSeededServer } from '../__test-support__/seeded-server.js';
import { KEYS, TOKEN_SECRET } from '../__test-support__/test-config.js';
import type { TestServer } from '../__test-support__/test-server.js';
import { VIEWS } from '../query/view-registry.js';
import { testConfig } from '../__test-support__/test-config.js';

/** A valid request for every view. */
const REQUESTS: Record<string, Record<string, unknown>> = {
  leaderboard: {},
  stats: { dauTrend: true },
  timeline: { measure: 'tokens', splitBy: 'category' },
  breakdown: { dimension: 'model', measure: 'cost', top: 3 },
  sessions: { perUser: true },
  comparison: { by: 'agent' },
  patterns: {},
  health: { gauges: ['queue.depth'] },
  budget: {},
  'cost-forecast': {},
  'credit-report': {},
  recommendations: {},
  rows: { preset: 'tokens', sort: { column: 'total' }, limit: 5 },
  'per-user-table': { columns: 'name', sort: { by: 'total' } },
};

describe('POST /v1/query', () => {
  let server: TestServer;
  before(async () => {
    server = await startSeededServer();
  });
  after(() => server.close());

  const query = (credential: string, body: unknown) =>
    server.call('POST', '/v1/query', { credential, body });
  const mint = async (body: unknown, credential: string = KEYS.acme.secret) =>
    (await server.call('POST', '/v1/tokens', { credential, body })).body.token as string;

  it('serves every view with exactly the answer core gives locally', async () => {
    assert.deepEqual(Object.keys(REQUESTS).sort(), Object.keys(VIEWS).sort());
    const settings = testConfig().tenants[0].settings;
    for (const [view, params] of Object.entries(REQUESTS)) {
      const request = { range: { preset: '30d' as const }, ...params };
      const answer = await query(KEYS.acme.secret, { view, ...request });
      assert.equal(answer.status, 200, `${view}: ${JSON.stringify(answer.body)}`);
      const local = await VIEWS[view].run(
        { engine: server.store.engine('acme'), now: SEEDED_NOW, settings },
        request,
      );
      assert.deepEqual(answer.body, JSON.parse(JSON.stringify(local)), view);
    }
  });

  it('takes a preset name as range and a top-level tz', async () => {
    const answer = await query(KEYS.acme.secret, {
      view: 'stats',
      range: '7d',
      tz: 'Asia/Tokyo',
      stats: ['requests'],
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.range.tz, 'Asia/Tokyo');
    assert.equal(answer.body.range.preset, '7d');
  });

  it('answers 400 naming the field for bad requests', async () => {
    const cases: [unknown, string][] = [
      [{ view: 'nope' }, 'view'],
      [{ view: 'leaderboard', dimension: 'model' }, 'dimension'],
      [{ view: 'leaderboard', tenant: 'globex' }, 'tenant'],
      [{ view: 'breakdown', dimension: 'password' }, 'dimension'],
      [{ view: 'stats', range: { preset: 'forever' } }, 'range.preset'],
      [{ view: 'stats', dauTrend: 'yes' }, 'dauTrend'],
      [{ view: 'rows', limit: 'all' }, 'limit'],
      [{ view: 'leaderboard', filters: { category: 3 } }, 'filters.category'],
      [{ view: 'leaderboard', filters: { password: 'x' } }, 'filters.password'],
      [[1, 2], 'body'],
    ];
    for (const [body, field] of cases) {
      const answer = await query(KEYS.acme.secret, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.body.error.field, field, JSON.stringify(answer.body));
      assert.match(answer.body.error.code, /^invalid_/);
    }
  });

  it("forces a member's every query to its own user, whatever it asks", async () => {
    const token = await mint({ role: 'member', sub: 'user-002' });
    const board = await query(token, {
      view: 'leaderboard',
      range: '30d',
      filters: { users: ['user-001', 'user-003'] },
    });
    assert.equal(board.status, 200);
    assert.deepEqual(
      board.body.rows.map((row: { userId: string }) => row.userId),
      ['user-002'],
    );
    assert.equal(board.body.system, null);
    const rows = await query(token, {
      view: 'rows',
      range: '30d',
      limit: 1000,
      filters: { search: 'user-001' },
    });
    assert.equal(rows.body.total, 0);
    const own = await query(token, { view: 'rows', range: '30d', limit: 1000 });
    assert.ok(own.body.total > 0);
    assert.ok(own.body.rows.every((row: { userId: string }) => row.userId === 'user-002'));
  });

  it('lets an admin token see the whole tenant and nothing of another', async () => {
    const acme = await mint({ role: 'admin' });
    const globex = await mint({ role: 'admin' }, KEYS.globex.secret);
    const acmeBoard = await query(acme, { view: 'leaderboard', range: '30d' });
    const globexBoard = await query(globex, { view: 'leaderboard', range: '30d' });
    assert.equal(acmeBoard.body.rows.length, 12);
    assert.equal(globexBoard.body.rows.length, 5);
    const acmeIds = new Set(
      (await query(acme, { view: 'rows', range: '30d', limit: 10_000 })).body.rows.map(
        (row: { id: string }) => row.id,
      ),
    );
    const globexIds = (
      await query(globex, { view: 'rows', range: '30d', limit: 10_000 })
    ).body.rows.map((row: { id: string }) => row.id);
    assert.ok(globexIds.length > 0);
    assert.ok(globexIds.every((id: string) => !acmeIds.has(id)));
  });

  it("never shows another tenant's user of the same id to a member", async () => {
    // Both demo organisations have a user-001.
    const acmeMember = await mint({ role: 'member', sub: 'user-001' });
    const globexMember = await mint({ role: 'member', sub: 'user-001' }, KEYS.globex.secret);
    const ids = async (token: string) =>
      (await query(token, { view: 'rows', range: '90d', limit: 10_000 })).body.rows.map(
        (row: { id: string }) => row.id,
      ) as string[];
    const acmeIds = await ids(acmeMember);
    const globexIds = new Set(await ids(globexMember));
    assert.ok(acmeIds.length > 0 && globexIds.size > 0);
    assert.ok(acmeIds.every((id) => !globexIds.has(id)));
  });

  it('refuses expired, forged and foreign tokens, bad keys and write keys', async () => {
    const body = { view: 'stats', range: '7d' };
    const expired = await new ReadTokens(TOKEN_SECRET).mint(
      { tenant: 'acme', role: 'admin' },
      60,
      SEEDED_NOW - 120_000,
    );
    const forged = await new ReadTokens('x'.repeat(40)).mint(
      { tenant: 'acme', role: 'admin' },
      60,
      SEEDED_NOW,
    );
    const removed = await new ReadTokens(TOKEN_SECRET).mint(
      { tenant: 'initech', role: 'admin' },
      60,
      SEEDED_NOW,
    );
    const expiredAnswer = await query(expired.token, body);
    assert.equal(expiredAnswer.status, 401);
    assert.equal(expiredAnswer.body.error.code, 'token_expired');
    assert.equal((await query(forged.token, body)).status, 401);
    assert.equal((await query(removed.token, body)).status, 401);
    assert.equal((await query('not-a-token', body)).status, 401);
    assert.equal((await query(KEYS.acme.write, body)).status, 403);
    assert.equal((await server.call('POST', '/v1/query', { body })).status, 401);
  });
});
