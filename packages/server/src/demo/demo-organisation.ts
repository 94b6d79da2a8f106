import type { RosterUser, ServerContext, TallyEvent } from '@tally/core';
import { demoPeople, type DemoPerson } from './demo-people.js';
import { Random } from './random.js';

/** Options of {@link demoOrganisation}. */
export interface DemoOptions {
  /** The demo ends here (epoch ms); its data covers the `days` before. */
  now: number;
  /** @default 180 */
  days?: number;
  /** Roster size. @default 48 */
  users?: number;
  /** Multiplies user activity (1 gives about 55,000 events over 180 days). @default 1 */
  scale?: number;
  /** Same seed, same organisation; event ids derive from it, so seeding twice adds nothing. @default 1 */
  seed?: number;
}

/** A demo event and the request context the server would have added to it. */
export interface DemoEvent {
  event: TallyEvent;
  location: ServerContext;
}

/** A synthetic organisation: its roster and a stream of its events. */
export interface DemoOrganisation {
  roster: RosterUser[];
  /** Every event, day by day (not sorted within a day). */
  events(): Generator<DemoEvent>;
}

const DAY = 86_400_000;
const MINUTE = 60_000;

interface Task {
  name: string;
  kind: 'ai' | 'action';
  endpoint: string;
  size: number;
}

/** What each category's users do, by weight. */
const TASKS: Readonly<Record<string, readonly (readonly [Task, number])[]>> = {
  chat: [
    [{ name: 'chat.completion', kind: 'ai', endpoint: '/api/chat/completions', size: 1 }, 8],
    [{ name: 'chat.regenerate', kind: 'ai', endpoint: '/api/chat/completions', size: 1 }, 1],
    [{ name: 'chat.attachment_upload', kind: 'action', endpoint: '/api/chat/files', size: 0 }, 1],
  ],
  flow: [
    [{ name: 'flow.meeting_prep', kind: 'ai', endpoint: '/api/flow/meeting-prep', size: 2 }, 3],
    [{ name: 'flow.email_draft', kind: 'ai', endpoint: '/api/flow/email-draft', size: 1 }, 3],
    [{ name: 'flow.ticket_summary', kind: 'ai', endpoint: '/api/flow/tickets', size: 1 }, 2],
  ],
  research: [
    [{ name: 'research.query', kind: 'ai', endpoint: '/api/research/query', size: 2 }, 5],
    [{ name: 'research.deep_dive', kind: 'ai', endpoint: '/api/research/deep-dive', size: 6 }, 1],
    [{ name: 'research.web_search', kind: 'action', endpoint: '/api/research/search', size: 0 }, 3],
  ],
  documents: [
    [{ name: 'doc.generate', kind: 'ai', endpoint: '/api/docs/generate', size: 3 }, 4],
    [{ name: 'doc.summarize', kind: 'ai', endpoint: '/api/docs/summarize', size: 2 }, 3],
    [{ name: 'doc.translate', kind: 'ai', endpoint: '/api/docs/translate', size: 2 }, 1],
  ],
};

const AGENTS: Readonly<Record<string, string>> = {
  chat: 'assistant',
  flow: 'workflow-agent',
  research: 'research-agent',
  documents: 'docs-agent',
};

const SOURCES: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  chat: [
    ['chat', 6],
    ['fs_chat', 2],
    ['slack', 2],
  ],
  flow: [
    ['widget', 3],
    ['slack', 1],
  ],
  research: [
    ['responses', 4],
    ['api', 1],
  ],
  documents: [
    ['api', 2],
    ['widget', 3],
  ],
};

/** Models per category, by weight, with their provider and typical speed. */
const MODELS: Readonly<Record<string, readonly (readonly [[string, string, number], number])[]>> = {
  chat: [
    [['gpt-4o', 'openai', 1400], 5],
    [['gpt-4o-mini', 'openai', 700], 3],
    [['claude-sonnet-4', 'anthropic', 1600], 2],
  ],
  flow: [
    [['gpt-4o-mini', 'openai', 700], 4],
    [['gemini-2.5-flash', 'google', 600], 3],
    [['claude-haiku-4-5', 'anthropic', 650], 2],
  ],
  research: [
    [['o3', 'openai', 6000], 2],
    [['gpt-4.1', 'openai', 1800], 3],
    [['gemini-2.5-pro', 'google', 2500], 2],
  ],
  documents: [
    [['claude-sonnet-4', 'anthropic', 1800], 4],
    [['gpt-4.1-mini', 'openai', 900], 3],
    [['claude-opus-4-1', 'anthropic', 3500], 1],
  ],
};

const ERROR_TYPES = ['timeout', 'rate_limited', 'provider_error', 'context_length'];

/**
 * A realistic synthetic organisation for `tally-server seed --demo`: a roster of licensed users
 * (some never active, some joining late, some deactivated), `days` of working-hour-shaped use
 * across the chat, flow, research and documents categories with several agents, models and
 * providers, tokens with cached and reasoning parts, latency, errors (with a few incident
 * hours), feedback on answers, system-attributed background work (playbooks, indexing, digests)
 * and a queue-depth gauge, from offices in eight countries.
 */
export function demoOrganisation(options: DemoOptions): DemoOrganisation {
  const { now, days = 180, users = 48, scale = 1, seed = 1 } = options;
  const random = new Random(seed);
  const people = demoPeople(random, users, days);
  const start = Math.floor(now / DAY) * DAY - (days - 1) * DAY;
  const incidents = Array.from(
    { length: 4 },
    () => start + random.int(3, days - 2) * DAY + random.int(9, 16) * 3_600_000,
  );
  return {
    roster: people.map((person) => person.user),
    *events() {
      const activity = new Random(seed * 7919 + 1);
      let sequence = 0;
      const nextId = () => `demo-${seed}-${(sequence++).toString(36)}`;
      for (let day = 0; day < days; day += 1) {
        const dayStart = start + day * DAY;
        const weekday = new Date(dayStart).getUTCDay();
        const growth = 0.7 + 0.6 * (day / days);
        const inIncident = (time: number) =>
          incidents.some((at) => time >= at && time < at + 90 * MINUTE);
        for (const person of people) {
          if (person.weight === 0 || day < person.firstDay || day > person.lastDay) continue;
          const workday = weekday !== 0 && weekday !== 6;
          const sessions = poisson(
            activity,
            person.weight * growth * scale * (workday ? 1.1 : 0.15),
          );
          for (let session = 0; session < sessions; session += 1) {
            yield* sessionEvents(activity, person, dayStart, now, nextId, inIncident);
          }
        }
        yield* backgroundEvents(activity, dayStart, now, scale, nextId, inIncident);
      }
    },
  };
}

function* sessionEvents(
  random: Random,
  person: DemoPerson,
  dayStart: number,
  now: number,
  nextId: () => string,
  inIncident: (time: number) => boolean,
): Generator<DemoEvent> {
  const localHour = random.weighted([
    [9, 3],
    [10, 5],
    [11, 5],
    [12, 2],
    [13, 3],
    [14, 5],
    [15, 5],
    [16, 4],
    [17, 2],
    [19, 1],
    [21, 1],
  ]);
  let time =
    dayStart + (localHour - person.office.utcOffset) * 3_600_000 + random.int(0, 59) * MINUTE;
  const sessionId = `s-${nextId()}`;
  const category = random.weighted(person.categories);
  const conversationId = category === 'chat' ? `c-${nextId()}` : undefined;
  const count = 1 + Math.min(14, Math.floor(random.logNormal(3, 0.7)));
  for (let index = 0; index < count && time < now; index += 1) {
    const task = random.weighted(TASKS[category]);
    const event: TallyEvent = {
      id: nextId(),
      name: task.name,
      timestamp: time,
      userId: person.user.id,
      agent: AGENTS[category],
      category,
      source: random.weighted(SOURCES[category]),
      endpoint: task.endpoint,
      sessionId,
      ...(conversationId === undefined ? {} : { conversationId }),
      context: {
        page: `https://app.example.com/${category}`,
        browser: person.browser,
        os: person.os,
        timezone: person.office.timezone,
        locale: person.office.locale,
      },
    };
    if (task.kind === 'ai') addModelCall(random, event, category, task.size, inIncident(time));
    else {
      event.latencyMs = Math.round(random.logNormal(300, 0.6));
      event.status = random.chance(0.01) ? 'error' : 'ok';
      if (event.status === 'error') event.errorType = 'upstream_error';
    }
    yield { event, location: person.office.location };
    if (task.kind === 'ai' && event.status === 'ok' && random.chance(0.08)) {
      const liked = random.chance(0.8);
      yield {
        event: {
          id: nextId(),
          name: 'chat.feedback',
          timestamp: time + random.int(5, 60) * 1000,
          userId: person.user.id,
          agent: AGENTS[category],
          category,
          sessionId,
          ...(conversationId === undefined ? {} : { conversationId }),
          feedback: liked ? 1 : -1,
          rating: liked ? random.int(4, 5) : random.int(1, 3),
          targetId: event.id,
          model: event.model,
          provider: event.provider,
        },
        location: person.office.location,
      };
    }
    time += Math.round(random.logNormal(90_000, 0.9));
  }
}

function* backgroundEvents(
  random: Random,
  dayStart: number,
  now: number,
  scale: number,
  nextId: () => string,
  inIncident: (time: number) => boolean,
): Generator<DemoEvent> {
  const location: ServerContext = {};
  const jobs: [string, string, string, number][] = [
    ['flow.playbook_run', 'flow', 'workflow-agent', Math.round(18 * scale)],
    ['doc.index', 'documents', 'docs-agent', Math.round(26 * scale)],
    ['research.background_analysis', 'research', 'research-agent', Math.round(8 * scale)],
    ['email.digest', 'flow', 'workflow-agent', 1],
  ];
  for (const [name, category, agent, count] of jobs) {
    for (let index = 0; index < count; index += 1) {
      const time = dayStart + random.int(0, DAY - 1);
      if (time >= now) continue;
      const event: TallyEvent = {
        id: nextId(),
        name,
        timestamp: time,
        actor: 'system',
        agent,
        category,
        source: 'api',
        endpoint: `/jobs/${name}`,
      };
      addModelCall(random, event, category, 1, inIncident(time));
      yield { event, location };
    }
  }
  for (let hour = 0; hour < 24; hour += 1) {
    const time = dayStart + hour * 3_600_000;
    if (time >= now) break;
    const busy = hour >= 8 && hour <= 18 ? 40 : 6;
    yield {
      event: {
        id: nextId(),
        name: 'queue.depth',
        timestamp: time,
        actor: 'system',
        agent: 'workflow-agent',
        source: 'api',
        value: Math.max(0, Math.round(random.logNormal(busy, 0.6))),
      },
      location,
    };
  }
}

function addModelCall(
  random: Random,
  event: TallyEvent,
  category: string,
  size: number,
  incident: boolean,
): void {
  const [model, provider, speed] = random.weighted(MODELS[category]);
  const input = Math.max(30, Math.round(random.logNormal(1200 * size, 0.8)));
  const cachedInput = random.chance(0.5) ? Math.floor(input * random.next() * 0.7) : 0;
  const cacheWrite =
    provider === 'anthropic' && random.chance(0.2) ? Math.floor((input - cachedInput) * 0.3) : 0;
  let output = Math.max(1, Math.round(random.logNormal(350 * size, 0.7)));
  const reasoning = model === 'o3' ? Math.round(output * (1 + random.next() * 3)) : 0;
  const failed = random.chance(incident ? 0.3 : 0.02);
  let latency = random.logNormal(speed * (0.6 + output / 1200), 0.4);
  event.model = model;
  event.provider = provider;
  if (failed) {
    event.errorType = random.pick(ERROR_TYPES);
    latency =
      event.errorType === 'timeout' ? 30_000 + random.next() * 30_000 : random.logNormal(300, 0.5);
    output = 0;
  }
  event.tokens = {
    input,
    output: output + (failed ? 0 : reasoning),
    ...(cachedInput > 0 ? { cachedInput } : {}),
    ...(cacheWrite > 0 ? { cacheWrite } : {}),
    ...(reasoning > 0 && !failed ? { reasoning } : {}),
  };
  event.latencyMs = Math.round(latency);
  event.status = failed ? 'error' : 'ok';
}

/** A Poisson-distributed count with mean `mean` (Knuth's method; means here are small). */
function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random.next();
  while (product > limit) {
    count += 1;
    product *= random.next();
  }
  return count;
}
