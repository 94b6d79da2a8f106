import '../__test-support__/property-seed.js';
import { expect } from 'chai';
import fc from 'fast-check';
import {
  AGENTS,
  CATEGORIES,
  COUNTRIES,
  FIXED_NOW,
  MODELS,
  NAMES,
  TIME_END,
  TIME_START,
  USERS,
  eventsArbitrary,
  rosterArbitrary,
  timestampArbitrary,
} from '../engine/__test-support__/arbitraries.js';
import { ReferenceEngine } from '../engine/__test-support__/reference-engine.js';
import { ColumnarEngine } from '../engine/columnar-engine.js';
import { TallyError } from '../errors.js';
import type { RosterUser, StoredEvent } from '../event.js';
import type { TenantSettings } from '../settings.js';
import type { RangeInput } from '../time/types.js';
import { breakdown } from './breakdown.js';
import { budget } from './budget.js';
import { comparison } from './comparison.js';
import { costForecast } from './cost-forecast.js';
import { creditReport } from './credit-report.js';
import { health } from './health.js';
import { leaderboard } from './leaderboard.js';
import { patterns } from './patterns.js';
import { perUserTable } from './per-user-table.js';
import { recommendations } from './recommendations.js';
import { eventRows } from './rows.js';
import { sessions } from './sessions.js';
import { stats } from './stats.js';
import { timeline } from './timeline.js';
import type { ViewContext, ViewFilters, ViewRequest } from './types.js';

const NUM_RUNS = 40;
const MINUTE = 60_000;

const timeZoneArbitrary = fc.constantFrom(
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
);

/** A preset relative to the fixed `now`, or custom bounds around the events. */
const rangeInputArbitrary: fc.Arbitrary<RangeInput> = fc.oneof(
  fc.record({
    preset: fc.constantFrom('today', 'yesterday', '7d', '30d', 'this-week', 'this-month'),
    tz: timeZoneArbitrary,
  }),
  fc
    .tuple(timestampArbitrary, timestampArbitrary, timeZoneArbitrary)
    .filter(([a, b]) => a !== b)
    .map(([a, b, tz]) => ({ from: Math.min(a, b), to: Math.max(a, b), tz })),
  timeZoneArbitrary.map((tz) => ({ from: TIME_START, to: TIME_END, tz })),
);

const FILTER_ARBITRARIES: Record<string, fc.Arbitrary<unknown>> = {
  users: fc.subarray(USERS, { minLength: 1 }),
  search: fc.constantFrom('u1', 'USER U', 'example.com', 'nobody'),
  category: fc.oneof(fc.constantFrom(...CATEGORIES), fc.subarray(CATEGORIES, { minLength: 1 })),
  name: fc.constantFrom(...NAMES),
  agent: fc.constantFrom(...AGENTS),
  model: fc.oneof(fc.constantFrom(...MODELS), fc.subarray(MODELS, { minLength: 1 })),
  country: fc.constantFrom(...COUNTRIES),
  status: fc.constantFrom('ok', 'error'),
  actor: fc.constantFrom('user', 'system'),
};

/** No filter, or one or two of them. */
const filtersArbitrary: fc.Arbitrary<ViewFilters> = fc
  .subarray(Object.keys(FILTER_ARBITRARIES), { maxLength: 2 })
  .chain((keys) =>
    fc.record(Object.fromEntries(keys.map((key) => [key, FILTER_ARBITRARIES[key]]))),
  ) as fc.Arbitrary<ViewFilters>;

const settingsArbitrary: fc.Arbitrary<TenantSettings> = fc.record(
  {
    timezone: timeZoneArbitrary,
    credits: fc.constant({
      base: { 'doc.generate': 2 },
      multipliers: { 'gpt-4o': 2, 'claude-sonnet': 1, mini: 0.5 },
    }),
    budget: fc.record({
      measure: fc.constantFrom('credits', 'cost'),
      limit: fc.constantFrom(10, 55.5, 1000),
      period: fc.constantFrom('month', 'week'),
    }),
    planCredits: fc.constantFrom(50, 500),
    weekStartsOn: fc.constantFrom(1, 7),
  },
  { requiredKeys: ['credits'] },
) as fc.Arbitrary<TenantSettings>;

const baseRequestArbitrary: fc.Arbitrary<ViewRequest> = fc.record(
  { range: rangeInputArbitrary, filters: filtersArbitrary },
  { requiredKeys: [] },
);

/** A request with extra, view-specific options on top of range and filters. */
function withOptions<T extends object>(options: fc.Arbitrary<T>): fc.Arbitrary<ViewRequest & T> {
  return fc.tuple(baseRequestArbitrary, options).map(([base, extra]) => ({ ...base, ...extra }));
}

const gapArbitrary = fc.constantFrom(MINUTE, 30 * MINUTE, 60 * MINUTE);
const viewMeasureArbitrary = fc.constantFrom(
  'events',
  'tokens',
  'cost',
  'credits',
  'activeUsers',
  'errors',
  'latencyP95',
);

type AnyView = (context: ViewContext, request: never) => Promise<unknown>;

/** Every view, with random requests of its own. */
const VIEWS: readonly {
  name: string;
  view: AnyView;
  request: fc.Arbitrary<unknown>;
  /** Fewer runs for views that scan minute grids. */
  runs?: number;
}[] = [
  { name: 'leaderboard', view: leaderboard, request: baseRequestArbitrary },
  {
    name: 'stats',
    view: stats,
    request: withOptions(
      fc.record({ dauTrend: fc.boolean(), sessionGapMs: gapArbitrary }, { requiredKeys: [] }),
    ),
  },
  {
    name: 'timeline',
    view: timeline,
    request: withOptions(
      fc.record(
        {
          measure: viewMeasureArbitrary,
          granularity: fc.constantFrom('hour', 'day', 'week', 'month'),
          splitBy: fc.constantFrom('category', 'model', 'user', 'agent', 'name'),
          top: fc.integer({ min: 1, max: 4 }),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  {
    name: 'breakdown',
    view: breakdown,
    request: withOptions(
      fc.record(
        {
          dimension: fc.constantFrom(
            'category',
            'name',
            'model',
            'provider',
            'agent',
            'source',
            'endpoint',
            'country',
            'user',
          ),
          measure: viewMeasureArbitrary.filter((measure) => measure !== 'latencyP95'),
          top: fc.integer({ min: 1, max: 4 }),
        },
        { requiredKeys: ['dimension'] },
      ),
    ),
  },
  {
    name: 'eventRows',
    view: eventRows,
    request: withOptions(
      fc.record(
        {
          preset: fc.constantFrom('requests', 'tokens'),
          sort: fc.record(
            {
              column: fc.constantFrom('time', 'userId', 'name', 'status', 'latencyMs', 'id'),
              direction: fc.constantFrom('asc', 'desc'),
            },
            { requiredKeys: ['column'] },
          ),
          offset: fc.nat({ max: 10 }),
          limit: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constant('all')),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  {
    name: 'perUserTable',
    view: perUserTable,
    request: withOptions(
      fc.record(
        {
          columns: fc.constantFrom('category', 'name'),
          sort: fc.oneof(
            fc.record(
              {
                by: fc.constantFrom('rank', 'user', 'email', 'total', 'credits'),
                direction: fc.constantFrom('asc', 'desc'),
              },
              { requiredKeys: ['by'] },
            ),
            fc.constantFrom(...CATEGORIES).map((key) => ({ by: 'count', key })),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  {
    name: 'sessions',
    view: sessions,
    request: withOptions(
      fc.record({ gapMs: gapArbitrary, perUser: fc.boolean() }, { requiredKeys: [] }),
    ),
  },
  {
    name: 'comparison',
    view: comparison,
    request: withOptions(
      fc.record(
        { by: fc.constantFrom('agent', 'model', 'user'), gapMs: gapArbitrary },
        { requiredKeys: ['by'] },
      ),
    ),
  },
  { name: 'patterns', view: patterns, request: baseRequestArbitrary },
  {
    name: 'health',
    view: health,
    runs: NUM_RUNS / 2,
    request: withOptions(
      fc.record(
        { gauges: fc.constantFrom(['queue.depth'], ['queue.depth', 'chat.message']) },
        { requiredKeys: [] },
      ),
    ),
  },
  {
    name: 'budget',
    view: budget,
    request: withOptions(
      fc.record(
        {
          measure: fc.constantFrom('credits', 'cost'),
          limit: fc.constantFrom(null, 20, 99.5),
          period: fc.constantFrom('month', 'week'),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { name: 'recommendations', view: recommendations, request: baseRequestArbitrary },
  { name: 'costForecast', view: costForecast, request: baseRequestArbitrary },
  { name: 'creditReport', view: creditReport, request: baseRequestArbitrary },
];

/** A view's answer, or the message of the TallyError it threw; any other error fails the test. */
async function outcome(
  view: AnyView,
  context: ViewContext,
  request: unknown,
): Promise<{ answer: unknown } | { error: string }> {
  try {
    return { answer: await view(context, request as never) };
  } catch (error) {
    if (TallyError.isInstance(error)) return { error: error.message };
    throw error;
  }
}

/** The paths where two answers differ, with both values, to explain a failure. */
function differences(actual: unknown, expected: unknown, path = 'result'): string[] {
  if (
    typeof actual === 'object' &&
    actual !== null &&
    typeof expected === 'object' &&
    expected !== null
  ) {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    return [...keys].flatMap((key) =>
      differences(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${path}.${key}`,
      ),
    );
  }
  return Object.is(actual, expected)
    ? []
    : [`${path}: columnar ${String(actual)}, reference ${String(expected)}`];
}

function context(
  engine: ColumnarEngine | ReferenceEngine,
  events: StoredEvent[],
  roster: RosterUser[],
  settings: TenantSettings | undefined,
): ViewContext {
  engine.append(events);
  engine.setRoster(roster);
  return settings === undefined ? { engine, now: FIXED_NOW } : { engine, now: FIXED_NOW, settings };
}

describe('views over the columnar and the reference engine', () => {
  for (const { name, view, request, runs = NUM_RUNS } of VIEWS) {
    it(`gives the same ${name} answer on both engines`, async () => {
      await fc.assert(
        fc.asyncProperty(
          eventsArbitrary(),
          rosterArbitrary,
          fc.option(settingsArbitrary, { nil: undefined }),
          request,
          async (events, roster, settings, viewRequest) => {
            const columnar = context(new ColumnarEngine(), events, roster, settings);
            const reference = context(new ReferenceEngine(), events, roster, settings);
            const expected = await outcome(view, reference, viewRequest);
            const actual = await outcome(view, columnar, viewRequest);
            expect(actual, differences(actual, expected).join('; ')).to.deep.equal(expected);
          },
        ),
        { numRuns: runs },
      );
    });
  }
});
