import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SEEDED_NOW, startSeededServer } from '../__test-support__/seeded-server.js';
import { KEYS } from '../__test-support__/test-config.js';
import { wireEvent, type TestServer } from '../__test-support__/test-server.js';

/** The records of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 1;
    } else field += char;
  }
  return records;
}

describe('GET /v1/export', () => {
  let server: TestServer;
  let total: number;
  before(async () => {
    server = await startSeededServer();
    const rows = await server.store
      .engine('acme')
      .rows({ range: { from: 0, to: 8.64e15 }, limit: 0 });
    total = rows.total;
  });
  after(() => server.close());

  const exportOf = (query: string, credential: string = KEYS.acme.secret) =>
    server.call('GET', `/v1/export?${query}`, { credential });

  it('streams every matching event as CSV, far beyond one page', async () => {
    assert.ok(total > 5000, `the seed has ${total} events`);
    const answer = await exportOf('range=90d');
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(
      answer.headers.get('content-disposition') ?? '',
      /attachment; filename="tally-events-acme-2026-06-15\.csv"/,
    );
    const records = parseCsv(answer.body);
    assert.equal(records[0][0], 'id');
    assert.equal(records.length - 1, total);
  });

  it('exports JSON and NDJSON with the same rows', async () => {
    const json = await exportOf('range=7d&format=json&category=chat');
    const ndjson = await exportOf('range=7d&format=ndjson&category=chat');
    assert.ok(Array.isArray(json.body) && json.body.length > 0);
    assert.ok(json.body.every((event: { category: string }) => event.category === 'chat'));
    const lines = String(ndjson.body)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(lines, json.body);
  });

  it('escapes formula injection in CSV cells', async () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","x")',
      '+1+1',
      '-2+3',
      '@SUM(A1:A9)',
      '\tcmd',
    ];
    await server.call('POST', '/v1/batch', {
      credential: KEYS.acme.secret,
      body: {
        batch: hostile.map((text, index) =>
          wireEvent({
            id: `inject-${index}`,
            timestamp: SEEDED_NOW - 1000,
            userId: 'mallory',
            agent: text,
            endpoint: text,
          }),
        ),
        sentAt: SEEDED_NOW,
      },
    });
    const answer = await exportOf('range=today&users=mallory');
    const records = parseCsv(answer.body);
    const agent = records[0].indexOf('agent');
    const cells = records
      .slice(1)
      .map((record) => record[agent])
      .sort();
    assert.deepEqual(cells, hostile.map((text) => `'${text}`).sort());
  });

  it("exports only a member's own events", async () => {
    const token = (
      await server.call('POST', '/v1/tokens', {
        credential: KEYS.acme.secret,
        body: { role: 'member', sub: 'user-003' },
      })
    ).body.token;
    const answer = await exportOf('range=90d&format=json&users=user-001', token);
    assert.ok(answer.body.length > 0);
    assert.ok(answer.body.every((event: { userId: string }) => event.userId === 'user-003'));
  });

  it('exports the tables and the per-user table with their own columns', async () => {
    const tokens = parseCsv((await exportOf('view=tokens&range=7d&sort=total:desc')).body);
    assert.deepEqual(tokens[0].slice(0, 3), ['Time', 'ID', 'User']);
    const totalColumn = tokens[0].indexOf('Total tokens');
    const totals = tokens.slice(1).map((record) => Number(record[totalColumn]));
    assert.deepEqual(
      totals,
      [...totals].sort((a, b) => b - a),
    );
    const perUser = parseCsv((await exportOf('view=per-user-table&range=30d')).body);
    assert.deepEqual(perUser[0].slice(0, 4), ['Rank', 'User ID', 'Name', 'Email']);
    const table = await server.call('POST', '/v1/query', {
      credential: KEYS.acme.secret,
      body: { view: 'per-user-table', range: '30d' },
    });
    assert.deepEqual(
      perUser.slice(1).map((record) => record[1]),
      table.body.rows.map((row: { userId: string }) => row.userId),
    );
  });

  it('answers 400 for unknown parameters, views, formats and sort fields', async () => {
    for (const [query, field] of [
      ['format=xlsx', 'format'],
      ['view=secrets', 'view'],
      ['tenant=globex', 'tenant'],
      ['sort=timestamp;DROP TABLE events', 'sort'],
      ['sort=password:asc', 'sort'],
      ['range=1y', 'range.preset'],
      ['format=csv&format=json', 'format'],
    ]) {
      const answer = await exportOf(query);
      assert.equal(answer.status, 400, query);
      assert.equal(answer.body.error.field, field, `${query}: ${JSON.stringify(answer.body)}`);
    }
  });
});
