import type { RosterUser, TallyEvent, TenantSettings } from '@tally/core';
import { LocalSource } from '../../data/local-source.js';
import { pick, seededRandom } from './random.js';

/** The fixed "now" of the usage fixture: 2026-11-23 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 23, 12);
export const DAY = 86_400_000;

/** Names that are markup or a spreadsheet formula: they must show, and export, as text. */
export const HOSTILE_NAMES = {
  markup: '<img src=x onerror=alert(1)>',
  script: '<script>window.hacked = true</script>',
  formula: '=HYPERLINK("https://example.com","open me")',
};

/** Each feature (event name) and its category. */
export const FEATURES: Readonly<Record<string, string>> = {
  'chat.message': 'chat',
  'chat.slack_message': 'chat',
  'flow.meeting_prep': 'flow',
  'flow.deal_priority': 'flow',
  'research.next_steps': 'research',
  'research.discovery_gaps': 'research',
  'doc.generate': 'documents',
  'doc.slides': 'documents',
};

/** Credit rules: some features cost more, a premium model doubles, an economy model halves. */
export const CREDIT_BASE: Readonly<Record<string, number>> = {
  'doc.generate': 3,
  'doc.slides': 4,
  'research.discovery_gaps': 2,
};
export const CREDIT_MULTIPLIERS: Readonly<Record<string, number>> = {
  'premium-model': 2,
  'economy-model': 0.5,
};

export const SETTINGS: TenantSettings = {
  timezone: 'UTC',
  dataFloor: '2026-01-15',
  credits: { base: { ...CREDIT_BASE }, multipliers: { ...CREDIT_MULTIPLIERS } },
  categories: [
    { id: 'chat', label: 'Chat' },
    { id: 'flow', label: 'Flow mode' },
    { id: 'research', label: 'Research & analysis' },
    { id: 'documents', label: 'Documents' },
  ],
};

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Radia',
  'Tim',
  'Margaret',
  'John',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Perlman',
  'Lee',
  'Hamilton',
  'Backus',
];

/** The roster: 20 ordinary users, three hostile names, an idle seat and a deactivated user. */
export function usageRoster(): RosterUser[] {
  const users: RosterUser[] = [];
  for (let index = 0; index < 20; index += 1) {
    const first = FIRST[index % FIRST.length];
    const last = LAST[(index * 5 + Math.floor(index / LAST.length)) % LAST.length];
    users.push({
      id: `u${String(index + 1).padStart(2, '0')}`,
      name: `${first} ${last}`,
      email: `${first}.${last}${index}@example.com`.toLowerCase(),
      licensed: true,
      active: true,
    });
  }
  users.push(
    {
      id: 'u-markup',
      name: HOSTILE_NAMES.markup,
      email: 'markup@example.com',
      licensed: true,
      active: true,
    },
    {
      id: 'u-script',
      name: HOSTILE_NAMES.script,
      email: 'script@example.com',
      licensed: true,
      active: true,
    },
    {
      id: 'u-formula',
      name: HOSTILE_NAMES.formula,
      email: 'formula@example.com',
      licensed: true,
      active: true,
    },
    { id: 'u-idle', name: 'Idle Seat', email: 'idle@example.com', licensed: true, active: true },
    {
      id: 'u-gone',
      name: 'Former Colleague',
      email: 'former@example.com',
      licensed: true,
      active: false,
    },
  );
  return users;
}

/**
 * The fixture's wire events over the last 200 days: each active user has their own activity
 * level and favourite features; 60 system events come from two agents; `u-idle` has none.
 */
export function usageEvents(): TallyEvent[] {
  const random = seededRandom(20261123);
  const events: TallyEvent[] = [];
  const names = Object.keys(FEATURES);
  const models = ['standard-model', 'standard-model', 'premium-model', 'economy-model'];
  let serial = 0;
  for (const user of usageRoster()) {
    if (user.id === 'u-idle') continue;
    const count = user.id === 'u-gone' ? 12 : 20 + Math.floor(random() * 160);
    const favourite = pick(random, names);
    for (let index = 0; index < count; index += 1) {
      serial += 1;
      const name = random() < 0.35 ? favourite : pick(random, names);
      events.push({
        id: `e${serial}`,
        name,
        timestamp: NOW - Math.floor(random() * 200 * DAY),
        userId: user.id,
        category: FEATURES[name],
        model: pick(random, models),
        source: name === 'chat.slack_message' ? 'slack' : 'app',
      });
    }
  }
  for (let index = 0; index < 60; index += 1) {
    serial += 1;
    events.push({
      id: `s${serial}`,
      name: index % 3 === 0 ? 'doc.generate' : 'research.next_steps',
      timestamp: NOW - Math.floor(random() * 200 * DAY),
      actor: 'system',
      agent: index % 2 === 0 ? 'playbooks' : 'assistant',
      category: index % 3 === 0 ? 'documents' : 'research',
    });
  }
  return events;
}

/** A source over the fixture, at {@link NOW}. */
export function usageSource(): LocalSource {
  return new LocalSource({
    events: usageEvents(),
    roster: usageRoster(),
    settings: SETTINGS,
    now: () => NOW,
  });
}

/** The start of the last `days` local (UTC) days, today included, and the end of today. */
export function lastDays(days: number): { from: number; to: number } {
  const to = Math.floor(NOW / DAY) * DAY + DAY;
  return { from: to - days * DAY, to };
}

/** The fixture's events inside `[from, to)`, computed without core. */
export function eventsBetween(range: { from: number; to: number }): TallyEvent[] {
  return usageEvents().filter((event) => {
    const time = Number(event.timestamp);
    return time >= range.from && time < range.to;
  });
}

/** An event's credits by the fixture's rules, computed without core. */
export function creditsOf(event: TallyEvent): number {
  return (CREDIT_BASE[event.name] ?? 1) * (CREDIT_MULTIPLIERS[event.model ?? ''] ?? 1);
}
