import { expect } from 'chai';
import { makeEvent } from '../__test-support__/make-event.js';
import { TallyError } from '../errors.js';
import type { StoredEvent } from '../event.js';
import type { AggregateResult, AggregateRow } from '../query.js';
import { ColumnarEngine } from './columnar-engine.js';

const T = Date.UTC(2026, 0, 15);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ALL = { from: T - 10 * DAY, to: T + 10 * DAY };

function engineWith(events: StoredEvent[]): ColumnarEngine {
  const engine = new ColumnarEngine();
  engine.append(events);
  return engine;
}

/** Groups in a fixed order (engines return them in any order). */
function sorted(result: AggregateResult): AggregateRow[] {
  return [...result.rows].sort((a, b) => {
    const left = JSON.stringify(a.key);
    const right = JSON.stringify(b.key);
    return left < right ? -1 : left > right ? 1 : 0;
  });
}

/** The single group's values of an ungrouped query. */
async function totals(engine: ColumnarEngine, query: Parameters<ColumnarEngine['aggregate']>[0]) {
  const { rows } = await engine.aggregate(query);
  expect(rows).to.have.length(1);
  return rows[0].values;
}

function expectInvalid(run: () => unknown, field: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(TallyError.isInstance(caught), `expected a TallyError about ${field}`).to.equal(true);
  const error = caught as TallyError;
  expect(error.field).to.equal(field);
  expect(error.message.startsWith(`${field}: `)).to.equal(true);
}

describe('ColumnarEngine', () => {
  describe('append', () => {
    it('counts the events appended, batch after batch', () => {
      const engine = new ColumnarEngine({ initialCapacity: 1 });
      expect(engine.size).to.equal(0);
      engine.append([makeEvent(), makeEvent()]);
      for (let index = 0; index < 40; index += 1) engine.append([makeEvent()]);
      expect(engine.size).to.equal(42);
    });

    it('refuses a malformed event by its field and keeps none of its batch', async () => {
      const engine = engineWith([makeEvent({ timestamp: T })]);
      const bad = { ...makeEvent(), timestamp: 'soon' } as unknown as StoredEvent;
      expectInvalid(
        () => engine.append([makeEvent({ timestamp: T + 1 }), bad]),
        'events[1].timestamp',
      );
      expect(engine.size).to.equal(1);
      expect(await totals(engine, { range: ALL, measures: [{ op: 'count' }] })).to.deep.equal([1]);
      engine.append([makeEvent({ timestamp: T + 2, userId: 'u1' })]);
      const { rows } = await engine.rows({
        range: ALL,
        sort: [{ field: 'timestamp', direction: 'asc' }],
      });
      expect(rows.map((event) => event.timestamp)).to.deep.equal([T, T + 2]);
    });

    it('refuses a string field holding another type', () => {
      const bad = { ...makeEvent(), userId: 5 } as unknown as StoredEvent;
      expectInvalid(() => new ColumnarEngine().append([bad]), 'events[0].userId');
      const badContext = { ...makeEvent(), context: { country: ['DE'] } } as unknown as StoredEvent;
      expectInvalid(() => new ColumnarEngine().append([badContext]), 'events[0].context.country');
      const badTokens = {
        ...makeEvent(),
        tokens: { input: Number.NaN, output: 1 },
      } as unknown as StoredEvent;
      expectInvalid(() => new ColumnarEngine().append([badTokens]), 'events[0].tokens.input');
    });

    it('refuses something that is not an array of events', () => {
      expectInvalid(() => new ColumnarEngine().append('events' as never), 'events');
      expectInvalid(() => new ColumnarEngine().append([null as never]), 'events[0]');
    });
  });

  describe('aggregate measures', () => {
    const events = [
      makeEvent({ timestamp: T, userId: 'u1', latencyMs: 100, credits: 2, category: 'chat' }),
      makeEvent({ timestamp: T + 1, userId: 'u2', latencyMs: 300, credits: 0.5 }),
      makeEvent({ timestamp: T + 2, userId: 'u1', credits: 1, status: 'error' }),
      makeEvent({ timestamp: T + 3, latencyMs: 200, credits: 4, category: 'flow' }),
    ];

    it('counts rows, non-null numbers and present dimension values', async () => {
      const engine = engineWith(events);
      const values = await totals(engine, {
        range: ALL,
        measures: [
          { op: 'count' },
          { op: 'count', field: 'latencyMs' },
          { op: 'count', field: 'userId' },
          { op: 'count', field: 'category' },
        ],
      });
      expect(values).to.deep.equal([4, 3, 3, 2]);
    });

    it('sums, averages and finds extremes, skipping nulls', async () => {
      const engine = engineWith(events);
      const values = await totals(engine, {
        range: ALL,
        measures: [
          { op: 'sum', field: 'latencyMs' },
          { op: 'avg', field: 'latencyMs' },
          { op: 'min', field: 'latencyMs' },
          { op: 'max', field: 'latencyMs' },
          { op: 'sum', field: 'credits' },
          { op: 'avg', field: 'credits' },
        ],
      });
      expect(values).to.deep.equal([600, 200, 100, 300, 7.5, 1.875]);
    });

    it('gives 0 for sums and counts and null otherwise when no value is present', async () => {
      const engine = engineWith(events);
      const values = await totals(engine, {
        range: ALL,
        measures: [
          { op: 'sum', field: 'rating' },
          { op: 'count', field: 'rating' },
          { op: 'countDistinct', field: 'model' },
          { op: 'avg', field: 'rating' },
          { op: 'min', field: 'rating' },
          { op: 'max', field: 'rating' },
          { op: 'quantile', field: 'rating', q: 0.5 },
          { op: 'last', field: 'rating' },
        ],
      });
      expect(values).to.deep.equal([0, 0, 0, null, null, null, null, null]);
    });

    it('counts distinct present values, within a measure filter too', async () => {
      const engine = engineWith([
        ...events,
        makeEvent({ timestamp: T + 4, userId: 'u3', status: 'error' }),
      ]);
      const values = await totals(engine, {
        range: ALL,
        measures: [
          { op: 'countDistinct', field: 'userId' },
          { op: 'countDistinct', field: 'userId', where: { status: ['error'] } },
          { op: 'countDistinct', field: 'userId', where: { status: [] } },
          { op: 'countDistinct', field: 'category' },
        ],
      });
      expect(values).to.deep.equal([3, 2, 0, 2]);
    });

    it('restricts one measure with where, on top of the query filters', async () => {
      const engine = engineWith(events);
      const values = await totals(engine, {
        range: ALL,
        filters: { userId: ['u1', 'u2'] },
        measures: [
          { op: 'count' },
          { op: 'count', where: { status: ['error'] } },
          { op: 'sum', field: 'credits', where: { userId: ['u1'] } },
          { op: 'count', where: { category: [null] } },
        ],
      });
      expect(values).to.deep.equal([3, 1, 3, 2]);
    });

    it('applies a where on several dimensions within each group', async () => {
      const engine = engineWith([
        makeEvent({ userId: 'u1', status: 'error', model: 'a', credits: 0.5 }),
        makeEvent({ userId: 'u1', status: 'error', model: 'b', credits: 1.5 }),
        makeEvent({ userId: 'u1', status: 'ok', model: 'a', credits: 2.5 }),
        makeEvent({ userId: 'u2', status: 'error', model: 'a', credits: 4.5 }),
        makeEvent({ userId: 'u2', status: 'ok', credits: 8.5 }),
      ]);
      const where = { status: ['error'], model: ['a', 'b'] };
      const result = await engine.aggregate({
        range: ALL,
        groupBy: ['userId'],
        measures: [
          { op: 'sum', field: 'credits', where },
          { op: 'count', where },
          { op: 'countDistinct', field: 'model', where },
          { op: 'countDistinct', field: 'model', where: { status: ['ok'] } },
          { op: 'max', field: 'credits', where: { model: [null] } },
        ],
      });
      expect(sorted(result)).to.deep.equal([
        { key: ['u1'], values: [2, 2, 2, 1, null] },
        { key: ['u2'], values: [4.5, 1, 1, 0, 8.5] },
      ]);
    });

    it('adds input and output into total tokens, null without tokens', async () => {
      const tokens = { input: 100, output: 20, cachedInput: 40, cacheWrite: 0, reasoning: 5 };
      const engine = engineWith([
        makeEvent({ timestamp: T, tokens }),
        makeEvent({ timestamp: T + 1, tokens: { ...tokens, input: 7, output: 3 } }),
        makeEvent({ timestamp: T + 2, tokens: null }),
      ]);
      const values = await totals(engine, {
        range: ALL,
        measures: [
          { op: 'sum', field: 'tokensTotal' },
          { op: 'count', field: 'tokensTotal' },
          { op: 'sum', field: 'tokensCachedInput' },
          { op: 'max', field: 'tokensReasoning' },
          { op: 'last', field: 'tokensTotal' },
        ],
      });
      expect(values).to.deep.equal([130, 2, 80, 5, null]);
    });

    it('groups by pricing state, actor and status as plain strings', async () => {
      const engine = engineWith([
        makeEvent({ pricing: 'unpriced', userId: 'u1', status: 'ok' }),
        makeEvent({ pricing: 'catalog', status: 'error' }),
        makeEvent({ pricing: 'unpriced', status: 'ok' }),
      ]);
      const result = await engine.aggregate({
        range: ALL,
        groupBy: ['pricing', 'actor', 'status'],
        measures: [{ op: 'count' }],
      });
      expect(sorted(result)).to.deep.equal([
        { key: ['catalog', 'system', 'error'], values: [1] },
        { key: ['unpriced', 'system', 'ok'], values: [1] },
        { key: ['unpriced', 'user', 'ok'], values: [1] },
      ]);
    });
  });

  describe('quantiles', () => {
    async function quantile(values: number[], q: number): Promise<number | string | null> {
      const engine = engineWith(
        values.map((latencyMs, index) => makeEvent({ timestamp: T + index, latencyMs })),
      );
      const [value] = await totals(engine, {
        range: ALL,
        measures: [{ op: 'quantile', field: 'latencyMs', q }],
      });
      return value;
    }

    it('gives the only value of a single value, whatever q', async () => {
      expect(await quantile([42], 0)).to.equal(42);
      expect(await quantile([42], 0.5)).to.equal(42);
      expect(await quantile([42], 1)).to.equal(42);
    });

    it('interpolates between two values', async () => {
      expect(await quantile([10, 20], 0.5)).to.equal(15);
      expect(await quantile([20, 10], 0.25)).to.equal(12.5);
      expect(await quantile([10, 20], 0)).to.equal(10);
      expect(await quantile([10, 20], 1)).to.equal(20);
    });

    it('takes the middle of an odd count and interpolates an even one', async () => {
      expect(await quantile([5, 1, 4, 2, 3], 0.5)).to.equal(3);
      expect(await quantile([4, 1, 3, 2], 0.5)).to.equal(2.5);
      // Position 0.75 × 3 = 2.25 between 30 and 40.
      expect(await quantile([40, 10, 30, 20], 0.75)).to.equal(32.5);
    });

    it('gives the minimum at q = 0 and the maximum at q = 1', async () => {
      expect(await quantile([7, 3, 9, 3, 8], 0)).to.equal(3);
      expect(await quantile([7, 3, 9, 3, 8], 1)).to.equal(9);
    });

    it('answers several quantiles of one column at once', async () => {
      const values = Array.from({ length: 101 }, (_, index) => 100 - index);
      const engine = engineWith(
        values.map((latencyMs, index) => makeEvent({ timestamp: T + index, latencyMs })),
      );
      const result = await totals(engine, {
        range: ALL,
        measures: [
          { op: 'quantile', field: 'latencyMs', q: 0.99 },
          { op: 'quantile', field: 'latencyMs', q: 0.5 },
          { op: 'quantile', field: 'latencyMs', q: 0.95 },
          { op: 'quantile', field: 'latencyMs', q: 0.5, where: { status: [null] } },
        ],
      });
      // 0..100: the q-quantile is 100 × q exactly at these positions.
      expect(result).to.deep.equal([99, 50, 95, 50]);
    });

    it('computes quantiles per group', async () => {
      const engine = engineWith([
        makeEvent({ timestamp: T, model: 'a', latencyMs: 1 }),
        makeEvent({ timestamp: T + 1, model: 'b', latencyMs: 100 }),
        makeEvent({ timestamp: T + 2, model: 'a', latencyMs: 3 }),
        makeEvent({ timestamp: T + 3, model: 'b' }),
        makeEvent({ timestamp: T + 4, model: 'c' }),
      ]);
      const result = await engine.aggregate({
        range: ALL,
        groupBy: ['model'],
        measures: [{ op: 'quantile', field: 'latencyMs', q: 0.5 }],
      });
      expect(sorted(result)).to.deep.equal([
        { key: ['a'], values: [2] },
        { key: ['b'], values: [100] },
        { key: ['c'], values: [null] },
      ]);
    });
  });

  describe('last', () => {
    it('takes the value on the latest event, null included', async () => {
      const engine = engineWith([
        makeEvent({ timestamp: T + 2, value: 5, model: 'late' }),
        makeEvent({ timestamp: T, value: 9, model: 'early' }),
        makeEvent({ timestamp: T + 1, value: 7 }),
      ]);
      const values = await totals(engine, {
        range: ALL,
        measures: [
          { op: 'last', field: 'value' },
          { op: 'last', field: 'model' },
          { op: 'last', field: 'timestamp' },
          { op: 'last', field: 'value', where: { model: [null] } },
          { op: 'last', field: 'value', where: { model: ['nobody'] } },
        ],
      });
      expect(values).to.deep.equal([5, 'late', T + 2, 7, null]);
    });

    it('breaks timestamp ties by append order, the later append winning', async () => {
      const engine = new ColumnarEngine();
      engine.append([makeEvent({ timestamp: T + 5, value: 1 })]);
      engine.append([
        makeEvent({ timestamp: T, value: 0 }),
        makeEvent({ timestamp: T + 5, value: 2 }),
      ]);
      engine.append([makeEvent({ timestamp: T + 5, value: 3 }), makeEvent({ timestamp: T + 1 })]);
      const values = await totals(engine, {
        range: ALL,
        measures: [{ op: 'last', field: 'value' }],
      });
      expect(values).to.deep.equal([3]);
      const grouped = await engine.aggregate({
        range: ALL,
        groupBy: ['name'],
        measures: [{ op: 'last', field: 'value' }],
      });
      expect(grouped.rows).to.deep.equal([{ key: ['chat.message'], values: [3] }]);
    });
  });

  describe('filters', () => {
    const events = [
      makeEvent({ timestamp: T, category: 'chat', model: 'a' }),
      makeEvent({ timestamp: T + 1, category: 'flow', model: 'a' }),
      makeEvent({ timestamp: T + 2, model: 'b' }),
      makeEvent({ timestamp: T + 3, category: 'chat', model: 'b' }),
    ];

    it('keeps events whose value is in the allow-list', async () => {
      const engine = engineWith(events);
      const count = (filters: object) =>
        totals(engine, { range: ALL, filters, measures: [{ op: 'count' }] }).then(([n]) => n);
      expect(await count({ category: ['chat', 'flow'] })).to.equal(3);
      expect(await count({ category: ['chat', null] })).to.equal(3);
      expect(await count({ category: [null] })).to.equal(1);
      expect(await count({ category: ['chat', 'unknown'] })).to.equal(2);
      expect(await count({ category: ['chat'], model: ['b'] })).to.equal(1);
      expect(await count({ category: undefined })).to.equal(4);
    });

    it('matches nothing with an empty allow-list or only unknown values', async () => {
      const engine = engineWith(events);
      for (const filters of [
        { category: [] },
        { category: ['unknown'] },
        { model: ['a'], userId: [] },
      ]) {
        const result = await engine.aggregate({ range: ALL, filters, measures: [{ op: 'count' }] });
        expect(result.rows, JSON.stringify(filters)).to.deep.equal([]);
      }
    });

    it('filters on context dimensions', async () => {
      const engine = engineWith([
        makeEvent({ context: { country: 'DE', browser: 'Firefox' } }),
        makeEvent({ context: { country: 'US' } }),
        makeEvent({}),
      ]);
      const [count] = await totals(engine, {
        range: ALL,
        filters: { country: ['DE', null] },
        measures: [{ op: 'count' }],
      });
      expect(count).to.equal(2);
    });
  });

  describe('grouping', () => {
    it('groups by one dimension, absent values in a null group', async () => {
      const engine = engineWith([
        makeEvent({ userId: 'u1', credits: 1 }),
        makeEvent({ userId: 'u2', credits: 2 }),
        makeEvent({ userId: 'u1', credits: 3 }),
        makeEvent({ credits: 4 }),
      ]);
      const result = await engine.aggregate({
        range: ALL,
        groupBy: ['userId'],
        measures: [{ op: 'count' }, { op: 'sum', field: 'credits' }],
      });
      expect(sorted(result)).to.deep.equal([
        { key: ['u1'], values: [2, 4] },
        { key: ['u2'], values: [1, 2] },
        { key: [null], values: [1, 4] },
      ]);
    });

    it('groups by two dimensions, leaving out combinations without rows', async () => {
      const engine = engineWith([
        makeEvent({ userId: 'u1', category: 'chat' }),
        makeEvent({ userId: 'u1', category: 'flow' }),
        makeEvent({ userId: 'u2', category: 'chat' }),
        makeEvent({ userId: 'u1', category: 'chat' }),
      ]);
      const result = await engine.aggregate({
        range: ALL,
        groupBy: ['userId', 'category'],
        measures: [{ op: 'count' }],
      });
      expect(sorted(result)).to.deep.equal([
        { key: ['u1', 'chat'], values: [2] },
        { key: ['u1', 'flow'], values: [1] },
        { key: ['u2', 'chat'], values: [1] },
      ]);
    });

    it('puts events in the bucket of the last boundary at or before them', async () => {
      const engine = engineWith([
        makeEvent({ timestamp: T - 1 }),
        makeEvent({ timestamp: T }),
        makeEvent({ timestamp: T + HOUR - 1 }),
        makeEvent({ timestamp: T + HOUR }),
        makeEvent({ timestamp: T + 3 * HOUR }),
        makeEvent({ timestamp: T + 5 * HOUR }),
      ]);
      const result = await engine.aggregate({
        range: { from: T - HOUR, to: T + DAY },
        groupBy: [{ boundaries: [T, T + HOUR, T + 2 * HOUR, T + 3 * HOUR] }],
        measures: [{ op: 'count' }],
      });
      // The event before the first boundary belongs to no bucket; bucket 2 is empty.
      expect(sorted(result)).to.deep.equal([
        { key: [0], values: [2] },
        { key: [1], values: [1] },
        { key: [3], values: [2] },
      ]);
    });

    it('groups by a dimension and time buckets together', async () => {
      const engine = engineWith([
        makeEvent({ timestamp: T, model: 'a' }),
        makeEvent({ timestamp: T + DAY - 1, model: 'b' }),
        makeEvent({ timestamp: T + DAY, model: 'a' }),
        makeEvent({ timestamp: T + DAY + 1, model: 'a' }),
      ]);
      const boundaries = [T, T + DAY];
      for (const groupBy of [
        ['model', { boundaries }],
        [{ boundaries }, 'model'],
      ] as const) {
        const result = await engine.aggregate({
          range: { from: T, to: T + 2 * DAY },
          groupBy,
          measures: [{ op: 'count' }],
        });
        const keys = sorted(result).map((row) =>
          typeof row.key[0] === 'number' ? [row.key[1], row.key[0]] : row.key,
        );
        expect(keys.sort()).to.deep.equal([
          ['a', 0],
          ['a', 1],
          ['b', 0],
        ]);
        expect(result.rows.map((row) => row.values[0]).sort()).to.deep.equal([1, 1, 2]);
      }
    });

    it('handles group key spaces too large for a flat table', async () => {
      const events: StoredEvent[] = [];
      for (let index = 0; index < 3000; index += 1) {
        events.push(makeEvent({ timestamp: T + index * MINUTE, sessionId: `s${index}` }));
      }
      events.push(makeEvent({ timestamp: T + 10, sessionId: 's0' }));
      const engine = engineWith(events);
      const boundaries = Array.from({ length: 2000 }, (_, index) => T + index * 2 * MINUTE);
      const result = await engine.aggregate({
        range: ALL,
        groupBy: ['sessionId', { boundaries }],
        measures: [{ op: 'count' }],
      });
      expect(result.rows).to.have.length(3000);
      const first = result.rows.find((row) => row.key[0] === 's0');
      expect(first).to.deep.equal({ key: ['s0', 0], values: [2] });
      const late = result.rows.find((row) => row.key[0] === 's2999');
      // 2999 minutes in, with a boundary every two minutes.
      expect(late).to.deep.equal({ key: ['s2999', 1499], values: [1] });
    });

    it('returns no groups at all when nothing matches, even without grouping', async () => {
      const engine = engineWith([makeEvent({ timestamp: T })]);
      const result = await engine.aggregate({
        range: { from: T + 1, to: T + 2 },
        measures: [{ op: 'count' }, { op: 'sum', field: 'credits' }],
      });
      expect(result.rows).to.deep.equal([]);
    });
  });

  describe('range and time order', () => {
    it('includes events at `from` and leaves out events at `to`', async () => {
      const engine = engineWith([
        makeEvent({ timestamp: T - 1 }),
        makeEvent({ timestamp: T }),
        makeEvent({ timestamp: T + HOUR - 1 }),
        makeEvent({ timestamp: T + HOUR }),
      ]);
      const [count] = await totals(engine, {
        range: { from: T, to: T + HOUR },
        measures: [{ op: 'count' }],
      });
      expect(count).to.equal(2);
      const empty = await engine.aggregate({
        range: { from: T, to: T },
        measures: [{ op: 'count' }],
      });
      expect(empty.rows).to.deep.equal([]);
    });

    it('answers the same whatever order events arrive in', async () => {
      const events = Array.from({ length: 50 }, (_, index) =>
        makeEvent({
          timestamp: T + ((index * 7) % 13) * MINUTE,
          userId: `u${index % 4}`,
          latencyMs: (index * 37) % 101,
        }),
      );
      const query = {
        range: { from: T + MINUTE, to: T + 10 * MINUTE },
        groupBy: ['userId' as const],
        measures: [
          { op: 'count' as const },
          { op: 'max' as const, field: 'latencyMs' as const },
          { op: 'quantile' as const, field: 'latencyMs' as const, q: 0.5 },
        ],
      };
      const ordered = engineWith([...events].sort((a, b) => a.timestamp - b.timestamp));
      const shuffled = new ColumnarEngine();
      for (let start = 0; start < events.length; start += 7) {
        shuffled.append(events.slice(start, start + 7).reverse());
        await shuffled.aggregate(query);
      }
      expect(sorted(await shuffled.aggregate(query))).to.deep.equal(
        sorted(await ordered.aggregate(query)),
      );
    });

    it('sums in time order, not in append order', async () => {
      const engine = engineWith([
        makeEvent({ timestamp: T + 2, value: 0.3 }),
        makeEvent({ timestamp: T + 1, value: 0.2 }),
        makeEvent({ timestamp: T, value: 0.1 }),
      ]);
      const values = await totals(engine, {
        range: ALL,
        measures: [
          { op: 'sum', field: 'value' },
          { op: 'avg', field: 'value' },
        ],
      });
      // (0.1 + 0.2) + 0.3, as opposed to (0.3 + 0.2) + 0.1 = 0.6.
      expect(values).to.deep.equal([0.1 + 0.2 + 0.3, (0.1 + 0.2 + 0.3) / 3]);
      expect(values[0]).to.not.equal(0.6);
    });
  });

  describe('rows', () => {
    const uuid = '0190f5a8-3c2b-7d4e-8f00-1a2b3c4d5e6f';
    const full: StoredEvent = {
      id: uuid,
      name: 'chat.completion',
      timestamp: T + 5,
      userId: 'u1',
      actor: 'user',
      agent: 'assistant',
      category: 'chat',
      source: 'widget',
      endpoint: '/api/chat',
      sessionId: 's1',
      conversationId: 'c1',
      model: 'gpt-4o',
      provider: 'openai',
      tokens: { input: 1200, output: 300, cachedInput: 200, cacheWrite: 0, reasoning: 40 },
      costUsd: 0.25,
      credits: 1.5,
      latencyMs: 812.25,
      status: 'error',
      errorType: 'timeout',
      feedback: -1,
      rating: 2,
      targetId: 'evt-1',
      value: -3.5,
      context: {
        page: '/app',
        referrer: 'https://example.com/',
        browser: 'Firefox',
        os: 'Linux',
        timezone: 'Europe/Berlin',
        locale: 'de-DE',
        ip: '203.0.113.9',
        country: 'DE',
        region: 'BE',
        city: 'Berlin',
      },
      properties: { plan: 'pro', seats: 3, beta: true, note: null },
      costNanos: 250_000_000,
      pricing: 'app',
      catalogVersion: '2026-01-01',
    };

    it('gives back every field of an event as appended', async () => {
      const minimal = makeEvent({ timestamp: T + 6 });
      const upper = makeEvent({ id: uuid.toUpperCase(), timestamp: T + 7 });
      const engine = engineWith([full, minimal, upper]);
      const { rows } = await engine.rows({
        range: ALL,
        sort: [{ field: 'timestamp', direction: 'asc' }],
      });
      expect(rows).to.deep.equal([full, minimal, upper]);
    });

    it('returns copies that do not change the stored events', async () => {
      const engine = engineWith([full]);
      const first = await engine.rows({ range: ALL });
      first.rows[0].properties!.plan = 'changed';
      first.rows[0].context!.country = 'FR';
      const second = await engine.rows({ range: ALL });
      expect(second.rows[0]).to.deep.equal(full);
    });

    it('orders by id when no sort is given', async () => {
      const engine = engineWith([
        makeEvent({ id: 'b', timestamp: T }),
        makeEvent({ id: 'a', timestamp: T + 1 }),
        makeEvent({ id: uuid, timestamp: T + 2 }),
        makeEvent({ id: 'B', timestamp: T + 3 }),
      ]);
      const { rows, total } = await engine.rows({ range: ALL });
      expect(rows.map((event) => event.id)).to.deep.equal([uuid, 'B', 'a', 'b']);
      expect(total).to.equal(4);
    });

    it('sorts numbers either way with nulls last and ties by id', async () => {
      const engine = engineWith([
        makeEvent({ id: 'e1', latencyMs: 20 }),
        makeEvent({ id: 'e2' }),
        makeEvent({ id: 'e3', latencyMs: 10 }),
        makeEvent({ id: 'e0', latencyMs: 20 }),
        makeEvent({ id: 'e4' }),
      ]);
      const ids = async (direction: 'asc' | 'desc') =>
        (await engine.rows({ range: ALL, sort: [{ field: 'latencyMs', direction }] })).rows.map(
          (event) => event.id,
        );
      expect(await ids('asc')).to.deep.equal(['e3', 'e0', 'e1', 'e2', 'e4']);
      expect(await ids('desc')).to.deep.equal(['e0', 'e1', 'e3', 'e2', 'e4']);
    });

    it('sorts strings by code unit order, absent values last, then by a second key', async () => {
      const engine = engineWith([
        makeEvent({ id: 'e1', model: 'b', credits: 1 }),
        makeEvent({ id: 'e2', credits: 5 }),
        makeEvent({ id: 'e3', model: 'B', credits: 2 }),
        makeEvent({ id: 'e4', model: 'b', credits: 3 }),
        makeEvent({ id: 'e5', model: 'ä', credits: 0 }),
      ]);
      const desc = await engine.rows({
        range: ALL,
        sort: [
          { field: 'model', direction: 'desc' },
          { field: 'credits', direction: 'desc' },
        ],
      });
      expect(desc.rows.map((event) => event.id)).to.deep.equal(['e5', 'e4', 'e1', 'e3', 'e2']);
      const asc = await engine.rows({ range: ALL, sort: [{ field: 'model', direction: 'asc' }] });
      expect(asc.rows.map((event) => event.id)).to.deep.equal(['e3', 'e1', 'e4', 'e5', 'e2']);
    });

    it('sorts by time either way, equal times by id ascending', async () => {
      const engine = engineWith([
        makeEvent({ id: 'c', timestamp: T + 1 }),
        makeEvent({ id: 'b', timestamp: T + 1 }),
        makeEvent({ id: 'z', timestamp: T }),
        makeEvent({ id: 'a', timestamp: T + 2 }),
      ]);
      const ids = async (direction: 'asc' | 'desc', limit?: number) =>
        (
          await engine.rows({ range: ALL, sort: [{ field: 'timestamp', direction }], limit })
        ).rows.map((event) => event.id);
      expect(await ids('asc')).to.deep.equal(['z', 'b', 'c', 'a']);
      expect(await ids('desc')).to.deep.equal(['a', 'b', 'c', 'z']);
      expect(await ids('desc', 2)).to.deep.equal(['a', 'b']);
    });

    it('pages with offset and limit and counts every matching row', async () => {
      const events = Array.from({ length: 300 }, (_, index) =>
        makeEvent({
          id: `e${String(index).padStart(3, '0')}`,
          timestamp: T + index,
          credits: index % 7,
          category: index % 2 === 0 ? 'chat' : 'flow',
        }),
      );
      const engine = engineWith(events);
      const expected = events
        .filter((event) => event.category === 'chat')
        .sort((a, b) => b.credits - a.credits || (a.id < b.id ? -1 : 1))
        .map((event) => event.id);
      const page = async (offset: number, limit: number) =>
        engine.rows({
          range: ALL,
          filters: { category: ['chat'] },
          sort: [{ field: 'credits', direction: 'desc' }],
          offset,
          limit,
        });
      const first = await page(0, 5);
      expect(first.total).to.equal(150);
      expect(first.rows.map((event) => event.id)).to.deep.equal(expected.slice(0, 5));
      const middle = await page(100, 30);
      expect(middle.rows.map((event) => event.id)).to.deep.equal(expected.slice(100, 130));
      const beyond = await page(200, 10);
      expect(beyond).to.deep.equal({ rows: [], total: 150 });
      const none = await page(0, 0);
      expect(none).to.deep.equal({ rows: [], total: 150 });
    });
  });

  describe('sessions', () => {
    const gapMs = 30 * MINUTE;

    it('continues a session across a gap of exactly the limit and splits after it', async () => {
      const engine = engineWith([
        makeEvent({ userId: 'u1', timestamp: T }),
        makeEvent({ userId: 'u1', timestamp: T + 30 * MINUTE }),
        makeEvent({ userId: 'u1', timestamp: T + 60 * MINUTE + 1 }),
        makeEvent({ userId: 'u1', timestamp: T + 70 * MINUTE }),
      ]);
      expect(await engine.sessions({ range: ALL, gapMs })).to.deep.equal([
        { userId: 'u1', start: T, end: T + 30 * MINUTE, events: 2 },
        { userId: 'u1', start: T + 60 * MINUTE + 1, end: T + 70 * MINUTE, events: 2 },
      ]);
    });

    it('makes single-event sessions, skips events without a user, sorts by user then start', async () => {
      const engine = engineWith([
        makeEvent({ userId: 'u2', timestamp: T + 5 * HOUR }),
        makeEvent({ timestamp: T + 5 }),
        makeEvent({ userId: 'u1', timestamp: T + 3 * HOUR }),
        makeEvent({ userId: 'u2', timestamp: T }),
        makeEvent({ userId: 'u1', timestamp: T + HOUR }),
      ]);
      expect(await engine.sessions({ range: ALL, gapMs })).to.deep.equal([
        { userId: 'u1', start: T + HOUR, end: T + HOUR, events: 1 },
        { userId: 'u1', start: T + 3 * HOUR, end: T + 3 * HOUR, events: 1 },
        { userId: 'u2', start: T, end: T, events: 1 },
        { userId: 'u2', start: T + 5 * HOUR, end: T + 5 * HOUR, events: 1 },
      ]);
    });

    it('sessionises each partition separately', async () => {
      const engine = engineWith([
        makeEvent({ userId: 'u1', agent: 'b', timestamp: T }),
        makeEvent({ userId: 'u1', agent: 'a', timestamp: T + MINUTE }),
        makeEvent({ userId: 'u1', timestamp: T + 2 * MINUTE }),
        makeEvent({ userId: 'u1', agent: 'b', timestamp: T + 40 * MINUTE }),
        makeEvent({ userId: 'u1', agent: 'a', timestamp: T + 20 * MINUTE }),
      ]);
      expect(await engine.sessions({ range: ALL, gapMs, partitionBy: 'agent' })).to.deep.equal([
        { userId: 'u1', partition: 'a', start: T + MINUTE, end: T + 20 * MINUTE, events: 2 },
        { userId: 'u1', partition: 'b', start: T, end: T, events: 1 },
        { userId: 'u1', partition: 'b', start: T + 40 * MINUTE, end: T + 40 * MINUTE, events: 1 },
        { userId: 'u1', partition: null, start: T + 2 * MINUTE, end: T + 2 * MINUTE, events: 1 },
      ]);
      // Without a partition the same events form one session.
      expect(await engine.sessions({ range: ALL, gapMs })).to.deep.equal([
        { userId: 'u1', start: T, end: T + 40 * MINUTE, events: 5 },
      ]);
    });

    it('sessionises only the events in range and passing the filters', async () => {
      const engine = engineWith([
        makeEvent({ userId: 'u1', timestamp: T, category: 'chat' }),
        makeEvent({ userId: 'u1', timestamp: T + MINUTE, category: 'flow' }),
        makeEvent({ userId: 'u1', timestamp: T + 2 * MINUTE, category: 'chat' }),
        makeEvent({ userId: 'u1', timestamp: T + 3 * MINUTE, category: 'chat' }),
      ]);
      const result = await engine.sessions({
        range: { from: T, to: T + 3 * MINUTE },
        filters: { category: ['chat'] },
        gapMs: 90_000,
      });
      expect(result).to.deep.equal([
        { userId: 'u1', start: T, end: T, events: 1 },
        { userId: 'u1', start: T + 2 * MINUTE, end: T + 2 * MINUTE, events: 1 },
      ]);
    });
  });

  describe('roster', () => {
    it('replaces the roster and merges upserts by id', async () => {
      const engine = new ColumnarEngine();
      engine.setRoster([
        { id: 'u1', name: 'Ada', licensed: true, active: true },
        { id: 'u2', licensed: true, active: true },
      ]);
      engine.upsertUsers([
        { id: 'u2', email: 'grace@example.com', licensed: true, active: false },
        { id: 'u3', licensed: false, active: true },
      ]);
      expect(await engine.roster()).to.deep.equal([
        { id: 'u1', name: 'Ada', licensed: true, active: true },
        { id: 'u2', email: 'grace@example.com', licensed: true, active: false },
        { id: 'u3', licensed: false, active: true },
      ]);
      engine.setRoster([{ id: 'u9', licensed: true, active: true }]);
      const roster = await engine.roster();
      roster[0].name = 'changed';
      expect(await engine.roster()).to.deep.equal([{ id: 'u9', licensed: true, active: true }]);
    });

    it('refuses users without an id', () => {
      expectInvalid(
        () => new ColumnarEngine().setRoster([{ licensed: true, active: true } as never]),
        'users[0].id',
      );
    });
  });

  describe('bad queries', () => {
    const engine = engineWith([makeEvent()]);
    const range = { from: T, to: T + 1 };
    const aggregateCases: [string, unknown][] = [
      ['query', null],
      ['range', { measures: [] }],
      ['range.from', { range: { from: Number.NaN, to: 1 }, measures: [] }],
      ['range.to', { range: { from: 0, to: Number.POSITIVE_INFINITY }, measures: [] }],
      ['range.from', { range: { from: 2, to: 1 }, measures: [] }],
      ['measures', { range }],
      ['measures[1]', { range, measures: [{ op: 'count' }, 'count'] }],
      ['measures[0].op', { range, measures: [{ op: 'median', field: 'latencyMs' }] }],
      ['measures[0].field', { range, measures: [{ op: 'sum', field: 'userId' }] }],
      ['measures[0].field', { range, measures: [{ op: 'sum' }] }],
      ['measures[0].field', { range, measures: [{ op: 'countDistinct', field: 'latencyMs' }] }],
      ['measures[0].field', { range, measures: [{ op: 'last', field: 'nope' }] }],
      ['measures[0].field', { range, measures: [{ op: 'count', field: 'nope' }] }],
      [
        'measures[2].q',
        {
          range,
          measures: [
            { op: 'count' },
            { op: 'count' },
            { op: 'quantile', field: 'latencyMs', q: 1.5 },
          ],
        },
      ],
      [
        'measures[0].q',
        { range, measures: [{ op: 'quantile', field: 'latencyMs', q: Number.NaN }] },
      ],
      ['measures[0].q', { range, measures: [{ op: 'quantile', field: 'latencyMs' }] }],
      [
        'measures[0].where.colour',
        { range, measures: [{ op: 'count', where: { colour: ['red'] } }] },
      ],
      ['filters.nope', { range, filters: { nope: ['x'] }, measures: [] }],
      ['filters.category', { range, filters: { category: 'chat' }, measures: [] }],
      ['filters.category[1]', { range, filters: { category: ['chat', 3] }, measures: [] }],
      ['filters', { range, filters: ['chat'], measures: [] }],
      ['groupBy', { range, groupBy: 'userId', measures: [] }],
      ['groupBy[0]', { range, groupBy: ['colour'], measures: [] }],
      ['groupBy[0].boundaries', { range, groupBy: [{}], measures: [] }],
      [
        'groupBy[1].boundaries[1]',
        { range, groupBy: ['userId', { boundaries: [2, 1] }], measures: [] },
      ],
      ['groupBy[0].boundaries[0]', { range, groupBy: [{ boundaries: ['x'] }], measures: [] }],
    ];
    for (const [field, query] of aggregateCases) {
      it(`refuses the aggregate query ${JSON.stringify(query)} at ${field}`, async () => {
        expectInvalid(() => engine.aggregateSync(query as never), field);
        let rejected: unknown;
        await engine.aggregate(query as never).catch((error: unknown) => {
          rejected = error;
        });
        expect(TallyError.isInstance(rejected)).to.equal(true);
      });
    }

    const rowsCases: [string, unknown][] = [
      ['sort', { range, sort: { field: 'id' } }],
      ['sort[0].field', { range, sort: [{ field: 'colour', direction: 'asc' }] }],
      ['sort[0].direction', { range, sort: [{ field: 'id', direction: 'up' }] }],
      ['offset', { range, offset: -1 }],
      ['limit', { range, limit: 1.5 }],
    ];
    for (const [field, query] of rowsCases) {
      it(`refuses the rows query ${JSON.stringify(query)} at ${field}`, () => {
        expectInvalid(() => engine.rowsSync(query as never), field);
      });
    }

    const sessionsCases: [string, unknown][] = [
      ['gapMs', { range }],
      ['gapMs', { range, gapMs: -1 }],
      ['partitionBy', { range, gapMs: 1, partitionBy: 'colour' }],
      ['range.to', { range: { from: 0 }, gapMs: 1 }],
    ];
    for (const [field, query] of sessionsCases) {
      it(`refuses the sessions query ${JSON.stringify(query)} at ${field}`, () => {
        expectInvalid(() => engine.sessionsSync(query as never), field);
      });
    }

    it('names the offending value in the message', () => {
      expect(() =>
        engine.aggregateSync({ range, measures: [{ op: 'quantile', field: 'latencyMs', q: 2 }] }),
      ).to.throw('measures[0].q: must be a number from 0 to 1 (got 2)');
    });
  });

  describe('large dictionaries', () => {
    it('keeps every value once codes outgrow one and two bytes', async () => {
      const events: StoredEvent[] = [];
      for (let index = 0; index < 70_000; index += 1) {
        events.push(
          makeEvent({
            id: `e${index}`,
            timestamp: T + index,
            sessionId: `s${index}`,
            userId: `u${index % 300}`,
          }),
        );
      }
      const engine = new ColumnarEngine();
      engine.append(events.slice(0, 200));
      engine.append(events.slice(200));
      const values = await totals(engine, {
        range: ALL,
        measures: [
          { op: 'countDistinct', field: 'sessionId' },
          { op: 'countDistinct', field: 'userId' },
          { op: 'last', field: 'sessionId' },
        ],
      });
      expect(values).to.deep.equal([70_000, 300, 's69999']);
      for (const index of [5, 255, 256, 299, 65_535, 65_536, 69_999]) {
        const { rows } = await engine.rows({ range: { from: T + index, to: T + index + 1 } });
        expect(rows[0].sessionId).to.equal(`s${index}`);
        expect(rows[0].userId).to.equal(`u${index % 300}`);
      }
      const filtered = await totals(engine, {
        range: ALL,
        filters: { sessionId: ['s65536', 's300', 'nope'] },
        measures: [{ op: 'count' }],
      });
      expect(filtered).to.deep.equal([2]);
    });
  });
});
