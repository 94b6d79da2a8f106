/**
 * A deterministic generator of realistic Tally events (StoredEvent objects: normalised, priced
 * and credited), for the benchmarks and the demo seed.
 *
 * Same options, same events, on every machine: all randomness comes from one seeded mulberry32
 * stream, and time from the `now` option (never the clock).
 *
 *   const { events, roster, settings } = generateDataset({ count: 1_000_000 });
 */

/** The fixed "now" of the benchmark data: 2026-11-23 12:00 UTC. */
export const BENCH_NOW = Date.UTC(2026, 10, 23, 12);

const DAY = 86_400_000;
const MINUTE = 60_000;

/** A small, fast, seedable PRNG (mulberry32): returns floats in [0, 1). */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A flat copy of a string built by concatenation (a rope costs more memory and time later). */
function flatten(text) {
  // Number() on a non-numeric string forces V8 to flatten it; the result is ignored.
  Number(text);
  return text;
}

/** Random helpers over one PRNG stream. */
function createRandom(seed) {
  const next = mulberry32(seed);
  let spareNormal = null;
  const random = {
    next,
    int(min, maxInclusive) {
      return min + Math.floor(next() * (maxInclusive - min + 1));
    },
    chance(probability) {
      return next() < probability;
    },
    normal() {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return value;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spareNormal = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    logNormal(median, sigma) {
      return median * Math.exp(sigma * random.normal());
    },
    pick(items) {
      return items[Math.floor(next() * items.length)];
    },
  };
  return random;
}

/** A weighted choice: `sample(random)` returns one of `items`, O(log n). */
function weighted(entries) {
  const items = entries.map(([item]) => item);
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], index) => {
    total += weight;
    cumulative[index] = total;
  });
  return {
    items,
    sample(random) {
      const target = random.next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (cumulative[middle] > target) high = middle;
        else low = middle + 1;
      }
      return items[low];
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The product being simulated: four feature categories, twenty event names, ten models.

/** Event names by category, with relative frequency and what kind of work each is. */
const EVENT_NAMES = {
  chat: [
    // kind: 'ai' = a model call (model, tokens, latency, status); 'tool' = latency + status only;
    // 'action' = a plain user action.
    { name: 'chat.message', weight: 40, kind: 'action', endpoint: '/api/chat/messages' },
    { name: 'chat.completion', weight: 38, kind: 'ai', endpoint: '/api/chat/completions' },
    { name: 'chat.regenerate', weight: 6, kind: 'ai', endpoint: '/api/chat/completions' },
    { name: 'chat.attachment_upload', weight: 7, kind: 'tool', endpoint: '/api/chat/files' },
    { name: 'chat.conversation_share', weight: 2, kind: 'action', endpoint: '/api/chat/share' },
  ],
  flow: [
    { name: 'flow.meeting_prep', weight: 30, kind: 'ai', endpoint: '/api/flow/meeting-prep' },
    { name: 'flow.email_draft', weight: 25, kind: 'ai', endpoint: '/api/flow/email-draft' },
    { name: 'flow.ticket_summary', weight: 20, kind: 'ai', endpoint: '/api/flow/tickets' },
    { name: 'flow.playbook_run', weight: 10, kind: 'ai', endpoint: '/api/flow/playbooks' },
    { name: 'flow.crm_update', weight: 15, kind: 'tool', endpoint: '/api/flow/crm' },
  ],
  research: [
    { name: 'research.query', weight: 45, kind: 'ai', endpoint: '/api/research/query' },
    { name: 'research.deep_dive', weight: 10, kind: 'ai', endpoint: '/api/research/deep-dive' },
    { name: 'research.web_search', weight: 30, kind: 'tool', endpoint: '/api/research/search' },
    { name: 'research.citation_open', weight: 15, kind: 'action', endpoint: '/api/research/cite' },
  ],
  documents: [
    { name: 'doc.generate', weight: 35, kind: 'ai', endpoint: '/api/docs/generate' },
    { name: 'doc.summarize', weight: 25, kind: 'ai', endpoint: '/api/docs/summarize' },
    { name: 'doc.translate', weight: 10, kind: 'ai', endpoint: '/api/docs/translate' },
    { name: 'doc.review', weight: 15, kind: 'ai', endpoint: '/api/docs/review' },
    { name: 'doc.export', weight: 15, kind: 'tool', endpoint: '/api/docs/export' },
  ],
};

/** The feedback event (thumbs and ratings on an earlier model answer). */
const FEEDBACK_NAME = 'chat.feedback';

/** The four categories, in the default palette's order. */
export const CATEGORIES = ['chat', 'flow', 'research', 'documents'];

/** Every event name the generator emits (twenty). */
export const EVENT_NAME_LIST = [
  ...CATEGORIES.flatMap((category) => EVENT_NAMES[category].map((entry) => entry.name)),
  FEEDBACK_NAME,
];

/** The agent that does each category's work for users. */
const AGENT_BY_CATEGORY = {
  chat: 'assistant',
  flow: 'assistant',
  research: 'research-agent',
  documents: 'docs-agent',
};

/** Ten models over three providers: median latency (ms), reasoning, cache writes. */
const MODELS = {
  'gpt-4o': { provider: 'openai', latency: 1400, reasoning: false },
  'gpt-4o-mini': { provider: 'openai', latency: 700, reasoning: false },
  'gpt-4.1': { provider: 'openai', latency: 1600, reasoning: false },
  o3: { provider: 'openai', latency: 9000, reasoning: true },
  'claude-sonnet-4': { provider: 'anthropic', latency: 2200, reasoning: false, cacheWrite: true },
  'claude-opus-4': { provider: 'anthropic', latency: 6000, reasoning: true, cacheWrite: true },
  'claude-haiku-3.5': { provider: 'anthropic', latency: 800, reasoning: false, cacheWrite: true },
  'gemini-2.5-pro': { provider: 'google', latency: 5000, reasoning: true },
  'gemini-2.5-flash': { provider: 'google', latency: 900, reasoning: false },
  'gemini-2.0-flash-lite': { provider: 'google', latency: 450, reasoning: false },
};

/** Which models serve which category. */
const MODEL_MIX = {
  chat: weighted([
    ['gpt-4o-mini', 28],
    ['gpt-4o', 22],
    ['claude-sonnet-4', 20],
    ['gemini-2.5-flash', 14],
    ['claude-haiku-3.5', 10],
    ['gemini-2.0-flash-lite', 6],
  ]),
  flow: weighted([
    ['gpt-4.1', 30],
    ['claude-sonnet-4', 25],
    ['gpt-4o-mini', 20],
    ['gemini-2.5-flash', 15],
    ['claude-haiku-3.5', 10],
  ]),
  research: weighted([
    ['o3', 25],
    ['gemini-2.5-pro', 25],
    ['claude-opus-4', 15],
    ['gpt-4.1', 20],
    ['gemini-2.5-flash', 15],
  ]),
  documents: weighted([
    ['claude-sonnet-4', 35],
    ['gpt-4.1', 25],
    ['gemini-2.5-pro', 15],
    ['claude-opus-4', 10],
    ['gpt-4o', 15],
  ]),
};

/** Token sizes per category: median input and visible output tokens. */
const TOKEN_SIZES = {
  chat: { input: 1800, output: 350 },
  flow: { input: 2600, output: 550 },
  research: { input: 6500, output: 1100 },
  documents: { input: 3200, output: 1900 },
};

/** The price catalog the generated costs come from (USD per million tokens). */
export const BENCH_CATALOG = [
  {
    model: 'gpt-4o',
    provider: 'openai',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 2.5,
    outputPerMTok: 10,
    cachedInputPerMTok: 1.25,
  },
  // A mid-period price cut: costs use the entry effective at each event's time.
  {
    model: 'gpt-4o',
    provider: 'openai',
    effectiveFrom: '2026-08-01',
    inputPerMTok: 2,
    outputPerMTok: 8,
    cachedInputPerMTok: 1,
  },
  {
    model: 'gpt-4o-mini',
    provider: 'openai',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 0.15,
    outputPerMTok: 0.6,
    cachedInputPerMTok: 0.075,
  },
  {
    model: 'gpt-4.1',
    provider: 'openai',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 2,
    outputPerMTok: 8,
    cachedInputPerMTok: 0.5,
  },
  {
    model: 'o3',
    provider: 'openai',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 2,
    outputPerMTok: 8,
    cachedInputPerMTok: 0.5,
  },
  {
    model: 'claude-sonnet-4',
    provider: 'anthropic',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 3,
    outputPerMTok: 15,
    cachedInputPerMTok: 0.3,
    cacheWritePerMTok: 3.75,
  },
  {
    model: 'claude-opus-4',
    provider: 'anthropic',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 15,
    outputPerMTok: 75,
    cachedInputPerMTok: 1.5,
    cacheWritePerMTok: 18.75,
  },
  {
    model: 'claude-haiku-3.5',
    provider: 'anthropic',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 0.8,
    outputPerMTok: 4,
    cachedInputPerMTok: 0.08,
    cacheWritePerMTok: 1,
  },
  {
    model: 'gemini-2.5-pro',
    provider: 'google',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 1.25,
    outputPerMTok: 10,
    cachedInputPerMTok: 0.31,
  },
  {
    model: 'gemini-2.5-flash',
    provider: 'google',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 0.3,
    outputPerMTok: 2.5,
    cachedInputPerMTok: 0.075,
  },
  {
    model: 'gemini-2.0-flash-lite',
    provider: 'google',
    effectiveFrom: '2026-01-01',
    inputPerMTok: 0.075,
    outputPerMTok: 0.3,
  },
];

/** Credit rules: base credits per event name (1 when absent) × a multiplier per model. */
export const BENCH_CREDIT_RULES = {
  base: {
    'chat.message': 0,
    'chat.attachment_upload': 0,
    'chat.conversation_share': 0,
    'chat.feedback': 0,
    'research.citation_open': 0,
    'doc.export': 0,
    'flow.meeting_prep': 3,
    'flow.email_draft': 2,
    'flow.ticket_summary': 2,
    'flow.playbook_run': 5,
    'research.query': 2,
    'research.deep_dive': 10,
    'doc.generate': 5,
    'doc.summarize': 2,
    'doc.translate': 3,
    'doc.review': 3,
  },
  multipliers: {
    o3: 2,
    'claude-opus-4': 2,
    'gemini-2.5-pro': 2,
    'gpt-4o-mini': 0.5,
    'claude-haiku-3.5': 0.5,
    'gemini-2.0-flash-lite': 0.5,
  },
};

/** Countries users sit in: share of users, UTC offset (minutes), locale, time zone. */
const COUNTRIES = weighted([
  [{ code: 'US', offset: -300, locale: 'en-US', timezone: 'America/New_York' }, 22],
  [{ code: 'US', offset: -480, locale: 'en-US', timezone: 'America/Los_Angeles' }, 12],
  [{ code: 'GB', offset: 0, locale: 'en-GB', timezone: 'Europe/London' }, 12],
  [{ code: 'DE', offset: 60, locale: 'de-DE', timezone: 'Europe/Berlin' }, 10],
  [{ code: 'FR', offset: 60, locale: 'fr-FR', timezone: 'Europe/Paris' }, 7],
  [{ code: 'NL', offset: 60, locale: 'nl-NL', timezone: 'Europe/Amsterdam' }, 4],
  [{ code: 'ES', offset: 60, locale: 'es-ES', timezone: 'Europe/Madrid' }, 4],
  [{ code: 'IN', offset: 330, locale: 'en-IN', timezone: 'Asia/Kolkata' }, 9],
  [{ code: 'JP', offset: 540, locale: 'ja-JP', timezone: 'Asia/Tokyo' }, 5],
  [{ code: 'SG', offset: 480, locale: 'en-SG', timezone: 'Asia/Singapore' }, 3],
  [{ code: 'AU', offset: 600, locale: 'en-AU', timezone: 'Australia/Sydney' }, 4],
  [{ code: 'BR', offset: -180, locale: 'pt-BR', timezone: 'America/Sao_Paulo' }, 5],
  [{ code: 'CA', offset: -300, locale: 'en-CA', timezone: 'America/Toronto' }, 3],
]);

const BROWSERS = weighted([
  [{ browser: 'Chrome', os: 'macOS' }, 34],
  [{ browser: 'Chrome', os: 'Windows' }, 26],
  [{ browser: 'Edge', os: 'Windows' }, 12],
  [{ browser: 'Safari', os: 'macOS' }, 14],
  [{ browser: 'Firefox', os: 'Linux' }, 5],
  [{ browser: 'Firefox', os: 'Windows' }, 4],
  [{ browser: 'Safari', os: 'iOS' }, 5],
]);

const PAGES = ['/app/chat', '/app/flow', '/app/research', '/app/docs'];

// prettier-ignore
const FIRST_NAMES = [
  'Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Frances', 'John',
  'Katherine', 'Tim', 'Radia', 'Guido', 'Hedy', 'Donald', 'Sophie', 'Niklaus', 'Edsger', 'Lynn',
  'Anita', 'Vint', 'Shafi', 'Leslie', 'Mary', 'Bjarne', 'Adele', 'Yukihiro', 'Joan', 'Brian',
];
// prettier-ignore
const LAST_NAMES = [
  'Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie',
  'Allen', 'McCarthy', 'Johnson', 'Berners-Lee', 'Perlman', 'van Rossum', 'Lamarr', 'Knuth',
  'Wilson', 'Wirth', 'Dijkstra', 'Conway', 'Borg', 'Cerf', 'Goldwasser', 'Lamport', 'Jackson',
  'Stroustrup', 'Goldberg', 'Matsumoto', 'Clarke', 'Kernighan',
];

/** Relative activity by local hour of day (a working day with a lunch dip and a quiet night). */
// prettier-ignore
const HOUR_WEIGHTS = [
  0.4, 0.25, 0.15, 0.12, 0.15, 0.3, 0.8, 2.0, 4.5, 7.5, 9.0, 8.5, 6.0, 7.0, 8.5, 8.8, 8.0, 6.0,
  3.8, 2.6, 2.2, 1.8, 1.2, 0.7,
];
const HOUR_SAMPLER = weighted(HOUR_WEIGHTS.map((weight, hour) => [hour, weight]));

/** Relative activity by weekday, 0 = Sunday (Date#getUTCDay). */
const WEEKDAY_WEIGHTS = [0.22, 1.0, 1.08, 1.05, 1.0, 0.82, 0.28];

// ---------------------------------------------------------------------------------------------

/** Parses the catalog into per-model lists of entries, newest first, with epoch-ms starts. */
function priceTable(catalog) {
  const table = new Map();
  for (const entry of catalog) {
    const list = table.get(entry.model) ?? [];
    list.push({ ...entry, from: Date.parse(entry.effectiveFrom) });
    table.set(entry.model, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.from - a.from);
  return table;
}

/** Cost in integer nanodollars of one model call (DESIGN §3; rates are USD per MTok). */
function costNanosOf(tokens, entry) {
  const cachedRate = entry.cachedInputPerMTok ?? entry.inputPerMTok;
  const cacheWriteRate = entry.cacheWritePerMTok ?? entry.inputPerMTok;
  const reasoningRate = entry.reasoningPerMTok ?? entry.outputPerMTok;
  const plainInput = tokens.input - tokens.cachedInput - tokens.cacheWrite;
  const plainOutput = tokens.output - tokens.reasoning;
  // USD per MTok × tokens = 1e-6 USD = 1e3 nanodollars.
  const micro =
    plainInput * entry.inputPerMTok +
    tokens.cachedInput * cachedRate +
    tokens.cacheWrite * cacheWriteRate +
    plainOutput * entry.outputPerMTok +
    tokens.reasoning * reasoningRate;
  return Math.round(micro * 1000);
}

/** Generates the user population (the roster plus per-user behaviour). */
function generateUsers(random, options) {
  const { users: userCount, days, dataStart } = options;
  const users = [];
  const usedIps = new Set();
  const nextIp = () => {
    for (;;) {
      const ip = `${random.pick([23, 34, 45, 52, 63, 81, 87, 91, 104, 146, 178, 185, 203])}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
      if (!usedIps.has(ip)) {
        usedIps.add(ip);
        return ip;
      }
    }
  };
  // Offices: a few IPs shared by many users, as behind a corporate NAT.
  const officeIps = Array.from({ length: 40 }, nextIp);

  for (let index = 0; index < userCount; index += 1) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length];
    const cohort = Math.floor(index / (FIRST_NAMES.length * LAST_NAMES.length));
    const suffix = cohort === 0 ? '' : String(cohort + 1);
    const handle = `${first}.${last}${suffix}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
    const country = COUNTRIES.sample(random);
    const device = BROWSERS.sample(random);
    const ipCount = random.int(1, 7);
    const ips = [];
    for (let i = 0; i < ipCount; i += 1)
      ips.push(random.chance(0.15) ? random.pick(officeIps) : nextIp());
    // Category preferences: everyone chats; other features vary a lot between people.
    const categoryWeights = [
      2 + random.next() * 6,
      random.next() ** 2 * 5,
      random.next() ** 2 * 4,
      random.next() ** 2 * 4,
    ];
    // Some people joined during the period, some stopped using the product.
    const lifecycle = random.next();
    const joinDay = lifecycle < 0.2 ? random.int(10, days - 20) : 0;
    const leaveDay = lifecycle > 0.9 ? random.int(30, days - 10) : days;
    users.push({
      id: `user_${(index + 1).toString().padStart(5, '0')}`,
      name: `${first} ${last}${suffix ? ` ${suffix}` : ''}`,
      email: `${handle}@example.com`,
      country,
      device,
      ips,
      categories: weighted(CATEGORIES.map((category, i) => [category, categoryWeights[i]])),
      from: dataStart + joinDay * DAY,
      to: dataStart + leaveDay * DAY,
      leftEarly: leaveDay < days,
      weight: 0,
      sessionLength: 0,
    });
  }

  // Power-law activity over a shuffled order, so heavy users are not simply the first ids;
  // 10% of licensed users never use the product at all.
  const order = users.map((_, index) => index);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const idle = Math.round(userCount * 0.1);
  order.forEach((userIndex, rank) => {
    const user = users[userIndex];
    user.weight = rank < userCount - idle ? (rank + 6) ** -1.1 : 0;
    // Heavy users also work in longer bursts.
    user.sessionLength = rank < 50 ? 7 : rank < 400 ? 5 : 3.5;
  });
  return { users, serverIps: Array.from({ length: 6 }, nextIp) };
}

/**
 * Generates a dataset: `events` (StoredEvent objects sorted by timestamp), the `roster` of
 * licensed users, the tenant `settings` whose catalog and credit rules priced the events, and
 * the data's time span `[from, to)`.
 *
 * @param {object} [options]
 * @param {number} [options.count] events to generate. @default 1_000_000
 * @param {number} [options.users] roster size; 10% of them have no events. @default 2000
 * @param {number} [options.days] local (UTC) days of history, the last one ending at `now`. @default 180
 * @param {number} [options.now] the end of the data, epoch ms. @default BENCH_NOW
 * @param {number} [options.seed] PRNG seed. @default 20261123
 * @param {number} [options.systemShare] share of system-attributed events. @default 0.08
 * @param {(event: object) => object} [options.enrich] prices events instead of the built-in
 *   pricing, e.g. core's `createEnricher(settings)`: called with each event without `costNanos`,
 *   `pricing`, `catalogVersion` and `credits`. The built-in pricing gives the same cost and
 *   credits as core's enricher; only `catalogVersion` differs (the entry's `effectiveFrom`
 *   rather than core's catalog hash).
 */
export function generateDataset(options = {}) {
  const {
    count = 1_000_000,
    users: userCount = 2000,
    days = 180,
    now = BENCH_NOW,
    seed = 20261123,
    systemShare = 0.08,
    enrich,
  } = options;
  const random = createRandom(seed);
  const dataStart = Math.floor(now / DAY) * DAY - (days - 1) * DAY;
  const { users, serverIps } = generateUsers(random, { users: userCount, days, dataStart });
  const activeUsers = users.filter((user) => user.weight > 0);
  const userSampler = weighted(activeUsers.map((user) => [user, user.weight]));
  const prices = priceTable(BENCH_CATALOG);
  const { base: creditBase, multipliers } = BENCH_CREDIT_RULES;
  const nameSamplers = Object.fromEntries(
    CATEGORIES.map((category) => [
      category,
      weighted(EVENT_NAMES[category].map((entry) => [entry, entry.weight])),
    ]),
  );

  // Usage grows over the period (so period-over-period deltas are not zero), on working days.
  const daySampler = weighted(
    Array.from({ length: days }, (_, day) => {
      const weekday = new Date(dataStart + day * DAY).getUTCDay();
      const growth = 0.75 + 0.5 * (day / days);
      return [day, growth * WEEKDAY_WEIGHTS[weekday]];
    }),
  );
  // A few provider incidents: an hour or two with many failures.
  const incidents = Array.from({ length: 5 }, () => {
    const start = dataStart + random.int(5, days - 2) * DAY + random.int(8, 17) * 3_600_000;
    return { from: start, to: start + random.int(40, 120) * MINUTE };
  });
  const inIncident = (timestamp) =>
    incidents.some((incident) => timestamp >= incident.from && timestamp < incident.to);

  const events = [];
  const feedbackTargets = []; // pairs: feedback event, rated event
  let sessionCounter = 0;
  let conversationCounter = 0;

  /** A time at which `user` starts working: working-hour and weekday shaped, in their zone. */
  const sessionStart = (user) => {
    for (let attempt = 0; ; attempt += 1) {
      const day = daySampler.sample(random);
      const hour = HOUR_SAMPLER.sample(random);
      const local =
        dataStart + day * DAY + hour * 3_600_000 + Math.floor(random.next() * 3_600_000);
      const timestamp = local - (user ? user.country.offset : 0) * MINUTE;
      const from = user ? user.from : dataStart;
      const to = user ? user.to : now;
      if (timestamp >= from && timestamp < Math.min(to, now)) return timestamp;
      if (attempt > 50) return from + Math.floor(random.next() * (Math.min(to, now) - from));
    }
  };

  /**
   * A new event with the fields every event of the dataset has, in one fixed property order
   * (so the million objects share a handful of shapes, as parsed JSON from one producer would).
   */
  const newEvent = (name, timestamp, actor, userId, agent, category, source, endpoint) => {
    const event = { id: '', name, timestamp };
    if (userId !== undefined) event.userId = userId;
    event.actor = actor;
    event.agent = agent;
    event.category = category;
    event.source = source;
    event.endpoint = endpoint;
    return event;
  };

  /** Adds the outcome of the event's work: a model call, a tool call, or nothing. */
  const addWork = (event, kind, context) => {
    const { name, category, timestamp } = event;
    if (kind !== 'ai') {
      event.tokens = null;
      if (kind === 'tool') {
        event.latencyMs = Math.round(random.logNormal(320, 0.7) * 100) / 100;
        const failed = random.chance(inIncident(timestamp) ? 0.2 : 0.012);
        event.status = failed ? 'error' : 'ok';
        if (failed) event.errorType = 'upstream_error';
      }
      event.context = context;
      event.costNanos = 0;
      event.pricing = 'none';
      event.credits = creditBase[name] ?? 1;
      return;
    }
    const model = MODEL_MIX[category].sample(random);
    const spec = MODELS[model];
    const size = TOKEN_SIZES[category];
    const deep = name === 'research.deep_dive' ? 4 : 1;
    const input = Math.max(20, Math.round(random.logNormal(size.input * deep, 0.8)));
    let visible = Math.max(1, Math.round(random.logNormal(size.output * deep, 0.7)));
    let reasoning = spec.reasoning ? Math.round(visible * (0.5 + random.next() * 3)) : 0;
    const cachedInput = random.chance(0.55) ? Math.floor(input * (0.2 + random.next() * 0.6)) : 0;
    const cacheWrite =
      spec.cacheWrite && random.chance(0.25)
        ? Math.floor((input - cachedInput) * (0.1 + random.next() * 0.5))
        : 0;
    const errorChance = inIncident(timestamp) ? 0.35 : model === 'o3' ? 0.04 : 0.02;
    let latency = random.logNormal(spec.latency * (0.6 + Math.min(visible, 4000) / 1500), 0.45);
    let errorType = null;
    if (random.chance(errorChance)) {
      errorType = random.pick(['timeout', 'rate_limited', 'provider_error', 'context_length']);
      latency =
        errorType === 'timeout' ? 30_000 + random.next() * 30_000 : random.logNormal(250, 0.6);
      visible = 0;
      reasoning = 0;
    }
    const tokens = { input, output: visible + reasoning, cachedInput, cacheWrite, reasoning };
    const entry = prices.get(model).find((candidate) => candidate.from <= timestamp);
    event.model = model;
    event.provider = spec.provider;
    event.tokens = tokens;
    event.latencyMs = Math.round(latency * 100) / 100;
    event.status = errorType === null ? 'ok' : 'error';
    if (errorType !== null) event.errorType = errorType;
    event.context = context;
    event.costNanos = costNanosOf(tokens, entry);
    event.pricing = 'catalog';
    event.catalogVersion = entry.effectiveFrom;
    event.credits = (creditBase[name] ?? 1) * (multipliers[model] ?? 1);
  };

  const userTarget = count - Math.round(count * systemShare);
  let userEvents = 0;
  while (userEvents < userTarget) {
    const user = userSampler.sample(random);
    const sessionId = `ses_${(sessionCounter += 1).toString(36).padStart(6, '0')}`;
    const length = 1 + Math.floor(random.logNormal(user.sessionLength, 0.8));
    const primary = user.categories.sample(random);
    const ip = random.next() < 0.6 ? user.ips[0] : random.pick(user.ips);
    const context = {
      page: PAGES[CATEGORIES.indexOf(primary)],
      browser: user.device.browser,
      os: user.device.os,
      timezone: user.country.timezone,
      locale: user.country.locale,
      ip,
      country: user.country.code,
    };
    const slackSession = primary === 'chat' && random.chance(0.15);
    let conversationId = null;
    let timestamp = sessionStart(user);
    for (let i = 0; i < length && userEvents < userTarget && timestamp < now; i += 1) {
      const category = random.chance(0.85) ? primary : user.categories.sample(random);
      const entry = nameSamplers[category].sample(random);
      const conversational = category === 'chat' || category === 'research';
      if (conversational && (conversationId === null || random.chance(0.12))) {
        conversationId = `conv_${(conversationCounter += 1).toString(36).padStart(6, '0')}`;
      }
      let source = 'widget';
      if (category === 'chat')
        source = slackSession ? 'slack' : random.chance(0.2) ? 'fs_chat' : 'chat';
      else if (entry.name === 'flow.ticket_summary') source = 'ticket_summary';
      else if (category === 'research') source = 'responses';
      const agent = AGENT_BY_CATEGORY[category];
      const event = newEvent(
        entry.name,
        timestamp,
        'user',
        user.id,
        agent,
        category,
        source,
        entry.endpoint,
      );
      event.sessionId = sessionId;
      if (conversational) event.conversationId = conversationId;
      addWork(event, entry.kind, context);
      events.push(event);
      userEvents += 1;

      // Feedback on a share of model answers, shortly after the answer.
      if (entry.kind === 'ai' && userEvents < userTarget && random.chance(0.05)) {
        const positive = random.chance(event.status === 'ok' ? 0.82 : 0.25);
        const at = timestamp + Math.round(random.logNormal(15_000, 0.8));
        const feedback = newEvent(
          FEEDBACK_NAME,
          at,
          'user',
          user.id,
          agent,
          'chat',
          source,
          '/api/chat/feedback',
        );
        feedback.sessionId = sessionId;
        if (conversational) feedback.conversationId = conversationId;
        feedback.feedback = positive ? 1 : -1;
        if (random.chance(0.5)) feedback.rating = positive ? random.int(4, 5) : random.int(1, 3);
        feedback.targetId = ''; // set once ids are assigned
        addWork(feedback, 'action', context);
        events.push(feedback);
        feedbackTargets.push(feedback, event);
        userEvents += 1;
      }
      const gap = Math.min(25 * MINUTE, random.logNormal(50_000, 1.0));
      timestamp += Math.round(gap + (event.latencyMs ?? 0));
    }
  }

  // System work: playbook documents, automated email drafts, background analysis, each job a
  // short burst, often started by a scheduler on the hour.
  const systemJobs = weighted([
    [{ category: 'flow', name: 'flow.playbook_run', agent: 'workflow-bot' }, 30],
    [{ category: 'flow', name: 'flow.email_draft', agent: 'workflow-bot' }, 25],
    [{ category: 'documents', name: 'doc.generate', agent: 'docs-agent' }, 20],
    [{ category: 'research', name: 'research.query', agent: 'research-agent' }, 15],
    [{ category: 'documents', name: 'doc.summarize', agent: 'docs-agent' }, 10],
  ]);
  const serverContexts = serverIps.map((ip) => ({ ip, country: 'US' }));
  while (events.length < count) {
    const job = systemJobs.sample(random);
    let timestamp = sessionStart(null);
    if (random.chance(0.6)) {
      timestamp = Math.floor(timestamp / 3_600_000) * 3_600_000 + random.int(0, 2000);
    }
    const length = random.int(1, 6);
    const context = random.pick(serverContexts);
    for (let i = 0; i < length && events.length < count && timestamp < now; i += 1) {
      const event = newEvent(
        job.name,
        timestamp,
        'system',
        undefined,
        job.agent,
        job.category,
        'api',
        '/internal/jobs',
      );
      addWork(event, 'ai', context);
      events.push(event);
      timestamp += Math.round(random.logNormal(4_000, 0.7) + event.latencyMs);
    }
  }

  // Feedback can land after `now`; keep the data inside [dataStart, now).
  const times = new Float64Array(events.length);
  for (let i = 0; i < events.length; i += 1) {
    if (events[i].timestamp >= now) events[i].timestamp = now - 1;
    times[i] = events[i].timestamp;
  }
  // Sort positions, not objects: events at the same millisecond keep their generation order.
  const order = new Uint32Array(events.length).map((_, index) => index);
  order.sort((a, b) => times[a] - times[b] || a - b);
  const sorted = new Array(events.length);
  for (let i = 0; i < order.length; i += 1) sorted[i] = events[order[i]];

  // UUIDv7-shaped ids (time-ordered, deterministic), built flat rather than as string ropes.
  const hex = (value, width) => value.toString(16).padStart(width, '0');
  for (let i = 0; i < sorted.length; i += 1) {
    const event = sorted[i];
    const ms = event.timestamp;
    const a = Math.floor(random.next() * 0x1000);
    const b = 0x8000 | Math.floor(random.next() * 0x4000);
    const c = Math.floor(random.next() * 0x1000000);
    const d = Math.floor(random.next() * 0x1000000);
    const id = `${hex(Math.floor(ms / 0x10000), 8)}-${hex(ms % 0x10000, 4)}-7${hex(a, 3)}-${hex(b, 4)}-${hex(c, 6)}${hex(d, 6)}`;
    event.id = flatten(id);
  }
  for (let i = 0; i < feedbackTargets.length; i += 2) {
    feedbackTargets[i].targetId = feedbackTargets[i + 1].id;
  }

  const roster = users.map((user) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    licensed: true,
    active: !user.leftEarly,
  }));
  const settings = {
    timezone: 'UTC',
    catalog: BENCH_CATALOG,
    replaceCatalog: true,
    credits: BENCH_CREDIT_RULES,
    categories: CATEGORIES.map((id) => ({ id })),
  };
  if (enrich !== undefined) {
    for (let i = 0; i < sorted.length; i += 1) {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { costNanos, pricing, catalogVersion, credits, ...normalized } = sorted[i];
      sorted[i] = enrich(normalized);
    }
  }
  return { events: sorted, roster, settings, now, from: dataStart, to: now };
}

/**
 * The wire form (TallyEvent) of a generated StoredEvent, as an SDK would send it: without the
 * fields the server derives (cost, pricing, credits, and the request's `ip` / `country`), and
 * without `tokens` when the event has none. For ingestion benchmarks and seeding over HTTP.
 */
export function toWireEvent(event) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { costNanos, pricing, catalogVersion, credits, tokens, context, ...wire } = event;
  if (tokens !== null) wire.tokens = tokens;
  if (context !== undefined) {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { ip, country, region, city, ...client } = context;
    if (Object.keys(client).length > 0) wire.context = client;
  }
  return wire;
}
