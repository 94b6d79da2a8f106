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
import { timeline, type TimelineRequest } from './timeline.js';

const DAY = 86_400_000;
const FROM = Date.UTC(2026, 0, 10);
const TO = Date.UTC(2026, 0, 15);
const RANGE = resolved(FROM, TO);
const DAILY: TimelineRequest = { range: RANGE, granularity: 'day' };

function events(): StoredEvent[] {
  return [
    makeEvent({
      userId: 'u1',
      category: 'chat',
      timestamp: FROM,
      tokens: { input: 20, output: 10, cachedInput: 0, cacheWrite: 0, reasoning: 0 },
      costNanos: 1_000_000_000,
      pricing: 'catalog',
      latencyMs: 100,
      status: 'ok',
    }),
    makeEvent({
      userId: 'u2',
      category: 'chat',
      timestamp: FROM + DAY / 2,
      latencyMs: 200,
      status: 'error',
      tokens: { input: 5, output: 0, cachedInput: 0, cacheWrite: 0, reasoning: 0 },
      pricing: 'unpriced',
    }),
    makeEvent({
      userId: 'u1',
      category: 'flow',
      timestamp: FROM + DAY + DAY / 4,
      credits: 2,
      status: 'error',
    }),
    makeEvent({ userId: 'u1', category: 'research', timestamp: FROM + 4 * DAY - 1 }),
    makeEvent({ userId: 'u3', timestamp: FROM + 3 * DAY + DAY / 2 }),
    makeEvent({ userId: 'u1', category: 'chat', timestamp: TO }),
  ];
}

for (const { name: engineName, create } of ENGINES) {
  describe(`timeline (${engineName})`, () => {
    const run = (request: TimelineRequest, list = events()) =>
      timeline(fixtureContext(create, { events: list, now: TO }), request);
    const days = [0, 1, 2, 3, 4].map((index) => FROM + index * DAY);

    it('counts events per day, empty days included, the range end excluded', async () => {
      const line = await run(DAILY);
      expect(line.buckets).to.deep.equal(
        [2, 1, 0, 2, 0].map((total, index) => ({
          start: days[index],
          end: days[index] + DAY,
          total,
        })),
      );
      expect(line.measure).to.equal('events');
      expect(line.series).to.deep.equal([]);
      expect(line.range).to.deep.equal(RANGE);
    });

    it('picks the earliest of equal buckets as the peak', async () => {
      const line = await run(DAILY);
      expect(line.peak).to.deep.equal({ index: 0, start: FROM, end: FROM + DAY, total: 2 });
    });

    it('plots tokens, cost in dollars, credits and errors', async () => {
      const totals = async (measure: TimelineRequest['measure']) =>
        (await run({ ...DAILY, measure })).buckets.map((bucket) => bucket.total);
      expect(await totals('tokens')).to.deep.equal([35, 0, 0, 0, 0]);
      expect(await totals('cost')).to.deep.equal([1, 0, 0, 0, 0]);
      expect(await totals('credits')).to.deep.equal([2, 2, 0, 2, 0]);
      expect(await totals('errors')).to.deep.equal([1, 1, 0, 0, 0]);
      expect((await run({ ...DAILY, measure: 'cost' })).unpricedEvents).to.equal(1);
    });

    it('counts distinct active users per bucket', async () => {
      const line = await run({ ...DAILY, measure: 'activeUsers' });
      expect(line.buckets.map((bucket) => bucket.total)).to.deep.equal([2, 1, 0, 2, 0]);
    });

    it('gives null latency for buckets without latencies', async () => {
      const line = await run({ ...DAILY, measure: 'latencyP95' });
      expect(line.buckets.map((bucket) => bucket.total)).to.deep.equal([
        195,
        null,
        null,
        null,
        null,
      ]);
      expect(line.peak?.total).to.equal(195);
    });

    it('stacks the top series and folds the rest into other', async () => {
      const line = await run({ ...DAILY, splitBy: 'category', top: 2 });
      expect(line.series).to.deep.equal([
        { key: 'chat', kind: 'value', total: 2 },
        { key: 'flow', kind: 'value', total: 1 },
        { key: 'other', kind: 'other', total: 2 },
      ]);
      expect(line.buckets.map((bucket) => [bucket.total, bucket.series])).to.deep.equal([
        [2, { chat: 2, flow: 0, other: 0 }],
        [1, { chat: 0, flow: 1, other: 0 }],
        [0, { chat: 0, flow: 0, other: 0 }],
        [2, { chat: 0, flow: 0, other: 2 }],
        [0, { chat: 0, flow: 0, other: 0 }],
      ]);
      expect(line.splitBy).to.equal('category');
    });

    it('shows events without a value as their own series', async () => {
      const line = await run({ ...DAILY, splitBy: 'category' });
      expect(line.series.map((series) => [series.key, series.kind])).to.deep.equal([
        ['chat', 'value'],
        ['flow', 'value'],
        ['research', 'value'],
        ['uncategorized', 'missing'],
      ]);
    });

    it('folds a value literally named other into the other series', async () => {
      const list = [
        makeEvent({ userId: 'u1', category: 'other', timestamp: FROM }),
        makeEvent({ userId: 'u1', category: 'chat', timestamp: FROM }),
        makeEvent({ userId: 'u1', category: 'chat', timestamp: FROM + 1 }),
      ];
      const line = await run({ ...DAILY, splitBy: 'category' }, list);
      expect(line.series).to.deep.equal([
        { key: 'chat', kind: 'value', total: 2 },
        { key: 'other', kind: 'other', total: 1 },
      ]);
    });

    it('counts distinct users per series, so series can exceed the total', async () => {
      const line = await run({ ...DAILY, measure: 'activeUsers', splitBy: 'category', top: 1 });
      expect(line.series).to.deep.equal([
        { key: 'chat', kind: 'value', total: 2 },
        { key: 'other', kind: 'other', total: 2 },
      ]);
      expect(line.buckets.map((bucket) => [bucket.total, bucket.series])).to.deep.equal([
        [2, { chat: 2, other: 0 }],
        [1, { chat: 0, other: 1 }],
        [0, { chat: 0, other: 0 }],
        [2, { chat: 0, other: 2 }],
        [0, { chat: 0, other: 0 }],
      ]);
    });

    it('names users when split by user', async () => {
      const context = fixtureContext(create, {
        events: events(),
        roster: [{ id: 'u1', name: 'Ada', licensed: true, active: true }],
      });
      const line = await timeline(context, { ...DAILY, splitBy: 'user', top: 1 });
      expect(line.series).to.deep.equal([
        { key: 'u1', kind: 'value', total: 3, name: 'Ada' },
        { key: 'other', kind: 'other', total: 2 },
      ]);
      expect(line.splitBy).to.equal('userId');
    });

    it('chooses the bucket size automatically and labels it', async () => {
      const line = await run({ range: resolved(FROM, FROM + 10 * DAY) });
      expect(line.interval).to.equal('4h');
      expect(line.size).to.equal('4h');
      expect(line.buckets).to.have.length(60);
      expect(line.buckets[0].total).to.equal(1);
      expect(line.buckets[3].total).to.equal(1);
    });

    it('makes the day of a DST change 25 hours long', async () => {
      // New York falls back on 1 November 2026.
      const from = Date.UTC(2026, 9, 31, 4);
      const to = Date.UTC(2026, 10, 3, 5);
      const list = [makeEvent({ userId: 'u1', timestamp: Date.UTC(2026, 10, 2, 4, 30) })];
      const line = await run(
        { range: resolved(from, to, 'America/New_York'), granularity: 'day' },
        list,
      );
      expect(line.buckets).to.deep.equal([
        { start: from, end: Date.UTC(2026, 10, 1, 4), total: 0 },
        { start: Date.UTC(2026, 10, 1, 4), end: Date.UTC(2026, 10, 2, 5), total: 1 },
        { start: Date.UTC(2026, 10, 2, 5), end: to, total: 0 },
      ]);
    });

    it('gives no buckets and no peak when the data floor empties the range', async () => {
      const context = fixtureContext(create, {
        events: events(),
        settings: { dataFloor: '2026-02-01' },
      });
      const line = await timeline(context, DAILY);
      expect(line.range.clamped).to.equal(true);
      expect(line.buckets).to.deep.equal([]);
      expect(line.peak).to.equal(null);
    });

    it('gives no peak when every bucket is empty', async () => {
      const line = await run(DAILY, []);
      expect(line.buckets.map((bucket) => bucket.total)).to.deep.equal([0, 0, 0, 0, 0]);
      expect(line.peak).to.equal(null);
    });

    it('applies filters', async () => {
      const line = await run({ ...DAILY, filters: { users: ['u2'] } });
      expect(line.buckets.map((bucket) => bucket.total)).to.deep.equal([1, 0, 0, 0, 0]);
    });

    it('asks the engine for one aggregate', async () => {
      const engine = countingEngine(create());
      engine.append(events());
      await timeline({ engine, now: TO }, { ...DAILY, splitBy: 'category' });
      expect(engine.calls).to.deep.equal(['aggregate']);
    });

    it('refuses to stack percentiles and unknown options', async () => {
      const context = fixtureContext(create, {});
      const bad = [
        [{ measure: 'latencyP95', splitBy: 'model' }, 'splitBy'],
        [{ measure: 'visits' }, 'measure'],
        [{ splitBy: 'colour' }, 'splitBy'],
        [{ granularity: 'fortnight' }, 'granularity'],
        [{ top: 0 }, 'top'],
      ] as const;
      for (const [request, field] of bad) {
        const error = await timeline(context, request as unknown as TimelineRequest).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(TallyError.isInstance(error) && error.field).to.equal(field);
      }
    });
  });
}
