import { expect } from 'chai';
import { makeEvent } from '../../__test-support__/make-event.js';
import { ReferenceEngine } from './reference-engine.js';

const T0 = Date.UTC(2026, 0, 10);
const MINUTE = 60_000;
const range = { from: T0, to: T0 + 24 * 60 * MINUTE };

function engineWith(...events: Parameters<typeof makeEvent>[0][]): ReferenceEngine {
  const engine = new ReferenceEngine();
  engine.append(events.map((overrides) => makeEvent(overrides)));
  return engine;
}

describe('ReferenceEngine', () => {
  it('interpolates quantiles between order statistics like quantile_cont', async () => {
    const engine = engineWith(
      { timestamp: T0, latencyMs: 40 },
      { timestamp: T0, latencyMs: 10 },
      { timestamp: T0, latencyMs: 20 },
      { timestamp: T0, latencyMs: 30 },
      { timestamp: T0 },
    );
    const result = await engine.aggregate({
      range,
      measures: [
        { op: 'quantile', field: 'latencyMs', q: 0.5 },
        { op: 'quantile', field: 'latencyMs', q: 0.9 },
        { op: 'quantile', field: 'latencyMs', q: 0 },
        { op: 'quantile', field: 'latencyMs', q: 1 },
      ],
    });
    // Sorted 10, 20, 30, 40: q·(n−1) = 1.5 → 25; 2.7 → 30 + 0.7·10.
    expect(result.rows).to.deep.equal([{ key: [], values: [25, 30 + 0.7 * 10, 10, 40] }]);
  });

  it('skips nulls, gives 0 for sums and counts of nothing and null for the rest', async () => {
    const engine = engineWith({ timestamp: T0, category: 'chat' });
    const result = await engine.aggregate({
      range,
      measures: [
        { op: 'count' },
        { op: 'count', field: 'latencyMs' },
        { op: 'sum', field: 'latencyMs' },
        { op: 'avg', field: 'latencyMs' },
        { op: 'min', field: 'rating' },
        { op: 'countDistinct', field: 'model' },
        { op: 'quantile', field: 'value', q: 0.5 },
        { op: 'count', where: { category: ['flow'] } },
        { op: 'last', field: 'model', where: { category: ['flow'] } },
      ],
    });
    expect(result.rows).to.deep.equal([
      { key: [], values: [1, 0, 0, null, null, 0, null, 0, null] },
    ]);
  });

  it('returns no rows for groups without events', async () => {
    const engine = engineWith({ timestamp: T0 - 1 });
    const result = await engine.aggregate({ range, measures: [{ op: 'count' }] });
    expect(result.rows).to.deep.equal([]);
  });

  it('takes `last` from the latest event, the later-appended on ties, nulls included', async () => {
    const engine = engineWith(
      { timestamp: T0 + 5, model: 'a', value: 1 },
      { timestamp: T0 + 9, model: 'b', value: 2 },
      { timestamp: T0 + 9, value: 3 },
      { timestamp: T0 + 1, model: 'c', value: 4 },
    );
    const result = await engine.aggregate({
      range,
      measures: [
        { op: 'last', field: 'model' },
        { op: 'last', field: 'value' },
      ],
    });
    expect(result.rows).to.deep.equal([{ key: [], values: [null, 3] }]);
  });

  it('groups by dimension and by the last boundary at or before each event', async () => {
    const engine = engineWith(
      { timestamp: T0, category: 'chat' },
      { timestamp: T0 + 10 * MINUTE - 1, category: 'chat' },
      { timestamp: T0 + 10 * MINUTE, category: 'chat' },
      { timestamp: T0 + 30 * MINUTE },
    );
    const result = await engine.aggregate({
      range,
      groupBy: ['category', { boundaries: [T0, T0 + 10 * MINUTE, T0 + 20 * MINUTE] }],
      measures: [{ op: 'count' }],
    });
    // Reverse order of first appearance, so views cannot lean on the engine's row order.
    expect(result.rows).to.deep.equal([
      { key: [null, 2], values: [1] },
      { key: ['chat', 1], values: [1] },
      { key: ['chat', 0], values: [2] },
    ]);
  });

  it('sums in time order, with appended order breaking ties', async () => {
    // 0.1 + 0.2 + 0.3 differs from 0.3 + 0.2 + 0.1 in binary floating point.
    const engine = engineWith(
      { timestamp: T0 + 2, credits: 0.3 },
      { timestamp: T0 + 1, credits: 0.1 },
      { timestamp: T0 + 1, credits: 0.2 },
    );
    const result = await engine.aggregate({ range, measures: [{ op: 'sum', field: 'credits' }] });
    expect(result.rows[0].values).to.deep.equal([0.1 + 0.2 + 0.3]);
    expect(0.1 + 0.2 + 0.3).to.not.equal(0.3 + 0.2 + 0.1);
  });

  it('applies filters, where an empty list matches nothing and null matches absent values', async () => {
    const engine = engineWith(
      { timestamp: T0, model: 'm1' },
      { timestamp: T0 },
      { timestamp: T0, model: 'm2' },
    );
    const withNull = await engine.aggregate({
      range,
      filters: { model: ['m1', null] },
      measures: [{ op: 'count' }],
    });
    const empty = await engine.aggregate({
      range,
      filters: { model: [] },
      measures: [{ op: 'count' }],
    });
    expect(withNull.rows).to.deep.equal([{ key: [], values: [2] }]);
    expect(empty.rows).to.deep.equal([]);
  });

  it('sorts rows with nulls last in both directions and ties by id', async () => {
    const engine = new ReferenceEngine();
    engine.append([
      makeEvent({ id: 'b', timestamp: T0, latencyMs: 5 }),
      makeEvent({ id: 'a', timestamp: T0, latencyMs: 5 }),
      makeEvent({ id: 'c', timestamp: T0 }),
      makeEvent({ id: 'd', timestamp: T0, latencyMs: 7 }),
    ]);
    const descending = await engine.rows({
      range,
      sort: [{ field: 'latencyMs', direction: 'desc' }],
    });
    const ascending = await engine.rows({
      range,
      sort: [{ field: 'latencyMs', direction: 'asc' }],
      offset: 1,
      limit: 2,
    });
    expect(descending.rows.map((event) => event.id)).to.deep.equal(['d', 'a', 'b', 'c']);
    expect(ascending.rows.map((event) => event.id)).to.deep.equal(['b', 'd']);
    expect(ascending.total).to.equal(4);
  });

  it('splits sessions only where the gap is strictly greater than gapMs', async () => {
    const engine = engineWith(
      { userId: 'u1', timestamp: T0 },
      { userId: 'u1', timestamp: T0 + 30 * MINUTE },
      { userId: 'u1', timestamp: T0 + 60 * MINUTE + 1 },
      { userId: 'u2', timestamp: T0 + 5 * MINUTE, agent: 'x' },
      { userId: 'u2', timestamp: T0 + 6 * MINUTE, agent: 'y' },
      { timestamp: T0 },
    );
    const sessions = await engine.sessions({ range, gapMs: 30 * MINUTE });
    expect(sessions).to.deep.equal([
      { userId: 'u1', start: T0, end: T0 + 30 * MINUTE, events: 2 },
      { userId: 'u1', start: T0 + 60 * MINUTE + 1, end: T0 + 60 * MINUTE + 1, events: 1 },
      { userId: 'u2', start: T0 + 5 * MINUTE, end: T0 + 6 * MINUTE, events: 2 },
    ]);
    const perAgent = await engine.sessions({ range, gapMs: 30 * MINUTE, partitionBy: 'agent' });
    expect(perAgent.filter((session) => session.userId === 'u2')).to.deep.equal([
      { userId: 'u2', partition: 'x', start: T0 + 5 * MINUTE, end: T0 + 5 * MINUTE, events: 1 },
      { userId: 'u2', partition: 'y', start: T0 + 6 * MINUTE, end: T0 + 6 * MINUTE, events: 1 },
    ]);
  });
});
