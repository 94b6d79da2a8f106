import '../__test-support__/property-seed.js';
import { expect } from 'chai';
import fc from 'fast-check';
import { makeEvent } from '../__test-support__/make-event.js';
import { TallyError } from '../errors.js';
import type { StoredEvent } from '../event.js';
import { DIMENSIONS } from '../query.js';
import type { AggregateResult } from '../query.js';
import { aggregateQueryArbitrary, eventsArbitrary } from './__test-support__/arbitraries.js';
import { ColumnarEngine } from './columnar-engine.js';
import type { EventColumns } from './write-event-columns.js';

const T = Date.UTC(2026, 0, 15);
const ALL = { from: T - 30 * 86_400_000, to: T + 30 * 86_400_000 };

const CONTEXT_FIELDS = [
  'ip',
  'country',
  'region',
  'city',
  'page',
  'referrer',
  'browser',
  'os',
  'timezone',
  'locale',
] as const;
const TOKEN_FIELDS = [
  ['tokensInput', 'input'],
  ['tokensOutput', 'output'],
  ['tokensCachedInput', 'cachedInput'],
  ['tokensCacheWrite', 'cacheWrite'],
  ['tokensReasoning', 'reasoning'],
] as const;
const NUMBER_FIELDS = [
  'costNanos',
  'credits',
  'latencyMs',
  'feedback',
  'rating',
  'value',
  'costUsd',
];

/**
 * The events as columns, written out field by field: strings in plain arrays (or encoded with
 * codes in reverse order of first use), numbers in Float64Arrays with NaN for absent.
 */
function toColumns(events: readonly StoredEvent[], encoded = false): EventColumns {
  const read = (event: StoredEvent, field: string): unknown => {
    const record = event as unknown as Record<string, unknown>;
    if ((CONTEXT_FIELDS as readonly string[]).includes(field)) {
      return (event.context as Record<string, unknown> | undefined)?.[field];
    }
    return record[field];
  };
  const columns: Record<string, unknown> = {
    id: events.map((event) => event.id),
    timestamp: Float64Array.from(events, (event) => event.timestamp),
    properties: events.map((event) => event.properties),
  };
  for (const field of [...DIMENSIONS, 'catalogVersion']) {
    const values = events.map((event) => read(event, field) as string | undefined);
    if (!encoded) {
      columns[field] = values;
      continue;
    }
    const distinct = [...new Set(values)].reverse();
    columns[field] = {
      codes: Int32Array.from(values, (value) => distinct.indexOf(value)),
      values: distinct,
    };
  }
  for (const [field, bucket] of TOKEN_FIELDS) {
    columns[field] = Float64Array.from(
      events,
      (event) => (event.tokens as Record<string, number> | null)?.[bucket] ?? Number.NaN,
    );
  }
  for (const field of NUMBER_FIELDS) {
    columns[field] = Float64Array.from(
      events,
      (event) => (read(event, field) as number | undefined) ?? Number.NaN,
    );
  }
  return columns as EventColumns;
}

/** Columns say nothing of an empty `tokens` or `context` object: such events read as without. */
function withoutEmptyObjects(event: StoredEvent): StoredEvent {
  const copy = { ...event };
  if (copy.context !== undefined && Object.keys(copy.context).length === 0) delete copy.context;
  if (copy.tokens !== null && copy.tokens !== undefined && Object.keys(copy.tokens).length === 0) {
    copy.tokens = null;
  }
  return copy;
}

function byKey(result: AggregateResult): AggregateResult['rows'] {
  return [...result.rows].sort((a, b) => {
    const left = JSON.stringify(a.key);
    const right = JSON.stringify(b.key);
    return left < right ? -1 : left > right ? 1 : 0;
  });
}

function expectInvalid(run: () => unknown, field: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(TallyError.isInstance(caught), `expected a TallyError about ${field}`).to.equal(true);
  expect((caught as TallyError).field).to.equal(field);
}

describe('ColumnarEngine.appendColumns', () => {
  it('stores the same events as append, plain or dictionary-encoded', async () => {
    await fc.assert(
      fc.asyncProperty(
        eventsArbitrary(),
        fc.boolean(),
        aggregateQueryArbitrary,
        async (events, encoded, query) => {
          const fromObjects = new ColumnarEngine({ initialCapacity: 0 });
          fromObjects.append(events);
          const fromColumns = new ColumnarEngine({ initialCapacity: 0 });
          const half = Math.floor(events.length / 2);
          fromColumns.appendColumns(toColumns(events.slice(0, half), encoded));
          fromColumns.appendColumns(toColumns(events.slice(half), encoded));
          expect(fromColumns.size).to.equal(events.length);
          const sort = [{ field: 'id' as const, direction: 'asc' as const }];
          const expected = await fromObjects.rows({ range: ALL, sort });
          const actual = await fromColumns.rows({ range: ALL, sort });
          expect(actual.rows).to.deep.equal(expected.rows.map(withoutEmptyObjects));
          expect(byKey(await fromColumns.aggregate(query))).to.deep.equal(
            byKey(await fromObjects.aggregate(query)),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('derives tokensTotal and the tokens and context of each event', async () => {
    const engine = new ColumnarEngine();
    engine.appendColumns({
      id: ['a', 'b', 'c'],
      timestamp: [T, T + 1, T + 2],
      tokensInput: [10, null, Number.NaN],
      tokensOutput: [5, 7, undefined],
      country: { codes: Uint8Array.of(1, 0, 0), values: [null, 'DE'] },
    });
    const { rows } = await engine.rows({ range: ALL, sort: [{ field: 'id', direction: 'asc' }] });
    expect(rows).to.deep.equal([
      { id: 'a', timestamp: T, tokens: { input: 10, output: 5 }, context: { country: 'DE' } },
      { id: 'b', timestamp: T + 1, tokens: { output: 7 } },
      { id: 'c', timestamp: T + 2, tokens: null },
    ]);
    const totals = await engine.aggregate({
      range: ALL,
      measures: [
        { op: 'sum', field: 'tokensTotal' },
        { op: 'count', field: 'tokensTotal' },
      ],
    });
    expect(totals.rows[0].values).to.deep.equal([22, 2]);
  });

  it('refuses a malformed column by its name and index, and keeps none of the batch', async () => {
    const engine = new ColumnarEngine();
    engine.append([makeEvent({ timestamp: T })]);
    const good = { id: ['x', 'y'], timestamp: [T, T + 1] };
    expectInvalid(() => engine.appendColumns(null as unknown as EventColumns), 'columns');
    expectInvalid(() => engine.appendColumns({ ...good, id: 'xy' as never }), 'columns.id');
    expectInvalid(() => engine.appendColumns({ ...good, id: ['x', ''] }), 'columns.id[1]');
    expectInvalid(
      () => engine.appendColumns({ ...good, timestamp: [T, Number.NaN] }),
      'columns.timestamp[1]',
    );
    expectInvalid(() => engine.appendColumns({ ...good, model: ['m'] }), 'columns.model');
    expectInvalid(
      () => engine.appendColumns({ ...good, userID: ['u', 'v'] } as EventColumns),
      'columns.userID',
    );
    expectInvalid(
      () => engine.appendColumns({ ...good, tokensTotal: [1, 2] } as EventColumns),
      'columns.tokensTotal',
    );
    expectInvalid(
      () => engine.appendColumns({ ...good, model: ['m', 3 as never] }),
      'columns.model[1]',
    );
    expectInvalid(
      () => engine.appendColumns({ ...good, credits: [1, 'two' as never] }),
      'columns.credits[1]',
    );
    expectInvalid(
      () => engine.appendColumns({ ...good, model: { codes: [0, 2], values: [null, 'm'] } }),
      'columns.model.codes[1]',
    );
    expectInvalid(
      () => engine.appendColumns({ ...good, model: { codes: [0, 1], values: [null, 7 as never] } }),
      'columns.model.values[1]',
    );
    expectInvalid(
      () => engine.appendColumns({ ...good, properties: [{}, 'p' as never] }),
      'columns.properties[1]',
    );
    expect(engine.size).to.equal(1);
    const { rows, total } = await engine.rows({ range: ALL });
    expect(total).to.equal(1);
    expect(rows[0].name).to.equal('chat.message');
  });
});
