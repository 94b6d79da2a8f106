import { expect } from 'chai';
import { makeEvent } from '../__test-support__/make-event.js';
import { TallyError } from '../errors.js';
import type { StoredEvent } from '../event.js';
import {
  countingEngine,
  ENGINES,
  fixtureContext,
  resolved,
} from './__test-support__/usage-fixture.js';
import { stats, type StatsRequest } from './stats.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const FROM = Date.UTC(2026, 0, 10);
const TO = Date.UTC(2026, 0, 20);
const RANGE = resolved(FROM, TO);

function events(): StoredEvent[] {
  return [
    // The current period, [Jan 10, Jan 20).
    makeEvent({
      userId: 'u1',
      timestamp: Date.UTC(2026, 0, 19, 10, 0),
      context: { ip: '1.1.1.1' },
      conversationId: 'c1',
      tokens: { input: 100, output: 50, cachedInput: 0, cacheWrite: 0, reasoning: 0 },
      latencyMs: 100,
      status: 'ok',
      costNanos: 1_500_000_000,
      pricing: 'catalog',
      credits: 2,
    }),
    makeEvent({
      userId: 'u1',
      timestamp: Date.UTC(2026, 0, 19, 10, 10),
      context: { ip: '1.1.1.1' },
      conversationId: 'c1',
      latencyMs: 200,
      status: 'ok',
      feedback: 1,
    }),
    makeEvent({
      userId: 'u2',
      timestamp: Date.UTC(2026, 0, 15, 9, 0),
      context: { ip: '2.2.2.2' },
      conversationId: 'c2',
      latencyMs: 300,
      status: 'error',
      feedback: -1,
    }),
    makeEvent({
      userId: 'u2',
      timestamp: Date.UTC(2026, 0, 15, 9, 40),
      context: { ip: '2.2.2.2' },
      conversationId: 'c2',
      latencyMs: 400,
      status: 'ok',
      feedback: 1,
      tokens: { input: 10, output: 0, cachedInput: 0, cacheWrite: 0, reasoning: 0 },
      pricing: 'unpriced',
    }),
    makeEvent({
      timestamp: Date.UTC(2026, 0, 12),
      context: { ip: '3.3.3.3' },
      costNanos: 500_000_000,
      pricing: 'app',
    }),
    makeEvent({ userId: 'u3', timestamp: FROM }),
    makeEvent({ userId: 'u3', timestamp: TO }),
    // The previous period, [Dec 31, Jan 10).
    makeEvent({
      userId: 'u1',
      timestamp: Date.UTC(2026, 0, 5),
      context: { ip: '1.1.1.1' },
      latencyMs: 100,
      status: 'ok',
      costNanos: 1_000_000_000,
      pricing: 'catalog',
    }),
    makeEvent({ userId: 'u4', timestamp: Date.UTC(2026, 0, 9, 23, 59), status: 'ok' }),
    // Before both periods, inside the previous period's 30-day window only.
    makeEvent({ userId: 'u5', timestamp: Date.UTC(2025, 11, 15) }),
  ];
}

for (const { name: engineName, create } of ENGINES) {
  describe(`stats (${engineName})`, () => {
    const run = (request: StatsRequest = {}, list = events()) =>
      stats(fixtureContext(create, { events: list, now: TO }), { range: RANGE, ...request });

    it('counts requests, IPs, conversations and tokens in the range only', async () => {
      const { stats: cards } = await run();
      expect(cards.requests).to.deep.equal({
        value: 6,
        previous: 2,
        change: 2,
        delta: 4,
        better: 'up',
      });
      expect(cards.uniqueIps?.value).to.equal(3);
      expect(cards.uniqueConversations?.value).to.equal(2);
      expect(cards.inputTokens?.value).to.equal(110);
      expect(cards.outputTokens?.value).to.equal(50);
      expect(cards.totalTokens?.value).to.equal(160);
      expect(cards.totalTokens?.previous).to.equal(0);
      expect(cards.totalTokens?.change).to.equal(null);
    });

    it('gives the prompt and completion shares and the tokens per event', async () => {
      const { stats: cards } = await run();
      // Input 100 + 10 = 110 and output 50 of 160 tokens, over 6 events in the range.
      expect(cards.inputTokenShare?.value).to.equal(110 / 160);
      expect(cards.outputTokenShare?.value).to.equal(50 / 160);
      expect(cards.tokensPerEvent?.value).to.equal(160 / 6);
      // The previous period has 2 events and no tokens: 0 per event, no share of nothing.
      expect(cards.tokensPerEvent?.previous).to.equal(0);
      expect(cards.inputTokenShare?.previous).to.equal(null);
    });

    it('counts the distinct agents with events, against the previous period', async () => {
      const list = [
        makeEvent({ agent: 'support', timestamp: FROM }),
        makeEvent({ agent: 'support', timestamp: FROM + DAY }),
        makeEvent({ agent: 'research', actor: 'system', timestamp: FROM + 2 * DAY }),
        makeEvent({ timestamp: FROM + 3 * DAY }), // no agent: not counted
        makeEvent({ agent: 'sales', timestamp: FROM - DAY }), // previous period
      ];
      const { stats: cards } = await run({ stats: ['activeAgents'] }, list);
      // support and research now; sales before: 2 against 1, a change of (2 − 1) / 1.
      expect(cards.activeAgents).to.deep.equal({
        value: 2,
        previous: 1,
        change: 1,
        delta: 1,
        better: 'up',
      });
      const narrowed = await run({ stats: ['activeAgents'], filters: { agent: 'support' } }, list);
      expect(narrowed.stats.activeAgents?.value).to.equal(1);
    });

    it('gives the last request time without a relative change', async () => {
      const { stats: cards } = await run();
      expect(cards.lastRequest).to.deep.equal({
        value: Date.UTC(2026, 0, 19, 10, 10),
        previous: Date.UTC(2026, 0, 9, 23, 59),
        change: null,
        delta: Date.UTC(2026, 0, 19, 10, 10) - Date.UTC(2026, 0, 9, 23, 59),
        better: null,
      });
    });

    it('splits feedback into thumbs up and thumbs down', async () => {
      const { stats: cards } = await run();
      expect(cards.positiveFeedback?.value).to.equal(2);
      expect(cards.negativeFeedback).to.deep.equal({
        value: 1,
        previous: 0,
        change: null,
        delta: 1,
        better: 'down',
      });
    });

    it('counts active users by user-attributed events', async () => {
      const { stats: cards } = await run();
      expect(cards.activeUsers).to.deep.equal({
        value: 3,
        previous: 2,
        change: 0.5,
        delta: 1,
        better: 'up',
      });
    });

    it('counts DAU, WAU and MAU over the calendar days ending with the last day', async () => {
      const { stats: cards } = await run();
      // Current: Jan 19 → u1; Jan 13–19 → u1, u2; Dec 21–Jan 19 → u1…u4.
      // Previous: Jan 9 → u4; Jan 3–9 → u1, u4; Dec 11–Jan 9 → u1, u4, u5.
      expect([cards.dau?.value, cards.wau?.value, cards.mau?.value]).to.deep.equal([1, 2, 4]);
      expect([cards.dau?.previous, cards.wau?.previous, cards.mau?.previous]).to.deep.equal([
        1, 2, 3,
      ]);
    });

    it('sessionises users with a 30-minute gap', async () => {
      const { stats: cards } = await run();
      // u1: one 10-minute session of 2 events; u2: two single events 40 minutes apart; u3: one.
      expect(cards.sessions?.value).to.equal(4);
      expect(cards.avgSessionDurationMs?.value).to.equal((10 * MINUTE) / 4);
      expect(cards.eventsPerSession?.value).to.equal(5 / 4);
      expect(cards.sessions?.previous).to.equal(2);
      expect(cards.avgSessionDurationMs?.previous).to.equal(0);
    });

    it('sessionises every event with a user, as the sessions view does', async () => {
      const list = [
        makeEvent({ userId: 'u1', timestamp: FROM }),
        makeEvent({ userId: 'u1', actor: 'system', timestamp: FROM + 40 * MINUTE }),
      ];
      const { stats: cards } = await run({ stats: ['sessions', 'activeUsers'] }, list);
      expect(cards.sessions?.value).to.equal(2);
      expect(cards.activeUsers?.value).to.equal(1);
    });

    it('honours a longer session gap', async () => {
      const { stats: cards } = await run({ sessionGapMs: 45 * MINUTE, stats: ['sessions'] });
      expect(cards.sessions?.value).to.equal(3);
    });

    it('gives a session of one event a zero duration', async () => {
      const { stats: cards } = await run({}, [makeEvent({ userId: 'u1', timestamp: FROM + 5 })]);
      expect(cards.sessions?.value).to.equal(1);
      expect(cards.avgSessionDurationMs?.value).to.equal(0);
      expect(cards.eventsPerSession?.value).to.equal(1);
    });

    it('computes the error rate over events with a status', async () => {
      const { stats: cards } = await run();
      expect(cards.errorRate).to.deep.equal({
        value: 0.25,
        previous: 0,
        change: null,
        delta: 0.25,
        better: 'down',
      });
    });

    it('interpolates latency percentiles between order statistics', async () => {
      const { stats: cards } = await run();
      expect(cards.latencyAvg?.value).to.equal(250);
      expect(cards.latencyP50?.value).to.equal(250);
      expect(cards.latencyP95?.value).to.be.closeTo(385, 1e-9);
      expect(cards.latencyP99?.value).to.be.closeTo(397, 1e-9);
      expect(cards.latencyP50?.previous).to.equal(100);
      expect(cards.latencyP95?.better).to.equal('down');
    });

    it('reports cost in dollars and nanodollars, credits, and the unpriced events', async () => {
      const { stats: cards } = await run();
      expect(cards.costUsd).to.deep.equal({
        value: 2,
        previous: 1,
        change: 1,
        delta: 1,
        better: null,
      });
      expect(cards.costNanos?.value).to.equal(2_000_000_000);
      expect(cards.credits?.value).to.equal(7);
      expect(cards.unpricedEvents?.value).to.equal(1);
      expect(cards.costPerEvent?.value).to.equal(2 / 6);
      expect(cards.costPerSession?.value).to.equal(0.5);
      expect(cards.costPerActiveUser?.value).to.equal(2 / 3);
      expect(cards.costPerActiveUser?.previous).to.equal(0.5);
    });

    it('costs nothing when every event is unpriced, and says how many', async () => {
      const unpriced = [1, 2, 3].map((minute) =>
        makeEvent({
          userId: 'u1',
          timestamp: FROM + minute * MINUTE,
          tokens: { input: 5, output: 5, cachedInput: 0, cacheWrite: 0, reasoning: 0 },
          pricing: 'unpriced',
        }),
      );
      const { stats: cards } = await run({}, unpriced);
      expect(cards.costUsd?.value).to.equal(0);
      expect(cards.costPerEvent?.value).to.equal(0);
      expect(cards.unpricedEvents?.value).to.equal(3);
      expect(cards.totalTokens?.value).to.equal(30);
    });

    it('gives zeros and nulls when the data floor empties the range', async () => {
      const context = fixtureContext(create, {
        events: events(),
        now: TO,
        settings: { dataFloor: '2026-01-20' },
      });
      const result = await stats(context, { range: RANGE });
      expect(result.range).to.include({ from: TO, to: TO, clamped: true });
      const cards = result.stats;
      expect(cards.requests).to.deep.equal({
        value: 0,
        previous: null,
        change: null,
        delta: null,
        better: 'up',
      });
      expect(cards.lastRequest?.value).to.equal(null);
      expect(cards.errorRate?.value).to.equal(null);
      expect(cards.latencyP95?.value).to.equal(null);
      expect(cards.avgSessionDurationMs?.value).to.equal(null);
      expect(cards.costPerEvent?.value).to.equal(null);
      expect([cards.dau?.value, cards.wau?.value, cards.mau?.value]).to.deep.equal([0, 0, 0]);
    });

    it('computes only the chosen stats, from one aggregate per period', async () => {
      const engine = countingEngine(create());
      engine.append(events());
      const result = await stats(
        { engine, now: TO },
        { range: RANGE, stats: ['requests', 'errorRate', 'costUsd', 'activeUsers'] },
      );
      expect(Object.keys(result.stats)).to.deep.equal([
        'requests',
        'errorRate',
        'costUsd',
        'activeUsers',
      ]);
      expect(engine.calls).to.deep.equal(['aggregate', 'aggregate']);
    });

    it('needs two aggregates, sessions and one windows query for every stat', async () => {
      const engine = countingEngine(create());
      engine.append(events());
      await stats({ engine, now: TO }, { range: RANGE });
      expect([...engine.calls].sort()).to.deep.equal([
        'aggregate',
        'aggregate',
        'aggregate',
        'sessions',
        'sessions',
      ]);
    });

    it('has no previous values before the data floor and clamps the MAU window to it', async () => {
      const context = fixtureContext(create, {
        events: events(),
        now: TO,
        settings: { dataFloor: '2026-01-10' },
      });
      const { stats: cards, previousRange } = await stats(context, {
        range: RANGE,
        stats: ['requests', 'mau'],
      });
      expect(previousRange).to.include({ from: FROM, to: FROM, clamped: true });
      expect(cards.requests).to.deep.equal({
        value: 6,
        previous: null,
        change: null,
        delta: null,
        better: 'up',
      });
      // Dec 21–Jan 19 clamped to Jan 10–19: u1, u2, u3 (u4's Jan 9 event is before the floor).
      expect(cards.mau?.value).to.equal(3);
    });

    it('compares with the same number of local days before a DST change', async () => {
      // 5–11 March 2026 in New York (one 23-hour day); the previous period is 26 Feb – 4 Mar.
      const from = Date.UTC(2026, 2, 5, 5);
      const to = Date.UTC(2026, 2, 12, 4);
      const list = [
        makeEvent({ userId: 'u1', timestamp: Date.UTC(2026, 2, 8, 12) }),
        makeEvent({ userId: 'u1', timestamp: to - 1 }),
        makeEvent({ userId: 'u2', timestamp: Date.UTC(2026, 1, 26, 5, 30) }),
        makeEvent({ userId: 'u3', timestamp: Date.UTC(2026, 1, 26, 4, 30) }),
      ];
      const result = await stats(fixtureContext(create, { events: list, now: to }), {
        range: resolved(from, to, 'America/New_York'),
        stats: ['requests', 'activeUsers'],
      });
      expect([result.previousRange.from, result.previousRange.to]).to.deep.equal([
        Date.UTC(2026, 1, 26, 5),
        from,
      ]);
      expect(result.stats.requests).to.deep.equal({
        value: 2,
        previous: 1,
        change: 1,
        delta: 1,
        better: 'up',
      });
      expect(result.stats.activeUsers?.change).to.equal(0);
    });

    it('queries DAU windows of periods far apart separately', async () => {
      const engine = countingEngine(create());
      engine.append(events());
      const long = resolved(FROM - 80 * DAY, TO);
      const result = await stats({ engine, now: TO }, { range: long, stats: ['mau'] });
      expect(engine.calls).to.deep.equal(['aggregate', 'aggregate']);
      // Current window Dec 21–Jan 19 as before; the previous one ends 90 days earlier.
      expect(result.stats.mau).to.deep.include({ value: 4, previous: 0 });
    });

    it('returns the previous range it compared with', async () => {
      const result = await run({ stats: ['requests'] });
      expect(result.range).to.deep.equal(RANGE);
      expect([result.previousRange.from, result.previousRange.to]).to.deep.equal([
        Date.UTC(2025, 11, 31),
        FROM,
      ]);
    });

    it('applies filters to every stat', async () => {
      const { stats: cards } = await run({ filters: { users: ['u2'] } });
      expect(cards.requests?.value).to.equal(2);
      expect(cards.activeUsers?.value).to.equal(1);
      expect(cards.mau?.value).to.equal(1);
      expect(cards.sessions?.value).to.equal(2);
      expect(cards.requests?.previous).to.equal(0);
      expect(cards.requests?.change).to.equal(null);
    });

    it('gives the DAU of each local day of the range', async () => {
      const result = await run({ stats: ['dau'], dauTrend: true });
      const day = (date: number) => Date.UTC(2026, 0, date);
      expect(result.dauTrend).to.deep.equal([
        { day: day(10), dau: 1 },
        { day: day(11), dau: 0 },
        { day: day(12), dau: 0 },
        { day: day(13), dau: 0 },
        { day: day(14), dau: 0 },
        { day: day(15), dau: 1 },
        { day: day(16), dau: 0 },
        { day: day(17), dau: 0 },
        { day: day(18), dau: 0 },
        { day: day(19), dau: 1 },
      ]);
    });

    it('follows local days across a DST change', async () => {
      // New York springs forward on 8 March 2026: that day has 23 hours.
      const from = Date.UTC(2026, 2, 7, 5);
      const to = Date.UTC(2026, 2, 10, 4);
      const list = [
        makeEvent({ userId: 'u1', timestamp: Date.UTC(2026, 2, 9, 3, 30) }), // 8 Mar, 23:30 EDT
        makeEvent({ userId: 'u2', timestamp: Date.UTC(2026, 2, 9, 4, 30) }), // 9 Mar, 00:30 EDT
      ];
      const result = await stats(fixtureContext(create, { events: list, now: to }), {
        range: resolved(from, to, 'America/New_York'),
        stats: ['dau', 'wau'],
        dauTrend: true,
      });
      expect(result.dauTrend).to.deep.equal([
        { day: Date.UTC(2026, 2, 7, 5), dau: 0 },
        { day: Date.UTC(2026, 2, 8, 5), dau: 1 },
        { day: Date.UTC(2026, 2, 9, 4), dau: 1 },
      ]);
      expect(result.stats.dau?.value).to.equal(1);
      expect(result.stats.wau?.value).to.equal(2);
    });

    it('refuses unknown stats and bad session gaps', async () => {
      const context = fixtureContext(create, { now: TO });
      const bad = [
        [{ stats: ['requests', 'visits'] }, 'stats[1]'],
        [{ stats: 'requests' }, 'stats'],
        [{ sessionGapMs: -1 }, 'sessionGapMs'],
      ] as const;
      for (const [request, field] of bad) {
        const error = await stats(context, request as unknown as StatsRequest).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(TallyError.isInstance(error) && error.field).to.equal(field);
      }
    });
  });
}
