import { expect } from 'chai';
import { makeEvent } from '../__test-support__/make-event.js';
import { TallyError } from '../errors.js';
import type { StoredEvent } from '../event.js';
import { ENGINES, fixtureContext, resolved } from './__test-support__/usage-fixture.js';
import { eventRows, type EventRowsRequest } from './rows.js';

const FROM = Date.UTC(2026, 0, 10);
const TO = Date.UTC(2026, 0, 20);
const RANGE = resolved(FROM, TO);
const tokens = (input: number, output: number) => ({
  input,
  output,
  cachedInput: 0,
  cacheWrite: 0,
  reasoning: 0,
});

function events(): StoredEvent[] {
  return [
    makeEvent({
      id: 'a',
      userId: 'u1',
      timestamp: FROM,
      endpoint: '/v1/chat',
      context: { ip: '1.1.1.1', country: 'DE', city: 'Berlin', browser: 'Firefox' },
      source: 'chat',
      model: 'gpt-4o',
      tokens: tokens(100, 20),
      costNanos: 2_500_000,
      pricing: 'catalog',
      status: 'ok',
      latencyMs: 120,
    }),
    makeEvent({
      id: 'b',
      userId: 'u2',
      timestamp: FROM + 1000,
      endpoint: '=HYPERLINK("x")',
      source: 'api',
      model: 'mystery',
      tokens: tokens(5, 5),
      pricing: 'unpriced',
    }),
    makeEvent({ id: 'c', userId: 'u1', timestamp: FROM + 2000, name: 'page.view' }),
    makeEvent({
      id: 'd',
      timestamp: FROM + 2000,
      source: 'widget',
      costNanos: 1_000_000,
      pricing: 'app',
    }),
    makeEvent({ id: 'e', userId: 'u1', timestamp: TO }),
  ];
}

for (const { name: engineName, create } of ENGINES) {
  describe(`eventRows (${engineName})`, () => {
    const run = (request: Omit<EventRowsRequest, 'range'> = {}) =>
      eventRows(fixtureContext(create, { events: events() }), { range: RANGE, ...request });

    it('lists requests newest first with the request columns', async () => {
      const page = await run();
      expect(page.rows.map((row) => row.id)).to.deep.equal(['c', 'd', 'b', 'a']);
      expect(page.total).to.equal(4);
      expect(page.columns.map((column) => column.key)).to.deep.equal([
        'time',
        'id',
        'name',
        'userId',
        'endpoint',
        'ip',
        'country',
        'region',
        'city',
        'browser',
        'timezone',
        'page',
        'status',
        'latencyMs',
      ]);
      expect(page.rows[3]).to.deep.equal({
        time: FROM,
        id: 'a',
        name: 'chat.message',
        userId: 'u1',
        endpoint: '/v1/chat',
        ip: '1.1.1.1',
        country: 'DE',
        region: null,
        city: 'Berlin',
        browser: 'Firefox',
        timezone: null,
        page: null,
        status: 'ok',
        latencyMs: 120,
      });
    });

    it('keeps hostile cell text as it is; exports escape it', async () => {
      const page = await run();
      expect(page.rows.find((row) => row.id === 'b')?.endpoint).to.equal('=HYPERLINK("x")');
    });

    it('pages the rows and reports the total of all pages', async () => {
      const page = await run({ sort: { column: 'time', direction: 'asc' }, offset: 1, limit: 2 });
      expect(page.rows.map((row) => row.id)).to.deep.equal(['b', 'c']);
      expect([page.total, page.offset, page.limit]).to.deep.equal([4, 1, 2]);
    });

    it('returns every row for export', async () => {
      const page = await run({ limit: 'all' });
      expect(page.rows).to.have.length(4);
      expect(page.limit).to.equal(null);
    });

    it('lists usage records with the token columns, sorted by total tokens', async () => {
      const page = await run({ preset: 'tokens', sort: { column: 'total' } });
      expect(page.rows).to.deep.equal([
        {
          time: FROM,
          id: 'a',
          userId: 'u1',
          source: 'chat',
          model: 'gpt-4o',
          input: 100,
          output: 20,
          total: 120,
          costUsd: 0.0025,
          pricing: 'catalog',
          credits: 1,
        },
        {
          time: FROM + 1000,
          id: 'b',
          userId: 'u2',
          source: 'api',
          model: 'mystery',
          input: 5,
          output: 5,
          total: 10,
          costUsd: 0,
          pricing: 'unpriced',
          credits: 1,
        },
        {
          time: FROM + 2000,
          id: 'd',
          userId: null,
          source: 'widget',
          model: null,
          input: null,
          output: null,
          total: null,
          costUsd: 0.001,
          pricing: 'app',
          credits: 1,
        },
      ]);
      expect(page.total).to.equal(3);
    });

    it('sorts text ascending by default and breaks ties by id', async () => {
      const page = await run({ sort: [{ column: 'userId' }, { column: 'time' }] });
      expect(page.rows.map((row) => row.id)).to.deep.equal(['c', 'a', 'b', 'd']);
    });

    it('applies filters', async () => {
      const page = await run({ filters: { users: ['u1'] } });
      expect(page.rows.map((row) => row.id)).to.deep.equal(['c', 'a']);
    });

    it('refuses unknown presets, columns and paging', async () => {
      const context = fixtureContext(create, {});
      const bad = [
        [{ preset: 'clicks' }, 'preset'],
        [{ preset: 'tokens', sort: { column: 'ip' } }, 'sort.column'],
        [{ sort: [{ column: 'time', direction: 'up' }] }, 'sort[0].direction'],
        [{ offset: -1 }, 'offset'],
        [{ limit: 2.5 }, 'limit'],
      ] as const;
      for (const [request, field] of bad) {
        const error = await eventRows(context, request as unknown as EventRowsRequest).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(TallyError.isInstance(error) && error.field).to.equal(field);
      }
    });
  });
}
