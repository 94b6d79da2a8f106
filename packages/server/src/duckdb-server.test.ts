import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SEEDED_NOW, startSeededServer } from './__test-support__/seeded-server.js';
import { tempFolder } from './__test-support__/temp-folder.js';
import { KEYS, testConfig } from './__test-support__/test-config.js';
import { startTestServer, wireEvent, type TestServer } from './__test-support__/test-server.js';
import { DuckDbStore } from './store/duckdb-store.js';

/** Strings that would change a query if any of them reached SQL as text. */
const INJECTIONS = [
  "x' OR '1'='1",
  "'; DROP TABLE events; --",
  'x") OR 1=1 --',
  "chat' UNION SELECT * FROM roster --",
  '%',
  '\\',
  '\u0000',
];

const FILTERS = [
  'category',
  'name',
  'agent',
  'source',
  'endpoint',
  'model',
  'provider',
  'country',
  'ip',
  'users',
];

describe('the server on a DuckDB file', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let path: string;
  let server: TestServer;
  before(async () => {
    folder = await tempFolder('duckdb');
    path = join(folder.path, 'tally.duckdb');
    server = await startSeededServer(await DuckDbStore.open(path));
  });
  after(async () => {
    await server.close();
    await folder.remove();
  });

  const query = (body: unknown) =>
    server.call('POST', '/v1/query', { credential: KEYS.acme.secret, body });
  const eventCount = async () =>
    (await query({ view: 'rows', range: '90d', limit: 0 })).body.total as number;

  it('treats SQL in every filter as a plain value', async () => {
    const before = await eventCount();
    assert.ok(before > 0);
    for (const filter of FILTERS) {
      for (const value of INJECTIONS) {
        for (const view of ['leaderboard', 'stats', 'rows']) {
          const answer = await query({ view, range: '90d', filters: { [filter]: [value] } });
          assert.equal(
            answer.status,
            200,
            `${view} ${filter}=${JSON.stringify(value)}: ${JSON.stringify(answer.body)}`,
          );
          if (view === 'rows')
            assert.equal(answer.body.total, 0, `${filter}=${JSON.stringify(value)}`);
        }
      }
    }
    for (const value of INJECTIONS) {
      const search = await query({ view: 'rows', range: '90d', filters: { search: value } });
      assert.equal(search.status, 200);
      assert.equal(search.body.total, 0, JSON.stringify(value));
    }
    assert.equal(await eventCount(), before);
  });

  it('refuses SQL in sort, dimension and column names before it reaches the database', async () => {
    for (const value of INJECTIONS) {
      for (const body of [
        { view: 'rows', range: '90d', sort: { column: value } },
        { view: 'rows', range: '90d', sort: [{ column: 'time', direction: value }] },
        { view: 'per-user-table', range: '90d', sort: { by: value } },
        { view: 'breakdown', range: '90d', dimension: value },
        { view: 'timeline', range: '90d', splitBy: value },
        { view: 'comparison', range: '90d', by: value },
      ]) {
        const answer = await query(body);
        assert.equal(answer.status, 400, `${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`);
      }
      const exported = await server.call('GET', `/v1/export?sort=${encodeURIComponent(value)}`, {
        credential: KEYS.acme.secret,
      });
      assert.equal(exported.status, 400);
    }
    const keyed = await query({
      view: 'per-user-table',
      range: '90d',
      columns: 'name',
      sort: { by: 'count', key: INJECTIONS[1] },
    });
    assert.equal(keyed.status, 200);
  });

  it('stores hostile text verbatim and gives it back unchanged', async () => {
    const hostile = "Robert'); DROP TABLE events;--";
    const event = wireEvent({
      id: 'hostile-1',
      timestamp: SEEDED_NOW - 1000,
      userId: hostile,
      agent: hostile,
      properties: { [hostile]: hostile },
    });
    const stored = await server.call('POST', '/v1/batch', {
      credential: KEYS.acme.secret,
      body: { batch: [event] },
    });
    assert.equal(stored.body.accepted, 1);
    const rows = await server.call(
      'GET',
      `/v1/export?format=json&range=today&users=${encodeURIComponent(hostile)}`,
      { credential: KEYS.acme.secret },
    );
    assert.equal(rows.body.length, 1);
    assert.equal(rows.body[0].agent, hostile);
    assert.deepEqual(rows.body[0].properties, { [hostile]: hostile });
  });
});

describe('restarting on the same DuckDB file', () => {
  it('keeps every event, the roster and dedup', async () => {
    const folder = await tempFolder('restart');
    try {
      const path = join(folder.path, 'tally.duckdb');
      const first = await startSeededServer(await DuckDbStore.open(path));
      const batch = {
        batch: [wireEvent({ id: 'restart-1', timestamp: SEEDED_NOW - 5000, userId: 'newcomer' })],
        sentAt: SEEDED_NOW,
      };
      assert.equal(
        (await first.call('POST', '/v1/batch', { credential: KEYS.acme.write, body: batch })).body
          .accepted,
        1,
      );
      await first.call('PUT', '/v1/users', {
        credential: KEYS.acme.secret,
        body: { users: [{ id: 'newcomer', name: 'New Comer' }] },
      });
      const views = [
        { view: 'leaderboard', range: '30d' },
        { view: 'stats', range: '30d' },
        { view: 'timeline', range: '7d', measure: 'cost' },
        { view: 'rows', range: '90d', limit: 50 },
      ];
      const before = [];
      for (const body of views)
        before.push(
          (await first.call('POST', '/v1/query', { credential: KEYS.acme.secret, body })).body,
        );
      const exportBefore = (
        await first.call('GET', '/v1/export?range=90d', { credential: KEYS.acme.secret })
      ).body;
      await first.close();

      const second = await startTestServer({
        store: await DuckDbStore.open(path),
        config: testConfig(),
        now: () => SEEDED_NOW,
      });
      try {
        for (const [index, body] of views.entries()) {
          const answer = await second.call('POST', '/v1/query', {
            credential: KEYS.acme.secret,
            body,
          });
          assert.deepEqual(answer.body, before[index], body.view);
        }
        const exportAfter = (
          await second.call('GET', '/v1/export?range=90d', { credential: KEYS.acme.secret })
        ).body;
        assert.equal(exportAfter, exportBefore);
        const resent = await second.call('POST', '/v1/batch', {
          credential: KEYS.acme.write,
          body: batch,
        });
        assert.deepEqual(resent.body, { accepted: 0, duplicates: 1, rejected: [] });
        const roster = await second.store.engine('acme').roster();
        assert.equal(roster.find((user) => user.id === 'newcomer')?.name, 'New Comer');
      } finally {
        await second.close();
      }
    } finally {
      await folder.remove();
    }
  });
});
