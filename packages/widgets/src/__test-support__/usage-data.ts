import type { RosterUser, TallyEvent, TenantSettings } from '@tally/core';
import { LocalSource } from '../data/local-source.js';

/** The fixed "now" of the fixtures: 2026-11-23 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 23, 12);
export const DAY = 86_400_000;

/** A user whose name is markup: it must show as text. */
export const HOSTILE = '<img src=x onerror=alert(1)>';

export const ROSTER: RosterUser[] = [
  { id: 'u1', name: 'Ada Lovelace', email: 'ada@example.com', licensed: true, active: true },
  { id: 'u2', name: HOSTILE, email: 'mallory@example.com', licensed: true, active: true },
  { id: 'u3', name: 'Grace Hopper', email: 'grace@example.com', licensed: true, active: true },
  { id: 'u4', name: 'Alan Turing', email: 'alan@example.com', licensed: true, active: true },
  { id: 'u5', name: 'Idle Person', email: 'idle@example.com', licensed: true, active: true },
  { id: 'u6', name: 'Zed Gone', email: 'zed@example.com', licensed: true, active: false },
];

export const SETTINGS: TenantSettings = { timezone: 'UTC', dataFloor: '2026-06-01' };

const CATEGORY_OF: Record<string, string> = {
  'chat.message': 'chat',
  'flow.meeting_prep': 'flow',
  'research.next_steps': 'research',
  'doc.generate': 'documents',
};

/**
 * Per user, per event name: how many events, spread over the last 20 days. u3 and u4 tie, so
 * they share a rank. Totals: u1 14, u2 9, u3 6, u4 6, u6 2 (deactivated, still shown), u5 none.
 */
const PLAN: [string, string, number][] = [
  ['u1', 'chat.message', 8],
  ['u1', 'flow.meeting_prep', 3],
  ['u1', 'doc.generate', 3],
  ['u2', 'chat.message', 5],
  ['u2', 'research.next_steps', 4],
  ['u3', 'chat.message', 6],
  ['u4', 'doc.generate', 2],
  ['u4', 'research.next_steps', 4],
  ['u6', 'chat.message', 2],
];

const ENDPOINTS = ['/api/chat', '/api/docs', '/api/flow'];
const SOURCES = ['chat', 'widget', 'api'];

/** The fixture's wire events: user events per {@link PLAN}, 3 system events, and 1 old event. */
export function usageEvents(): TallyEvent[] {
  const events: TallyEvent[] = [];
  let serial = 0;
  for (const [userId, name, count] of PLAN) {
    for (let index = 0; index < count; index += 1) {
      serial += 1;
      events.push({
        id: `e${serial}`,
        name,
        timestamp: NOW - ((serial * 7) % 20) * DAY - (serial % 5) * 3_600_000,
        userId,
        category: CATEGORY_OF[name],
        source: SOURCES[serial % 3],
        endpoint: ENDPOINTS[serial % 3],
        conversationId: `c${serial % 6}`,
        model: 'gpt-4o',
        provider: 'openai',
        tokens: { input: 100 * serial, output: 10 * serial },
        latencyMs: 200 + serial * 10,
        status: serial % 10 === 0 ? 'error' : 'ok',
        context: { browser: serial % 2 === 0 ? 'Firefox' : 'Chrome' },
      });
    }
  }
  for (let index = 0; index < 3; index += 1) {
    serial += 1;
    events.push({
      id: `s${index}`,
      name: 'doc.generate',
      timestamp: NOW - (index + 1) * DAY,
      actor: 'system',
      agent: index === 0 ? 'playbooks' : 'assistant',
      category: 'documents',
      source: 'api',
      endpoint: '/api/docs',
    });
  }
  // Outside the last 30 days: must not count.
  events.push({
    id: 'old',
    name: 'chat.message',
    timestamp: NOW - 45 * DAY,
    userId: 'u5',
    category: 'chat',
  });
  return events;
}

/** A source over the fixture, at {@link NOW}. */
export function usageSource(options: { settings?: TenantSettings } = {}): LocalSource {
  return new LocalSource({
    events: usageEvents(),
    roster: ROSTER,
    settings: options.settings ?? SETTINGS,
    now: () => NOW,
  });
}

/** Counts of `events` by a key, computed independently of core. */
export function countBy<T>(
  items: readonly T[],
  key: (item: T) => string | undefined,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = key(item);
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** The fixture's user events in the last `days` local (UTC) days, today included. */
export function userEventsInLast(days: number): TallyEvent[] {
  const endOfToday = Math.floor(NOW / DAY) * DAY + DAY;
  const from = endOfToday - days * DAY;
  return usageEvents().filter(
    (event) =>
      event.actor !== 'system' &&
      Number(event.timestamp) >= from &&
      Number(event.timestamp) < endOfToday,
  );
}
