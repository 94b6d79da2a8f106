import fc from 'fast-check';
import type { RosterUser, StoredEvent } from '../../event.js';
import type {
  AggregateQuery,
  Dimension,
  EngineFilters,
  Grouping,
  Interval,
  Measure,
  NumericField,
  RowSort,
  RowsQuery,
  SessionsQuery,
} from '../../query.js';
import { NUMERIC_FIELDS } from '../../query.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The first instant random events can have: midnight UTC, 10 January 2026. */
export const TIME_START = Date.UTC(2026, 0, 10);
/** The end (exclusive) of the random events' time span: four days after {@link TIME_START}. */
export const TIME_END = TIME_START + 4 * DAY;

/** A fixed "now" for views: midday of the fourth day, with events before and after it. */
export const FIXED_NOW = TIME_START + 3 * DAY + 12 * HOUR;

/** Instants that both events and queries pick often, so events land exactly on boundaries. */
export const SPECIAL_TIMES: readonly number[] = [
  TIME_START,
  TIME_START + 1,
  TIME_START + HOUR,
  TIME_START + 6 * HOUR,
  TIME_START + DAY - 1,
  TIME_START + DAY,
  TIME_START + DAY + 30 * MINUTE,
  TIME_START + DAY + 30 * MINUTE + 1,
  TIME_START + 2 * DAY,
  TIME_START + 2 * DAY + 12 * HOUR,
  TIME_START + 3 * DAY,
  FIXED_NOW - 30 * MINUTE,
  FIXED_NOW - 4 * MINUTE,
  FIXED_NOW - MINUTE,
  FIXED_NOW - 1,
  FIXED_NOW,
  TIME_START + 3 * DAY + 23 * HOUR + 59 * MINUTE,
];

/** Small dictionaries so that random events share groups. */
export const USERS = ['u1', 'u2', 'u3', 'u4', 'u10'];
export const CATEGORIES = ['chat', 'flow', 'research', 'données'];
export const MODELS = ['gpt-4o', 'claude-sonnet', 'mini'];
export const PROVIDERS = ['openai', 'anthropic'];
export const NAMES = ['chat.message', 'doc.generate', 'flow.meeting_prep', 'queue.depth'];
export const AGENTS = ['assistant', 'researcher', '助手'];
export const SOURCES = ['chat', 'api', 'widget'];
export const ENDPOINTS = ['/v1/chat', '/v1/docs'];
export const COUNTRIES = ['DE', 'US', 'JP'];
export const SESSIONS = ['s1', 's2', 's3'];
export const CONVERSATIONS = ['c1', 'c2', 'c3', 'c4'];

/** A timestamp in the random span: on a special instant, a whole minute, or any millisecond. */
export const timestampArbitrary: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...SPECIAL_TIMES),
  fc
    .integer({ min: 0, max: (TIME_END - TIME_START) / MINUTE - 1 })
    .map((m) => TIME_START + m * MINUTE),
  fc.integer({ min: TIME_START, max: TIME_END - 1 }),
);

const tokensArbitrary = fc
  .record({
    input: fc.integer({ min: 0, max: 20_000 }),
    output: fc.integer({ min: 0, max: 5_000 }),
    cachedShare: fc.integer({ min: 0, max: 100 }),
    reasoningShare: fc.integer({ min: 0, max: 100 }),
  })
  .map(({ input, output, cachedShare, reasoningShare }) => {
    const cachedInput = Math.floor((input * cachedShare) / 200);
    return {
      input,
      output,
      cachedInput,
      cacheWrite: Math.floor((input - cachedInput) * (cachedShare / 300)),
      reasoning: Math.floor((output * reasoningShare) / 100),
    };
  });

/** Decimals that do not add up exactly in binary floating point, in any order. */
const creditsArbitrary = fc.oneof(
  fc.constantFrom(0, 0.1, 0.2, 0.3, 0.5, 1, 1.5, 2, 3),
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 7),
);

const contextArbitrary = fc.record(
  {
    ip: fc.constantFrom('10.0.0.1', '10.0.0.2', '2001:db8::1'),
    country: fc.constantFrom(...COUNTRIES),
    region: fc.constantFrom('BY', 'CA'),
    city: fc.constantFrom('Munich', 'Tokyo'),
    page: fc.constantFrom('/chat', '/docs'),
    referrer: fc.constantFrom('https://example.com/', 'https://search.test/?q=tally'),
    browser: fc.constantFrom('Chrome', 'Firefox'),
    os: fc.constantFrom('macOS', 'Linux'),
    timezone: fc.constantFrom('Europe/Berlin', 'UTC'),
    locale: fc.constantFrom('de-DE', 'en-US'),
  },
  { requiredKeys: [] },
);

/** The random parts of an event, before an id is given. Absent fields are really absent. */
const eventBodyArbitrary = fc
  .record(
    {
      name: fc.constantFrom(...NAMES),
      timestamp: timestampArbitrary,
      userId: fc.constantFrom(...USERS),
      systemWithUser: fc.boolean(),
      agent: fc.constantFrom(...AGENTS),
      category: fc.constantFrom(...CATEGORIES),
      source: fc.constantFrom(...SOURCES),
      endpoint: fc.constantFrom(...ENDPOINTS),
      sessionId: fc.constantFrom(...SESSIONS),
      conversationId: fc.constantFrom(...CONVERSATIONS),
      model: fc.constantFrom(...MODELS),
      provider: fc.constantFrom(...PROVIDERS),
      tokens: tokensArbitrary,
      costNanos: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.constant(0)),
      pricing: fc.constantFrom('none', 'catalog', 'app', 'unpriced'),
      credits: creditsArbitrary,
      latencyMs: fc.oneof(
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 600_000 }).map((n) => n / 10),
        fc.integer({ min: 0, max: 100_000 }).map((n) => n / 3),
      ),
      status: fc.constantFrom('ok', 'error'),
      errorType: fc.constantFrom('timeout', 'rate_limit'),
      feedback: fc.constantFrom(1, -1),
      rating: fc.integer({ min: 1, max: 5 }),
      targetId: fc.constantFrom('t1', 't2'),
      value: fc.integer({ min: -10_000, max: 10_000 }).map((n) => n / 100),
      context: contextArbitrary,
      properties: fc.dictionary(
        fc.constantFrom('plan', 'seats', 'beta', 'note'),
        fc.oneof(
          fc.constantFrom('pro', 'free', 'naïve "quoted"'),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
        ),
        { maxKeys: 3 },
      ),
    },
    { requiredKeys: ['name', 'timestamp', 'systemWithUser', 'costNanos', 'pricing', 'credits'] },
  )
  .map(({ systemWithUser, tokens, ...rest }) => {
    const body = { ...rest } as Omit<StoredEvent, 'id'>;
    body.actor = rest.userId !== undefined && !systemWithUser ? 'user' : 'system';
    body.tokens = tokens ?? null;
    if (body.pricing === 'catalog') body.catalogVersion = '2026-01-01';
    if (body.pricing === 'app') body.costUsd = body.costNanos / 1e9;
    return body;
  });

/** An event id that sorts differently as a string than as a number (`e10` before `e9`). */
const idArbitrary = fc
  .tuple(fc.constantFrom('e', 'E', 'e_', 'e-'), fc.nat({ max: 999 }))
  .map(([prefix, n]) => `${prefix}${n}`);

/** A random set of stored events with unique ids, in random append order. */
export function eventsArbitrary(options: { maxLength?: number } = {}): fc.Arbitrary<StoredEvent[]> {
  return fc
    .uniqueArray(fc.tuple(idArbitrary, eventBodyArbitrary), {
      maxLength: options.maxLength ?? 60,
      size: 'max',
      selector: ([id]) => id,
    })
    .map((pairs) => pairs.map(([id, body]) => ({ id, ...body }) as StoredEvent));
}

/** A roster over {@link USERS} plus a user with no events, licensed and active at random. */
export const rosterArbitrary: fc.Arbitrary<RosterUser[]> = fc
  .subarray([...USERS, 'u-idle'])
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({ id: fc.constant(id), licensed: fc.boolean(), active: fc.boolean() }),
      ),
    ),
  )
  .map((users) =>
    users.map((user) => ({ ...user, name: `User ${user.id}`, email: `${user.id}@example.com` })),
  );

/** Dimensions worth grouping and filtering by: each has few values in random events. */
export const DIMENSION_CHOICES: readonly Dimension[] = [
  'name',
  'userId',
  'actor',
  'agent',
  'category',
  'source',
  'model',
  'provider',
  'status',
  'pricing',
  'country',
  'sessionId',
  'conversationId',
  'errorType',
];

const KNOWN_VALUES: Partial<Record<Dimension, readonly string[]>> = {
  name: NAMES,
  userId: USERS,
  actor: ['user', 'system'],
  agent: AGENTS,
  category: CATEGORIES,
  source: SOURCES,
  model: MODELS,
  provider: PROVIDERS,
  status: ['ok', 'error'],
  pricing: ['none', 'catalog', 'app', 'unpriced'],
  country: COUNTRIES,
  sessionId: SESSIONS,
  conversationId: CONVERSATIONS,
  errorType: ['timeout', 'rate_limit'],
};

const dimensionArbitrary = fc.constantFrom(...DIMENSION_CHOICES);

/** Allowed values for one dimension: known ones, `null`, an unknown value, now and then none. */
function allowedValuesArbitrary(dimension: Dimension): fc.Arbitrary<(string | null)[]> {
  const values = [...(KNOWN_VALUES[dimension] ?? []), 'zzz-unknown'];
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.uniqueArray(value, { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant<(string | null)[]>([]) },
  );
}

/** Random engine filters over one to three dimensions. */
export const filtersArbitrary: fc.Arbitrary<EngineFilters> = fc
  .uniqueArray(dimensionArbitrary, { minLength: 1, maxLength: 3 })
  .chain((dimensions) =>
    fc.tuple(
      ...dimensions.map((dimension) =>
        allowedValuesArbitrary(dimension).map((values) => [dimension, values] as const),
      ),
    ),
  )
  .map((entries) => Object.fromEntries(entries) as EngineFilters);

/** A range: mostly inside the event span, sometimes empty or covering everything. */
export const rangeArbitrary: fc.Arbitrary<Interval> = fc.oneof(
  fc.constant({ from: TIME_START, to: TIME_END }),
  fc.constant({ from: TIME_START - DAY, to: TIME_END + DAY }),
  fc
    .tuple(timestampArbitrary, timestampArbitrary)
    .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })),
);

/**
 * Time buckets for a range: the range start, then sorted distinct instants inside it (special
 * instants, so events sit exactly on boundaries, or any millisecond); or regular 6-hour steps.
 */
function timeGroupingArbitrary(range: Interval): fc.Arbitrary<Grouping> {
  const regular: number[] = [];
  for (let time = range.from; time < range.to && regular.length < 200; time += 6 * HOUR) {
    regular.push(time);
  }
  const steps = fc.constant({ boundaries: regular.length > 0 ? regular : [range.from] });
  if (range.to - range.from < 2) return steps;
  const special = SPECIAL_TIMES.filter((time) => time > range.from && time < range.to);
  const anyInside = fc.integer({ min: range.from + 1, max: range.to - 1 });
  const inside = special.length > 0 ? fc.oneof(fc.constantFrom(...special), anyInside) : anyInside;
  return fc.oneof(
    fc.uniqueArray(inside, { maxLength: 6 }).map((times) => ({
      boundaries: [range.from, ...times.sort((a, b) => a - b)],
    })),
    steps,
  );
}

const numericFieldArbitrary = fc.constantFrom(...NUMERIC_FIELDS);

/** One random measure, with a `where` now and then. */
export const measureArbitrary: fc.Arbitrary<Measure> = fc
  .tuple(
    fc.oneof(
      fc.constant<Measure>({ op: 'count' }),
      fc
        .oneof(numericFieldArbitrary, dimensionArbitrary)
        .map((field): Measure => ({ op: 'count', field })),
      fc
        .tuple(
          fc.constantFrom('sum', 'min', 'max', 'avg') as fc.Arbitrary<
            'sum' | 'min' | 'max' | 'avg'
          >,
          numericFieldArbitrary,
        )
        .map(([op, field]): Measure => ({ op, field })),
      dimensionArbitrary.map((field): Measure => ({ op: 'countDistinct', field })),
      fc
        .tuple(
          numericFieldArbitrary,
          fc.oneof(
            fc.constantFrom(0, 0.25, 0.5, 0.9, 0.95, 0.99, 1),
            fc.double({ min: 0, max: 1, noNaN: true }).map((q) => (Object.is(q, -0) ? 0 : q)),
          ),
        )
        .map(([field, q]): Measure => ({ op: 'quantile', field, q })),
      fc
        .oneof(numericFieldArbitrary, dimensionArbitrary)
        .map((field): Measure => ({ op: 'last', field })),
    ),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: filtersArbitrary },
    ),
  )
  .map(([measure, where]) => (where === undefined ? measure : { ...measure, where }));

/** A random grouped aggregate query. */
export const aggregateQueryArbitrary: fc.Arbitrary<AggregateQuery> = rangeArbitrary.chain((range) =>
  fc
    .record(
      {
        filters: filtersArbitrary,
        groupBy: fc.array(
          fc.oneof({ weight: 3, arbitrary: dimensionArbitrary }, timeGroupingArbitrary(range)),
          {
            maxLength: 3,
          },
        ),
        measures: fc.array(measureArbitrary, { minLength: 1, maxLength: 5 }),
      },
      { requiredKeys: ['measures'] },
    )
    .map((query) => ({ range, ...query })),
);

const rowSortArbitrary: fc.Arbitrary<RowSort> = fc.record({
  field: fc.oneof(
    fc.constant('id' as const),
    numericFieldArbitrary as fc.Arbitrary<NumericField>,
    dimensionArbitrary,
  ),
  direction: fc.constantFrom('asc', 'desc'),
});

/** A random raw-rows query: sort keys, filters and paging. */
export const rowsQueryArbitrary: fc.Arbitrary<RowsQuery> = fc.record(
  {
    range: rangeArbitrary,
    filters: filtersArbitrary,
    sort: fc.array(rowSortArbitrary, { maxLength: 3 }),
    offset: fc.nat({ max: 10 }),
    limit: fc.integer({ min: 0, max: 40 }),
  },
  { requiredKeys: ['range'] },
);

/** A random sessionisation query; gaps are often whole minutes, as event times are. */
export const sessionsQueryArbitrary: fc.Arbitrary<SessionsQuery> = fc.record(
  {
    range: rangeArbitrary,
    filters: filtersArbitrary,
    gapMs: fc.oneof(
      fc.constantFrom(0, MINUTE, 30 * MINUTE, HOUR, 6 * HOUR, DAY),
      fc.nat({ max: DAY }),
    ),
    partitionBy: dimensionArbitrary,
  },
  { requiredKeys: ['range', 'gapMs'] },
);
