import { expect } from 'chai';
import { makeEvent } from '../__test-support__/make-event.js';
import { TallyError } from '../errors.js';
import type { RosterUser, StoredEvent } from '../event.js';
import { ENGINES, fixtureContext, resolved } from './__test-support__/usage-fixture.js';
import { perUserTable, type PerUserTableRequest } from './per-user-table.js';

const FROM = Date.UTC(2026, 0, 10);
const TO = Date.UTC(2026, 0, 20);
const T = Date.UTC(2026, 0, 15);
const RANGE = resolved(FROM, TO);

function events(): StoredEvent[] {
  return [
    makeEvent({ userId: 'u1', name: 'chat.message', category: 'chat', timestamp: T }),
    makeEvent({
      userId: 'u1',
      name: 'doc.generate',
      category: 'documents',
      timestamp: T,
      credits: 3,
    }),
    makeEvent({ userId: 'u2', name: 'chat.message', category: 'chat', timestamp: T }),
    makeEvent({ userId: 'u2', name: 'chat.message', category: 'chat', timestamp: T }),
    makeEvent({ userId: 'u3', name: 'doc.generate', category: 'documents', timestamp: T }),
    makeEvent({ name: 'background.sync', category: 'sync', timestamp: T }),
  ];
}

const roster: RosterUser[] = [
  { id: 'u1', name: 'Zoe', email: 'zoe@example.com', licensed: true, active: true },
  { id: 'u2', name: 'Ben', email: 'ben@example.com', licensed: true, active: true },
  { id: 'u4', name: 'Cleo', licensed: true, active: true },
];

for (const { name: engineName, create } of ENGINES) {
  describe(`perUserTable (${engineName})`, () => {
    const run = (request: Omit<PerUserTableRequest, 'range'> = {}) =>
      perUserTable(fixtureContext(create, { events: events(), roster }), {
        range: RANGE,
        ...request,
      });

    it('gives every user a column per category in leaderboard order', async () => {
      const table = await run();
      expect(table.columns).to.equal('category');
      expect(table.keys).to.deep.equal(['chat', 'documents']);
      expect(table.rows).to.deep.equal([
        {
          rank: 1,
          userId: 'u1',
          name: 'Zoe',
          email: 'zoe@example.com',
          counts: { chat: 1, documents: 1 },
          total: 2,
          credits: 4,
          licensed: true,
          active: true,
        },
        {
          rank: 1,
          userId: 'u2',
          name: 'Ben',
          email: 'ben@example.com',
          counts: { chat: 2, documents: 0 },
          total: 2,
          credits: 2,
          licensed: true,
          active: true,
        },
        {
          rank: 3,
          userId: 'u3',
          name: null,
          email: null,
          counts: { chat: 0, documents: 1 },
          total: 1,
          credits: 1,
          licensed: false,
          active: true,
        },
        {
          rank: null,
          userId: 'u4',
          name: 'Cleo',
          email: null,
          counts: { chat: 0, documents: 0 },
          total: 0,
          credits: 0,
          licensed: true,
          active: true,
        },
      ]);
      expect(table.system?.total).to.equal(1);
    });

    it('gives a column per event name, most used first', async () => {
      const table = await run({ columns: 'name' });
      expect(table.keys).to.deep.equal(['chat.message', 'doc.generate']);
      expect(table.rows[1].counts).to.deep.equal({ 'chat.message': 2, 'doc.generate': 0 });
    });

    it('sorts by a count column, ties by user id', async () => {
      const table = await run({ sort: { by: 'count', key: 'documents' } });
      expect(table.rows.map((row) => row.userId)).to.deep.equal(['u1', 'u3', 'u2', 'u4']);
      const ascending = await run({ sort: { by: 'count', key: 'chat', direction: 'asc' } });
      expect(ascending.rows.map((row) => row.userId)).to.deep.equal(['u3', 'u4', 'u1', 'u2']);
    });

    it('sorts by user name with unnamed users last, and by credits', async () => {
      const byName = await run({ sort: { by: 'user' } });
      expect(byName.rows.map((row) => row.userId)).to.deep.equal(['u2', 'u4', 'u1', 'u3']);
      const byCredits = await run({ sort: { by: 'credits' } });
      expect(byCredits.rows.map((row) => row.userId)).to.deep.equal(['u1', 'u2', 'u3', 'u4']);
    });

    it('keeps unranked users last when sorting by rank either way', async () => {
      const table = await run({ sort: { by: 'rank', direction: 'desc' } });
      expect(table.rows.map((row) => row.userId)).to.deep.equal(['u3', 'u1', 'u2', 'u4']);
    });

    it('refuses unknown columns and sorts', async () => {
      const context = fixtureContext(create, {});
      const bad = [
        [{ columns: 'model' }, 'columns'],
        [{ sort: { by: 'colour' } }, 'sort.by'],
        [{ sort: { by: 'count' } }, 'sort.key'],
        [{ sort: { by: 'total', direction: 'down' } }, 'sort.direction'],
      ] as const;
      for (const [request, field] of bad) {
        const error = await perUserTable(context, request as unknown as PerUserTableRequest).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(TallyError.isInstance(error) && error.field).to.equal(field);
      }
    });
  });
}
