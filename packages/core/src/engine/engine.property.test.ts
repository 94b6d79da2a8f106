import '../__test-support__/property-seed.js';
import { expect } from 'chai';
import fc from 'fast-check';
import type { StoredEvent } from '../event.js';
import type { AggregateResult, Engine, SessionRecord } from '../query.js';
import {
  aggregateQueryArbitrary,
  eventsArbitrary,
  rosterArbitrary,
  rowsQueryArbitrary,
  sessionsQueryArbitrary,
} from './__test-support__/arbitraries.js';
import { ReferenceEngine } from './__test-support__/reference-engine.js';
import { ColumnarEngine } from './columnar-engine.js';

const NUM_RUNS = 200;

/** Events split into consecutive batches at random cut points, appended one batch at a time. */
const batchedEventsArbitrary = eventsArbitrary().chain((events) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, events.length - 1) }), { maxLength: 4 })
    .map((cuts) => {
      const points = [0, ...cuts.filter((cut) => cut < events.length).sort((a, b) => a - b)];
      return points.map((start, index) => events.slice(start, points[index + 1] ?? events.length));
    }),
);

/** The same events in both engines: the columnar one batch by batch, the reference all at once. */
function engines(batches: readonly StoredEvent[][]): { columnar: Engine; reference: Engine } {
  const columnar = new ColumnarEngine({ initialCapacity: 0 });
  for (const batch of batches) columnar.append(batch);
  const reference = new ReferenceEngine();
  reference.append(batches.flat());
  expect(columnar.size).to.equal(reference.size);
  return { columnar, reference };
}

/** Aggregate rows in a fixed order, since engines may return groups in any order. */
function byKey(result: AggregateResult): AggregateResult['rows'] {
  return [...result.rows].sort((a, b) => {
    const left = JSON.stringify(a.key);
    const right = JSON.stringify(b.key);
    return left < right ? -1 : left > right ? 1 : 0;
  });
}

/** Sessions in a fixed order: by user, partition and start. */
function bySession(sessions: SessionRecord[]): SessionRecord[] {
  const id = (session: SessionRecord) =>
    JSON.stringify([session.userId, session.partition ?? null, session.start]);
  return [...sessions].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

describe('ColumnarEngine against the reference engine', () => {
  it('gives the same grouped aggregates for random events and queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        batchedEventsArbitrary,
        fc.array(aggregateQueryArbitrary, { minLength: 1, maxLength: 4 }),
        async (batches, queries) => {
          const { columnar, reference } = engines(batches);
          for (const query of queries) {
            const expected = byKey(await reference.aggregate(query));
            const actual = byKey(await columnar.aggregate(query));
            expect(actual, JSON.stringify(query)).to.deep.equal(expected);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives the same sorted, paged rows and totals', async () => {
    await fc.assert(
      fc.asyncProperty(
        batchedEventsArbitrary,
        fc.array(rowsQueryArbitrary, { minLength: 1, maxLength: 4 }),
        async (batches, queries) => {
          const { columnar, reference } = engines(batches);
          for (const query of queries) {
            const expected = await reference.rows(query);
            const actual = await columnar.rows(query);
            expect(actual.total, JSON.stringify(query)).to.equal(expected.total);
            expect(
              actual.rows.map((event) => event.id),
              JSON.stringify(query),
            ).to.deep.equal(expected.rows.map((event) => event.id));
            expect(actual.rows, JSON.stringify(query)).to.deep.equal(expected.rows);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives the same sessions, with and without a partition', async () => {
    await fc.assert(
      fc.asyncProperty(
        batchedEventsArbitrary,
        fc.array(sessionsQueryArbitrary, { minLength: 1, maxLength: 4 }),
        async (batches, queries) => {
          const { columnar, reference } = engines(batches);
          for (const query of queries) {
            const expected = bySession(await reference.sessions(query));
            const actual = bySession(await columnar.sessions(query));
            expect(actual, JSON.stringify(query)).to.deep.equal(expected);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives the same answers whatever order and batches the events arrive in', async () => {
    // Same multiset of events, but the second engine gets them reversed and re-batched; only
    // answers that do not depend on arrival order are compared (no float sums, no `last` ties).
    await fc.assert(
      fc.asyncProperty(
        batchedEventsArbitrary,
        fc.array(aggregateQueryArbitrary, { minLength: 1, maxLength: 3 }),
        async (batches, queries) => {
          const events = batches.flat();
          const inOrder = new ColumnarEngine({ initialCapacity: 0 });
          inOrder.append([...events].sort((a, b) => a.timestamp - b.timestamp));
          const shuffled = new ColumnarEngine({ initialCapacity: 0 });
          for (const batch of [...batches].reverse()) shuffled.append([...batch].reverse());
          for (const query of queries) {
            const stable = {
              ...query,
              measures: query.measures.filter(
                (measure) =>
                  measure.op === 'count' ||
                  measure.op === 'countDistinct' ||
                  measure.op === 'min' ||
                  measure.op === 'max' ||
                  measure.op === 'quantile',
              ),
            };
            if (stable.measures.length === 0) continue;
            expect(byKey(await shuffled.aggregate(stable))).to.deep.equal(
              byKey(await inOrder.aggregate(stable)),
            );
          }
        },
      ),
      { numRuns: NUM_RUNS / 2 },
    );
  });

  it('returns the roster it was given', async () => {
    await fc.assert(
      fc.asyncProperty(rosterArbitrary, async (users) => {
        const columnar = new ColumnarEngine({ initialCapacity: 0 });
        const reference = new ReferenceEngine();
        columnar.setRoster(users);
        reference.setRoster(users);
        const sortById = (list: { id: string }[]) =>
          [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        expect(sortById(await columnar.roster())).to.deep.equal(sortById(await reference.roster()));
      }),
      { numRuns: NUM_RUNS / 4 },
    );
  });
});
