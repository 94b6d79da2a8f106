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
import { breakdown, type BreakdownRequest } from './breakdown.js';

const FROM = Date.UTC(2026, 0, 10);
const TO = Date.UTC(2026, 0, 20);
const T = Date.UTC(2026, 0, 15);
const RANGE = resolved(FROM, TO);

function events(): StoredEvent[] {
  return [
    makeEvent({
      userId: 'u1',
      category: 'chat',
      endpoint: '/v1/chat',
      model: 'gpt-4o',
      timestamp: FROM,
      costNanos: 1_500_000_000,
      pricing: 'catalog',
    }),
    makeEvent({
      userId: 'u2',
      category: 'chat',
      endpoint: '/v1/chat',
      model: 'gpt-4o',
      timestamp: T,
      pricing: 'unpriced',
    }),
    makeEvent({
      userId: 'u1',
      category: 'flow',
      endpoint: '/v1/chat',
      model: 'mini',
      timestamp: T,
      costNanos: 500_000_000,
      pricing: 'catalog',
    }),
    makeEvent({ userId: 'u1', endpoint: '/v1/docs', timestamp: T }),
    makeEvent({ userId: 'u3', endpoint: '/v1/docs', timestamp: T }),
    makeEvent({ userId: 'u3', endpoint: '/v1/search', timestamp: T }),
    makeEvent({ timestamp: T, category: 'chat' }),
    makeEvent({ userId: 'u1', endpoint: '/v1/chat', timestamp: TO }),
  ];
}

for (const { name: engineName, create } of ENGINES) {
  describe(`breakdown (${engineName})`, () => {
    const run = (request: Omit<BreakdownRequest, 'range'>, list = events()) =>
      breakdown(
        fixtureContext(create, {
          events: list,
          roster: [
            { id: 'u1', name: 'Ada', email: 'ada@example.com', licensed: true, active: true },
          ],
        }),
        { range: RANGE, ...request },
      );

    it('shows the top values and folds the rest into other, with shares', async () => {
      const result = await run({ dimension: 'endpoint', top: 2 });
      expect(result.total).to.equal(7);
      expect(result.rows).to.deep.equal([
        { key: '/v1/chat', kind: 'value', value: 3, share: 3 / 7, groups: 1 },
        { key: '/v1/docs', kind: 'value', value: 2, share: 2 / 7, groups: 1 },
        { key: 'other', kind: 'other', value: 2, share: 2 / 7, groups: 2 },
      ]);
      expect(result.dimension).to.equal('endpoint');
      expect(result.range).to.deep.equal(RANGE);
    });

    it('shows events without a value as a missing row', async () => {
      const result = await run({ dimension: 'endpoint' });
      expect(result.rows.map((row) => [row.key, row.kind, row.value])).to.deep.equal([
        ['/v1/chat', 'value', 3],
        ['/v1/docs', 'value', 2],
        ['/v1/search', 'value', 1],
        ['unknown', 'missing', 1],
      ]);
      const shares = result.rows.reduce((sum, row) => sum + (row.share ?? 0), 0);
      expect(shares).to.be.closeTo(1, 1e-12);
    });

    it('breaks cost down in dollars and counts the unpriced events', async () => {
      const result = await run({ dimension: 'model', measure: 'cost' });
      expect(result.total).to.equal(2);
      expect(result.unpricedEvents).to.equal(1);
      expect(result.rows).to.deep.equal([
        { key: 'gpt-4o', kind: 'value', value: 1.5, share: 0.75, groups: 1, unpricedEvents: 1 },
        { key: 'mini', kind: 'value', value: 0.5, share: 0.25, groups: 1, unpricedEvents: 0 },
        { key: 'unknown', kind: 'missing', value: 0, share: 0, groups: 1, unpricedEvents: 0 },
      ]);
    });

    it('gives null shares when the total is zero', async () => {
      const result = await run({ dimension: 'category', measure: 'errors' });
      expect(result.total).to.equal(0);
      expect(result.rows.map((row) => [row.key, row.value, row.share])).to.deep.equal([
        ['chat', 0, null],
        ['flow', 0, null],
        ['uncategorized', 0, null],
      ]);
    });

    it('counts distinct users per value and overall', async () => {
      const result = await run({ dimension: 'category', measure: 'activeUsers', top: 1 });
      // chat: u1, u2; flow: u1; uncategorized: u1, u3. The system chat event has no user.
      expect(result.total).to.equal(3);
      expect(result.rows).to.deep.equal([
        { key: 'chat', kind: 'value', value: 2, share: 0.5, groups: 1 },
        { key: 'other', kind: 'other', value: 2, share: 0.5, groups: 2 },
      ]);
    });

    it('names users from the roster when broken down by user', async () => {
      const result = await run({ dimension: 'user', top: 2 });
      expect(result.dimension).to.equal('userId');
      expect(result.rows).to.deep.equal([
        {
          key: 'u1',
          kind: 'value',
          value: 3,
          share: 3 / 7,
          groups: 1,
          name: 'Ada',
          email: 'ada@example.com',
        },
        { key: 'u3', kind: 'value', value: 2, share: 2 / 7, groups: 1, name: null, email: null },
        { key: 'other', kind: 'other', value: 2, share: 2 / 7, groups: 2 },
      ]);
    });

    it('gives no rows when the data floor empties the range', async () => {
      const context = fixtureContext(create, {
        events: events(),
        settings: { dataFloor: '2026-02-01' },
      });
      const result = await breakdown(context, { range: RANGE, dimension: 'model' });
      expect(result.range.clamped).to.equal(true);
      expect(result.rows).to.deep.equal([]);
      expect(result.total).to.equal(0);
    });

    it('applies filters, including a search', async () => {
      const result = await run({ dimension: 'endpoint', filters: { search: 'ADA@' } });
      expect(result.rows.map((row) => [row.key, row.value])).to.deep.equal([
        ['/v1/chat', 2],
        ['/v1/docs', 1],
      ]);
    });

    it('asks the engine for one aggregate', async () => {
      const engine = countingEngine(create());
      engine.append(events());
      await breakdown({ engine, now: TO }, { range: RANGE, dimension: 'country', measure: 'cost' });
      expect(engine.calls).to.deep.equal(['aggregate']);
    });

    it('refuses unknown dimensions and measures', async () => {
      const context = fixtureContext(create, {});
      const bad = [
        [{ dimension: 'colour' }, 'dimension'],
        [{ dimension: 'model', measure: 'latencyP95' }, 'measure'],
        [{ dimension: 'model', top: 1.5 }, 'top'],
      ] as const;
      for (const [request, field] of bad) {
        const error = await breakdown(context, request as unknown as BreakdownRequest).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(TallyError.isInstance(error) && error.field).to.equal(field);
      }
    });
  });
}
