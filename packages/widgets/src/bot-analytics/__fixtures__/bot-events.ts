import {
  createEnricher,
  validateEvent,
  type StoredEvent,
  type TallyEvent,
  type TenantSettings,
} from '@tally/core';
import { LocalSource } from '../../data/local-source.js';
import { pick, seededRandom } from '../../usage-tab/__fixtures__/random.js';

/** The fixed "now" of the bot fixture: 2026-11-23 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 23, 12);
export const DAY = 86_400_000;

/** A city whose name is markup: it must show as text. */
export const HOSTILE_CITY = '<img src=x onerror=alert(1)>';

export const SETTINGS: TenantSettings = { timezone: 'UTC' };

/** Where requests come from (the server adds these from the request, so they are set here). */
const PLACES = [
  { country: 'DE', region: 'Berlin', city: 'Berlin' },
  { country: 'US', region: 'California', city: 'San Francisco' },
  { country: 'US', region: 'New York', city: 'New York' },
  { country: 'FR', region: 'Île-de-France', city: 'Paris' },
  { country: 'JP', region: 'Tokyo', city: 'Tokyo' },
  { country: 'BR', region: 'São Paulo', city: 'São Paulo' },
  { country: 'GB', region: 'England', city: HOSTILE_CITY },
  { country: 'IN', region: 'Karnataka', city: 'Bengaluru' },
  { country: 'CA', region: 'Ontario', city: 'Toronto' },
];

/** Each surface, its endpoint and the token table's source. */
const SURFACES = [
  { endpoint: '/api/chat', source: 'chat' },
  { endpoint: '/widget/messages', source: 'chat' },
  { endpoint: '/v1/responses', source: 'responses' },
  { endpoint: '/support/replies', source: 'fs_chat' },
  { endpoint: '/support/tickets/summary', source: 'ticket_summary' },
];

const BROWSERS = ['Chrome', 'Firefox', 'Safari', 'Edge'];

/** One event and the request context the server would add to it. */
export interface BotRecord {
  event: TallyEvent;
  server: { ip: string; country: string; region: string; city: string };
}

/**
 * The bot fixture over the last 40 days: model calls on five surfaces (most with tokens),
 * widget opens without tokens, and thumbs up / down feedback, mostly of `support-bot` and some of
 * `sales-bot`, from 30 addresses in seven places.
 */
export function botRecords(count = 700, seed = 7): BotRecord[] {
  const random = seededRandom(seed);
  const records: BotRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const place = PLACES[Math.floor(random() ** 1.5 * PLACES.length)];
    const server = { ip: `198.51.100.${1 + Math.floor(random() * 30)}`, ...place };
    const surface = SURFACES[Math.floor(random() * random() * SURFACES.length)];
    const kind = random();
    const base = {
      id: `b${seed}-${index}`,
      timestamp: NOW - Math.floor(random() * 40 * DAY),
      agent: random() < 0.85 ? 'support-bot' : 'sales-bot',
      conversationId: `conv-${Math.floor(random() * 150)}`,
      endpoint: surface.endpoint,
      source: surface.source,
      context: { browser: pick(random, BROWSERS), page: 'https://example.com/help' },
    };
    let event: TallyEvent;
    if (kind < 0.7) {
      event = {
        ...base,
        name: 'chat.completion',
        model: 'gpt-4o',
        provider: 'openai',
        tokens: {
          input: 200 + Math.floor(random() * 2800),
          output: 50 + Math.floor(random() * 750),
        },
        latencyMs: 300 + Math.floor(random() * 2000),
      };
    } else if (kind < 0.85) {
      event = { ...base, name: 'widget.open' };
    } else {
      event = {
        ...base,
        name: 'chat.feedback',
        feedback: random() < 0.7 ? 1 : -1,
        targetId: `b${seed}-${index - 1}`,
      };
    }
    records.push({ event, server });
  }
  return records;
}

/** The records as stored events: validated and priced as the server would, with its context. */
export function storedBotEvents(records: readonly BotRecord[]): StoredEvent[] {
  const enrich = createEnricher(SETTINGS);
  return records.map(({ event, server }) => {
    const result = validateEvent(event);
    if (!result.ok)
      throw new Error(`invalid fixture event ${event.id}: ${JSON.stringify(result.errors)}`);
    const stored = enrich(result.event);
    return { ...stored, context: { ...stored.context, ...server } };
  });
}

/** A source over the fixture, at {@link NOW}. */
export function botSource(records: readonly BotRecord[] = botRecords()): LocalSource {
  return new LocalSource({
    storedEvents: storedBotEvents(records),
    settings: SETTINGS,
    now: () => NOW,
  });
}

/** The records in the last `days` local (UTC) days, today included, computed without core. */
export function recordsInLast(records: readonly BotRecord[], days: number): BotRecord[] {
  const to = Math.floor(NOW / DAY) * DAY + DAY;
  const from = to - days * DAY;
  return records.filter(
    ({ event }) => Number(event.timestamp) >= from && Number(event.timestamp) < to,
  );
}
