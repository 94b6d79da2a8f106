import '../../../core/src/__test-support__/property-seed.js';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  ColumnarEngine,
  breakdown,
  budget,
  comparison,
  costForecast,
  creditReport,
  eventRows,
  health,
  leaderboard,
  patterns,
  perUserTable,
  recommendations,
  sessions,
  stats,
  timeline,
  type AggregateQuery,
  type AggregateResult,
  type Engine,
  type NormalizedTokens,
  type RosterUser,
  type SessionRecord,
  type StoredEvent,
  type TenantSettings,
  type ViewContext,
  type ViewFilters,
  type ViewRequest,
} from '@tally/core';
import {
  AGENTS,
  CATEGORIES,
  MODELS,
  NAMES,
  SPECIAL_TIMES,
  TIME_END,
  TIME_START,
  USERS,
  aggregateQueryArbitrary,
  eventsArbitrary,
  rosterArbitrary,
  rowsQueryArbitrary,
  sessionsQueryArbitrary,
} from '../../../core/src/engine/__test-support__/arbitraries.js';
import { VIEWS } from '../query/view-registry.js';
import { DuckDbEngine } from './duckdb-engine.js';
import { DuckDbStore } from './duckdb-store.js';

// One suite, two engines: every event set goes through core's columnar engine and through the
// DuckDB engine on a real file, and every query and view must give identical answers.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let directory: string;
let store: DuckDbStore;
let tenantCount = 0;

before(async () => {
  directory = mkdtempSync(join(tmpdir(), 'tally-conformance-'));
  store = await DuckDbStore.open(join(directory, 'tally.duckdb'));
});

after(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

/** Events split into consecutive batches at random cut points, as they would arrive. */
function batched(events: fc.Arbitrary<StoredEvent[]>): fc.Arbitrary<StoredEvent[][]> {
  return events.chain((list) =>
    fc
      .uniqueArray(fc.integer({ min: 1, max: Math.max(1, list.length - 1) }), { maxLength: 4 })
      .map((cuts) => {
        const points = [0, ...cuts.filter((cut) => cut < list.length).sort((a, b) => a - b)];
        return points.map((start, index) => list.slice(start, points[index + 1] ?? list.length));
      }),
  );
}

/** The same batches and roster in a fresh columnar engine and under a fresh store tenant. */
async function load(
  batches: readonly StoredEvent[][],
  roster: readonly RosterUser[] = [],
): Promise<{ columnar: Engine; duckdb: Engine; tenant: string }> {
  const columnar = new ColumnarEngine();
  const tenant = `tenant-${(tenantCount += 1)}`;
  for (const batch of batches) {
    columnar.append(batch);
    const result = await store.insertEvents(tenant, batch);
    assert.equal(result.inserted, batch.length);
  }
  columnar.setRoster(roster);
  await store.upsertUsers(tenant, roster);
  return { columnar, duckdb: store.engine(tenant), tenant };
}

/**
 * A DuckDB engine over the store's tenant whose session series never matches its users, so
 * that every sessions query takes the exact SQL path the series falls back to.
 */
function fallbackEngine(tenant: string): Engine {
  const unknownHash = Float64Array.of(0.5);
  return new DuckDbEngine(tenant, {
    read: (sql, params) => store['read'](sql, params),
    readSeries: async () => [unknownHash, unknownHash, Float64Array.of(0)],
    stats: () => undefined,
  });
}

function byKey(result: AggregateResult): AggregateResult['rows'] {
  return [...result.rows].sort((a, b) => {
    const left = JSON.stringify(a.key);
    const right = JSON.stringify(b.key);
    return left < right ? -1 : left > right ? 1 : 0;
  });
}

/** An answer or the error it ended in, so that refusals must agree too. */
async function settle<T>(work: () => Promise<T>): Promise<{ value: T } | { error: string }> {
  try {
    return { value: await work() };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

async function sameAggregates(
  engines: { columnar: Engine; duckdb: Engine },
  query: AggregateQuery,
) {
  const expected = await settle(async () => byKey(await engines.columnar.aggregate(query)));
  const actual = await settle(async () => byKey(await engines.duckdb.aggregate(query)));
  assert.deepStrictEqual(actual, expected, JSON.stringify(query));
}

/**
 * Events whose numbers are all dyadic (multiples of 1/8), so sums may skip the time order.
 * Rounding can make `-0`, which the store keeps as `0` (see the store tests); `+ 0` avoids it.
 */
const dyadicEvents = eventsArbitrary().map((events) =>
  events.map((event) => ({
    ...event,
    credits: Math.round(event.credits * 8) / 8 + 0,
    ...(event.latencyMs === undefined ? {} : { latencyMs: Math.round(event.latencyMs) + 0 }),
    ...(event.value === undefined ? {} : { value: Math.round(event.value * 4) / 4 + 0 }),
  })),
);

describe('DuckDbEngine against ColumnarEngine', () => {
  it('gives the same grouped aggregates for random events and queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        batched(eventsArbitrary()),
        fc.array(aggregateQueryArbitrary, { minLength: 1, maxLength: 4 }),
        async (batches, queries) => {
          const engines = await load(batches);
          for (const query of queries) await sameAggregates(engines, query);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives the same sums when every value is dyadic and sums skip the time order', async () => {
    await fc.assert(
      fc.asyncProperty(
        batched(dyadicEvents),
        fc.array(aggregateQueryArbitrary, { minLength: 1, maxLength: 4 }),
        async (batches, queries) => {
          const engines = await load(batches);
          for (const query of queries) await sameAggregates(engines, query);
          await sameAggregates(engines, {
            range: { from: TIME_START, to: TIME_END },
            groupBy: ['userId'],
            measures: [
              { op: 'sum', field: 'credits' },
              { op: 'avg', field: 'latencyMs' },
              { op: 'sum', field: 'value', where: { status: ['ok'] } },
            ],
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same sorted, paged rows and totals', async () => {
    await fc.assert(
      fc.asyncProperty(
        batched(eventsArbitrary()),
        fc.array(rowsQueryArbitrary, { minLength: 1, maxLength: 4 }),
        async (batches, queries) => {
          const engines = await load(batches);
          for (const query of queries) {
            const expected = await settle(() => engines.columnar.rows(query));
            const actual = await settle(() => engines.duckdb.rows(query));
            assert.deepStrictEqual(actual, expected, JSON.stringify(query));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives the same sessions', async () => {
    await fc.assert(
      fc.asyncProperty(
        batched(eventsArbitrary()),
        fc.array(sessionsQueryArbitrary, { minLength: 1, maxLength: 4 }),
        async (batches, queries) => {
          const engines = await load(batches);
          for (const query of queries) {
            const expected = await settle<SessionRecord[]>(() => engines.columnar.sessions(query));
            const actual = await settle<SessionRecord[]>(() => engines.duckdb.sessions(query));
            assert.deepStrictEqual(actual, expected, JSON.stringify(query));
            const fallback = fallbackEngine(engines.tenant);
            const exact = await settle<SessionRecord[]>(() => fallback.sessions(query));
            assert.deepStrictEqual(exact, expected, `fallback: ${JSON.stringify(query)}`);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives the same roster', async () => {
    await fc.assert(
      fc.asyncProperty(rosterArbitrary, async (roster) => {
        const engines = await load([], roster);
        assert.deepStrictEqual(await engines.duckdb.roster(), await engines.columnar.roster());
      }),
      { numRuns: 30 },
    );
  });
});

describe('hand-written edge cases on both engines', () => {
  const base = TIME_START;
  const edgeEvents: StoredEvent[] = [
    event('e1', base, { userId: 'u1', credits: 0.1, latencyMs: 0.1 }),
    event('e2', base, { userId: 'u1', credits: 0.2, latencyMs: 0.2 }),
    event('e3', base + 1, { userId: 'u2', credits: 0.3, value: -1.5 }),
    event('e4', base + HOUR, { credits: 1e16, actor: 'system' }),
    event('e5', base + HOUR, { userId: 'u1', credits: 1, value: -1.5 }),
    event('e6', base + DAY - 1, { userId: 'u1', credits: -1e16 + 1, category: '' }),
    event('e7', base + DAY, {
      userId: 'ü',
      model: '\uE000x',
      tokens: { input: 7 } as unknown as NormalizedTokens,
      context: {},
      properties: { nested: 'no', n: 1.5, b: true, z: null },
    }),
    event('e8', base + DAY, {
      userId: '😀',
      model: '😀',
      tokens: { output: 3 } as unknown as NormalizedTokens,
      context: { page: '/x' },
    }),
    event('e9', base + 2 * DAY, { userId: 'u1', model: 'z', costUsd: 0.5, catalogVersion: 'v1' }),
  ];

  it('agrees on ties, cancelling sums, empty strings, partial tokens and astral text', async () => {
    const engines = await load([edgeEvents.slice(0, 4), edgeEvents.slice(4)]);
    const range = { from: base, to: base + 3 * DAY };
    const queries: AggregateQuery[] = [
      {
        range,
        measures: [
          { op: 'sum', field: 'credits' },
          { op: 'avg', field: 'credits' },
          { op: 'sum', field: 'latencyMs' },
          { op: 'last', field: 'credits' },
          { op: 'last', field: 'latencyMs' },
          { op: 'last', field: 'value' },
          { op: 'count', field: 'tokensTotal' },
          { op: 'sum', field: 'tokensTotal' },
          { op: 'quantile', field: 'value', q: 0.5 },
          { op: 'min', field: 'value' },
        ],
      },
      {
        range,
        groupBy: ['userId', 'category'],
        measures: [{ op: 'count' }, { op: 'sum', field: 'credits' }],
      },
      {
        range,
        groupBy: [{ boundaries: [base, base, base + 1, base + HOUR, base + HOUR, base + DAY] }],
        measures: [{ op: 'count' }, { op: 'last', field: 'userId' }],
      },
      {
        range,
        groupBy: [{ boundaries: [base + 0.5, base + HOUR - 0.5, base + 1e300] }],
        measures: [{ op: 'count' }],
      },
      {
        // Equal steps, then a short one, then equal steps again (a DST change's shape).
        range,
        groupBy: [
          {
            boundaries: [0, 1, 2, 3, 4, 5]
              .map((hour) => base + hour * HOUR)
              .concat([0, 1, 2, 3].map((day) => base + DAY - 1 + day * (DAY - HOUR))),
          },
          'userId',
        ],
        measures: [{ op: 'count' }, { op: 'sum', field: 'credits' }],
      },
      { range, groupBy: [{ boundaries: [] }], measures: [{ op: 'count' }] },
      { range: { from: base + 0.5, to: base + HOUR + 0.5 }, measures: [{ op: 'count' }] },
      { range: { from: -1e300, to: 1e300 }, measures: [{ op: 'count' }] },
    ];
    for (const query of queries) await sameAggregates(engines, query);
    for (const sort of [
      [{ field: 'model', direction: 'asc' }],
      [{ field: 'userId', direction: 'desc' }],
      [{ field: 'value', direction: 'asc' }],
      [{ field: 'timestamp', direction: 'desc' }],
    ] as const) {
      const query = { range, sort };
      assert.deepStrictEqual(await engines.duckdb.rows(query), await engines.columnar.rows(query));
    }
    const sessionsQuery = { range, gapMs: HOUR - 1, partitionBy: 'model' as const };
    assert.deepStrictEqual(
      await engines.duckdb.sessions(sessionsQuery),
      await engines.columnar.sessions(sessionsQuery),
    );
  });

  it('refuses the same malformed queries with the same messages', async () => {
    const engines = await load([edgeEvents]);
    const range = { from: base, to: base + DAY };
    const bad: unknown[] = [
      { range, measures: [{ op: 'sum', field: 'name' }] },
      { range, measures: [{ op: 'sum', field: 'credits; DROP TABLE events' }] },
      { range, measures: [{ op: 'quantile', field: 'credits', q: 2 }] },
      { range, groupBy: ['tenant'], measures: [{ op: 'count' }] },
      { range, filters: { tenant: ['tenant-1'] }, measures: [{ op: 'count' }] },
      { range, filters: { userId: [1] }, measures: [{ op: 'count' }] },
      { range: { from: 2, to: 1 }, measures: [{ op: 'count' }] },
      { range, groupBy: [{ boundaries: [2, 1] }], measures: [{ op: 'count' }] },
    ];
    for (const query of bad) await sameAggregates(engines, query as AggregateQuery);
    const rowsQuery = { range, sort: [{ field: 'id DESC; --', direction: 'asc' }] } as never;
    const expected = await settle(() => engines.columnar.rows(rowsQuery));
    assert.ok('error' in expected);
    assert.deepStrictEqual(await settle(() => engines.duckdb.rows(rowsQuery)), expected);
  });
});

function event(id: string, timestamp: number, fields: Partial<StoredEvent> = {}): StoredEvent {
  return {
    id,
    name: 'chat.message',
    timestamp,
    actor: fields.userId === undefined ? 'system' : 'user',
    tokens: null,
    costNanos: 0,
    pricing: 'none',
    credits: 1,
    ...fields,
  } as StoredEvent;
}

// ---------------------------------------------------------------------------------------------
// Every view, on both engines.

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];
const NOW_CHOICES = [TIME_END, TIME_END + 2 * HOUR, TIME_START + 2 * DAY + 3 * HOUR];

const valueFilter = <T extends string>(values: readonly T[]) =>
  fc.oneof(
    fc.constantFrom(...values),
    fc.uniqueArray(fc.constantFrom(...values), { maxLength: 2 }),
  );

const viewFiltersArbitrary: fc.Arbitrary<ViewFilters> = fc.record(
  {
    users: fc.uniqueArray(fc.constantFrom(...USERS, 'nobody'), { maxLength: 3 }),
    search: fc.constantFrom('u1', 'USER', 'example', 'zz'),
    category: valueFilter(CATEGORIES),
    name: valueFilter(NAMES),
    agent: valueFilter(AGENTS),
    model: valueFilter(MODELS),
    country: valueFilter(['DE', 'US', 'JP']),
    status: valueFilter(['ok', 'error'] as const),
    actor: valueFilter(['user', 'system'] as const),
  },
  { requiredKeys: [] },
);

const viewRequestArbitrary: fc.Arbitrary<ViewRequest & { now: number }> = fc.record({
  now: fc.constantFrom(...NOW_CHOICES),
  range: fc
    .oneof(
      fc.constantFrom<ViewRequest['range']>(
        { preset: '7d' },
        { preset: 'today' },
        { preset: 'yesterday' },
        { preset: 'this-month' },
        { from: TIME_START, to: TIME_END },
      ),
      fc
        .tuple(fc.constantFrom(...SPECIAL_TIMES), fc.constantFrom(...SPECIAL_TIMES, TIME_END))
        .filter(([a, b]) => a < b)
        .map(([from, to]) => ({ from, to })),
    )
    .chain((range) => fc.constantFrom(...ZONES).map((tz) => ({ ...range, tz }))),
  filters: fc.option(viewFiltersArbitrary, { nil: undefined }),
});

const settingsArbitrary: fc.Arbitrary<TenantSettings> = fc.record(
  {
    timezone: fc.constantFrom(...ZONES),
    credits: fc.constant({ multipliers: { 'gpt-4o': 2, mini: 0.5 } }),
    budget: fc.constantFrom(
      { measure: 'credits' as const, limit: 50, period: 'month' as const },
      { measure: 'cost' as const, limit: 0.01, period: 'week' as const },
    ),
    planCredits: fc.constant(100),
    weekStartsOn: fc.constantFrom(1, 7),
  },
  { requiredKeys: [] },
);

/** Every view with a request each, as `[name, run]` pairs. */
function viewCalls(
  request: ViewRequest,
  choice: number,
): [string, (context: ViewContext) => Promise<unknown>][] {
  const pick = <T>(values: readonly T[]): T => values[choice % values.length];
  return [
    ['leaderboard', (context) => leaderboard(context, request)],
    ['stats', (context) => stats(context, { ...request, dauTrend: true })],
    [
      'timeline',
      (context) =>
        timeline(context, {
          ...request,
          measure: pick([
            'events',
            'tokens',
            'cost',
            'credits',
            'activeUsers',
            'errors',
            'latencyP95',
          ] as const),
          ...(choice % 3 === 0 ? {} : { splitBy: pick(['category', 'user', 'model'] as const) }),
          ...(choice % 4 === 1
            ? { granularity: pick(['hour', 'day', 'week', 'month'] as const) }
            : {}),
        }),
    ],
    [
      'breakdown',
      (context) =>
        breakdown(context, {
          ...request,
          dimension: pick([
            'category',
            'name',
            'model',
            'provider',
            'agent',
            'source',
            'endpoint',
            'user',
            'country',
          ] as const),
          measure: pick(['events', 'tokens', 'cost', 'credits', 'activeUsers', 'errors'] as const),
          top: 1 + (choice % 4),
        }),
    ],
    [
      'eventRows',
      (context) =>
        eventRows(context, {
          ...request,
          preset: pick(['requests', 'tokens'] as const),
          ...(choice % 2 === 0
            ? {}
            : { sort: { column: pick(['name', 'model', 'status', 'latencyMs']) } }),
          offset: choice % 5,
          limit: 1 + (choice % 30),
        }),
    ],
    [
      'perUserTable',
      (context) =>
        perUserTable(context, { ...request, columns: pick(['category', 'name'] as const) }),
    ],
    [
      'sessions',
      (context) =>
        sessions(context, {
          ...request,
          ...(choice % 3 === 0 ? {} : { gapMs: pick([30 * 60_000, 60_000, 6 * HOUR]) }),
          ...(choice % 2 === 0 ? {} : { perUser: true }),
        }),
    ],
    [
      'comparison',
      (context) =>
        comparison(context, { ...request, by: pick(['agent', 'model', 'user'] as const) }),
    ],
    ['patterns', (context) => patterns(context, request)],
    [
      'health',
      (context) =>
        health(context, {
          ...request,
          ...(choice % 2 === 0 ? {} : { gauges: pick([['queue.depth'], ['queue.depth', 'zz']]) }),
        }),
    ],
    ['budget', (context) => budget(context, request)],
    [
      'budget with its own parameters',
      (context) =>
        budget(context, {
          ...request,
          measure: pick(['credits', 'cost'] as const),
          period: pick(['month', 'week'] as const),
          ...(choice % 3 === 0 ? {} : { limit: pick([1, 25, 0.05]) }),
        }),
    ],
    ['creditReport', (context) => creditReport(context, request)],
    ['costForecast', (context) => costForecast(context, request)],
    ['recommendations', (context) => recommendations(context, request)],
  ];
}

describe('every core view on both engines', () => {
  it('gives identical answers for random events, rosters, settings and requests', async () => {
    let calls = 0;
    let answers = 0;
    await fc.assert(
      fc.asyncProperty(
        batched(eventsArbitrary()),
        rosterArbitrary,
        fc.option(settingsArbitrary, { nil: undefined }),
        viewRequestArbitrary,
        fc.nat({ max: 1000 }),
        async (batches, roster, settings, { now, ...request }, choice) => {
          const engines = await load(batches, roster);
          for (const [name, run] of viewCalls(request, choice)) {
            const expected = await settle(() => run({ engine: engines.columnar, now, settings }));
            const actual = await settle(() => run({ engine: engines.duckdb, now, settings }));
            assert.deepStrictEqual(actual, expected, `${name} ${JSON.stringify(request)}`);
            calls += 1;
            if ('value' in expected) answers += 1;
          }
        },
      ),
      { numRuns: 60 },
    );
    // Agreeing only on refusals would prove little: most calls must produce answers.
    assert.ok(answers > calls * 0.8, `${answers} answers of ${calls} calls`);
  });
});

// ---------------------------------------------------------------------------------------------
// The analytics pages' requests, exactly as the widgets send them to `POST /v1/query` (the
// widgets' HTTP tests check that the pages ask for nothing else), by the server's view registry.

interface PageRequest {
  view: string;
  /** False for a view the page asks for without a range (a calendar period of its own). */
  withRange: boolean;
  params: Record<string, unknown>;
}

const PAGE_REQUESTS = JSON.parse(
  readFileSync(new URL('./__fixtures__/page-requests.json', import.meta.url), 'utf8'),
) as Record<string, PageRequest[]>;

describe("the analytics pages' requests on both engines", () => {
  for (const [page, requests] of Object.entries(PAGE_REQUESTS)) {
    it(`gives identical answers to every request of ${page}`, async () => {
      let calls = 0;
      let answers = 0;
      await fc.assert(
        fc.asyncProperty(
          batched(eventsArbitrary()),
          rosterArbitrary,
          fc.option(settingsArbitrary, { nil: undefined }),
          viewRequestArbitrary,
          fc.option(fc.constantFrom(...AGENTS), { nil: undefined }),
          async (batches, roster, settings, { now, range, filters }, agent) => {
            const engines = await load(batches, roster);
            // The agent drill-down adds the agent to whatever else is filtered.
            const narrowed = agent === undefined ? filters : { ...filters, agent };
            for (const { view, withRange, params } of requests) {
              const request = {
                ...(withRange ? { range } : { tz: range?.tz }),
                filters: narrowed,
                ...params,
              };
              const run = (engine: Engine) => () =>
                VIEWS[view].run({ engine, now, settings }, request);
              const expected = await settle(run(engines.columnar));
              const actual = await settle(run(engines.duckdb));
              assert.deepStrictEqual(actual, expected, `${view} ${JSON.stringify(request)}`);
              calls += 1;
              if ('value' in expected) answers += 1;
            }
          },
        ),
        { numRuns: 25 },
      );
      assert.ok(answers > calls * 0.8, `${answers} answers of ${calls} calls`);
    });
  }
});
