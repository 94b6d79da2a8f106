import { expect } from 'chai';
import { makeEvent } from '../__test-support__/make-event.js';
import type { RosterUser, StoredEvent } from '../event.js';
import type { TenantSettings } from '../settings.js';
import {
  countingEngine,
  ENGINES,
  fixtureContext,
  resolved,
} from './__test-support__/usage-fixture.js';
import { leaderboard } from './leaderboard.js';

const FROM = Date.UTC(2026, 0, 10);
const TO = Date.UTC(2026, 0, 20);
const T = Date.UTC(2026, 0, 15, 12);
const HOUR = 3_600_000;
const RANGE = resolved(FROM, TO);

const settings: TenantSettings = {
  categories: [{ id: 'chat' }, { id: 'flow' }, { id: 'research' }, { id: 'documents' }],
};

function events(): StoredEvent[] {
  const chat = { name: 'chat.message', category: 'chat' };
  return [
    makeEvent({ userId: 'u3', name: 'flow.meeting_prep', category: 'flow', timestamp: T }),
    makeEvent({ userId: 'u3', name: 'flow.meeting_prep', category: 'flow', timestamp: T + HOUR }),
    makeEvent({ userId: 'u2', ...chat, timestamp: T }),
    makeEvent({ userId: 'u2', ...chat, timestamp: FROM }),
    makeEvent({ userId: 'u1', ...chat, timestamp: T }),
    makeEvent({ userId: 'u1', ...chat, timestamp: T + 2 * HOUR }),
    makeEvent({
      userId: 'u1',
      name: 'doc.generate',
      category: 'documents',
      timestamp: T + 3 * HOUR,
      credits: 2.5,
    }),
    makeEvent({ userId: 'u4', name: 'misc.thing', timestamp: T }),
    makeEvent({ userId: 'u2', ...chat, timestamp: TO }),
    makeEvent({ userId: 'u5', ...chat, timestamp: FROM - 1 }),
    makeEvent({ name: 'doc.generate', category: 'documents', agent: 'assistant', timestamp: T }),
    makeEvent({ name: 'background.analysis', category: 'zeta', agent: 'assistant', timestamp: T }),
    makeEvent({ name: 'background.analysis', category: 'zeta', agent: 'analyst', timestamp: T }),
    makeEvent({ name: 'background.sync', category: 'alpha', timestamp: T }),
    makeEvent({
      userId: 'u1',
      actor: 'system',
      name: 'doc.generate',
      category: 'documents',
      agent: 'assistant',
      timestamp: T,
    }),
  ];
}

const roster: RosterUser[] = [
  { id: 'u1', name: 'Ada Lovelace', email: 'ada@example.com', licensed: true, active: true },
  { id: 'u2', name: 'Grace Hopper', email: 'grace@example.com', licensed: true, active: true },
  { id: 'u3', name: 'Linus', licensed: true, active: false },
  { id: 'u5', name: 'zed', licensed: true, active: true },
  { id: 'u6', name: 'Amy', licensed: true, active: true },
  { id: 'u7', name: 'Bob', licensed: true, active: false },
  { id: 'u8', name: 'Cy', licensed: false, active: true },
  { id: 'u9', licensed: true, active: true },
  { id: 'u10', name: 'Amy', email: 'amy@two.example', licensed: true, active: true },
];

for (const { name: engineName, create } of ENGINES) {
  describe(`leaderboard (${engineName})`, () => {
    const context = () => fixtureContext(create, { events: events(), roster, settings });

    it('gives users with equal totals the same rank and orders the tie by user id', async () => {
      const board = await leaderboard(context(), { range: RANGE });
      const ranked = board.rows.filter((row) => row.rank !== null);
      expect(ranked.map((row) => [row.userId, row.rank, row.total])).to.deep.equal([
        ['u1', 1, 3],
        ['u2', 2, 2],
        ['u3', 2, 2],
        ['u4', 4, 1],
      ]);
    });

    it('counts per category, per event name and credits on each row', async () => {
      const board = await leaderboard(context(), { range: RANGE });
      expect(board.rows[0]).to.deep.equal({
        rank: 1,
        userId: 'u1',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        total: 3,
        credits: 4.5,
        byCategory: { chat: 2, documents: 1 },
        byName: { 'chat.message': 2, 'doc.generate': 1 },
        lastEventAt: T + 3 * HOUR,
        inRoster: true,
        licensed: true,
        active: true,
      });
    });

    it('counts events from the range start but not at its end', async () => {
      const board = await leaderboard(context(), { range: RANGE });
      const grace = board.rows.find((row) => row.userId === 'u2');
      expect(grace?.total).to.equal(2);
      expect(grace?.lastEventAt).to.equal(T);
    });

    it('keeps a deactivated user with events and drops one without', async () => {
      const board = await leaderboard(context(), { range: RANGE });
      const linus = board.rows.find((row) => row.userId === 'u3');
      expect(linus).to.include({ rank: 2, active: false, licensed: true });
      expect(board.rows.map((row) => row.userId)).not.to.include('u7');
    });

    it('marks users who are not on the roster', async () => {
      const board = await leaderboard(context(), { range: RANGE });
      expect(board.rows.find((row) => row.userId === 'u4')).to.include({
        name: null,
        email: null,
        inRoster: false,
        licensed: false,
        active: true,
      });
      expect(board.rows.find((row) => row.userId === 'u4')?.byCategory).to.deep.equal({
        uncategorized: 1,
      });
    });

    it('lists licensed active users without events last, by name then id', async () => {
      const board = await leaderboard(context(), { range: RANGE });
      const idle = board.rows.filter((row) => row.rank === null);
      expect(idle.map((row) => row.userId)).to.deep.equal(['u10', 'u6', 'u5', 'u9']);
      expect(idle[0]).to.deep.equal({
        rank: null,
        userId: 'u10',
        name: 'Amy',
        email: 'amy@two.example',
        total: 0,
        credits: 0,
        byCategory: {},
        byName: {},
        lastEventAt: null,
        inRoster: true,
        licensed: true,
        active: true,
      });
    });

    it('summarises system-attributed events instead of ranking them', async () => {
      const board = await leaderboard(context(), { range: RANGE });
      expect(board.system).to.deep.equal({
        total: 5,
        credits: 5,
        byCategory: { documents: 2, zeta: 2, alpha: 1 },
        byAgent: { assistant: 3, analyst: 1, unknown: 1 },
      });
    });

    it('orders categories as configured, then by total, with uncategorized last', async () => {
      const board = await leaderboard(context(), { range: RANGE });
      expect(board.categories).to.deep.equal([
        'chat',
        'flow',
        'documents',
        'zeta',
        'alpha',
        'uncategorized',
      ]);
    });

    it('sums the ranked users', async () => {
      const board = await leaderboard(context(), { range: RANGE });
      expect(board.totals).to.deep.equal({
        total: 8,
        credits: 9.5,
        activeUsers: 4,
        byCategory: { chat: 4, documents: 1, flow: 2, uncategorized: 1 },
        byName: { 'chat.message': 4, 'doc.generate': 1, 'flow.meeting_prep': 2, 'misc.thing': 1 },
      });
      expect(board.range).to.deep.equal(RANGE);
    });

    it('narrows every row to the users a search by email finds', async () => {
      const board = await leaderboard(context(), {
        range: RANGE,
        filters: { search: 'GRACE@' },
      });
      expect(board.rows.map((row) => [row.userId, row.rank])).to.deep.equal([['u2', 1]]);
      expect(board.system).to.equal(null);
    });

    it('applies a search to the users without events too', async () => {
      const board = await leaderboard(context(), { range: RANGE, filters: { search: 'amy' } });
      expect(board.rows.map((row) => [row.userId, row.rank])).to.deep.equal([
        ['u10', null],
        ['u6', null],
      ]);
    });

    it('shows licensed users with zero when a category filter leaves them no events', async () => {
      const board = await leaderboard(context(), { range: RANGE, filters: { category: 'flow' } });
      expect(board.rows.map((row) => [row.userId, row.rank, row.total])).to.deep.equal([
        ['u3', 1, 2],
        ['u1', null, 0],
        ['u10', null, 0],
        ['u6', null, 0],
        ['u2', null, 0],
        ['u5', null, 0],
        ['u9', null, 0],
      ]);
      expect(board.system).to.equal(null);
      expect(board.categories).to.deep.equal(['flow']);
    });

    it('ranks nobody when only system events are asked for', async () => {
      const board = await leaderboard(context(), { range: RANGE, filters: { actor: 'system' } });
      expect(board.rows.every((row) => row.rank === null)).to.equal(true);
      expect(board.system?.total).to.equal(5);
    });

    it('matches nothing for a hostile search but keeps hostile category ids as data', async () => {
      const hostile = fixtureContext(create, {
        events: [
          makeEvent({ userId: 'u1', category: '__proto__', timestamp: T }),
          makeEvent({ userId: 'u1', category: "'; DROP TABLE events; --", timestamp: T }),
        ],
        roster,
      });
      const searched = await leaderboard(hostile, {
        range: RANGE,
        filters: { search: "' OR 1=1 --" },
      });
      expect(searched.rows).to.deep.equal([]);
      const board = await leaderboard(hostile, { range: RANGE });
      expect(Object.entries(board.rows[0].byCategory)).to.deep.equal([
        ["'; DROP TABLE events; --", 1],
        ['__proto__', 1],
      ]);
      expect(Object.getPrototypeOf(board.rows[0].byCategory)).to.equal(Object.prototype);
    });

    it('lists only idle licensed users when the data floor empties the range', async () => {
      const floored = fixtureContext(create, {
        events: events(),
        roster,
        settings: { ...settings, dataFloor: '2026-02-01' },
      });
      const board = await leaderboard(floored, { range: RANGE });
      expect(board.range).to.include({ from: Date.UTC(2026, 1, 1), to: Date.UTC(2026, 1, 1) });
      expect(board.range.clamped).to.equal(true);
      expect(board.rows.map((row) => row.userId)).to.deep.equal([
        'u1',
        'u10',
        'u6',
        'u2',
        'u5',
        'u9',
      ]);
      expect(board.system).to.equal(null);
      expect(board.categories).to.deep.equal([]);
      expect(board.totals.total).to.equal(0);
    });

    it('asks the engine for two aggregates', async () => {
      const engine = countingEngine(create());
      engine.append(events());
      const board = await leaderboard({ engine, now: TO }, { range: RANGE });
      expect(board.rows.length).to.be.greaterThan(0);
      expect(engine.calls).to.deep.equal(['aggregate', 'aggregate']);
    });
  });
}
