import type { RosterUser, ServerContext } from '@tally/core';
import type { Random } from './random.js';

/** Where a demo user works from: location, time zone and an address of that office. */
export interface Office {
  location: ServerContext;
  timezone: string;
  /** Offset from UTC in hours, close enough for working hours. */
  utcOffset: number;
  locale: string;
}

/** A demo user and how they use the product. */
export interface DemoPerson {
  user: RosterUser;
  office: Office;
  /** Relative activity: a few heavy users, a long tail, zero for licensed users who never started. */
  weight: number;
  /** First and last day index (from the start of the demo) the user is active. */
  firstDay: number;
  lastDay: number;
  /** Preferred categories, by weight. */
  categories: readonly (readonly [string, number])[];
  browser: string;
  os: string;
}

// Addresses come from the documentation ranges (RFC 5737, RFC 3849): they look real and are nobody's.
const OFFICES: readonly Office[] = [
  makeOffice('US', 'CA', 'San Francisco', '198.51.100', 'America/Los_Angeles', -8, 'en-US'),
  makeOffice('US', 'NY', 'New York', '198.51.100', 'America/New_York', -5, 'en-US'),
  makeOffice('GB', 'ENG', 'London', '203.0.113', 'Europe/London', 0, 'en-GB'),
  makeOffice('DE', 'BE', 'Berlin', '192.0.2', 'Europe/Berlin', 1, 'de-DE'),
  makeOffice('FR', 'IDF', 'Paris', '192.0.2', 'Europe/Paris', 1, 'fr-FR'),
  makeOffice('IN', 'KA', 'Bengaluru', '203.0.113', 'Asia/Kolkata', 5.5, 'en-IN'),
  makeOffice('BR', 'SP', 'São Paulo', '198.51.100', 'America/Sao_Paulo', -3, 'pt-BR'),
  makeOffice('JP', '13', 'Tokyo', '192.0.2', 'Asia/Tokyo', 9, 'ja-JP'),
];

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Linus',
  'Margaret',
  'Ken',
  'Barbara',
  'Dennis',
  'Frances',
  'Tim',
  'Radia',
  'Vint',
  'Hedy',
  'Guido',
  'Katherine',
  'John',
  'Sophie',
  'Bjarne',
  'Anita',
  'Edsger',
  'Karen',
  'Niklaus',
  'Shafi',
  'Donald',
  'Jean',
  'Yukihiro',
  'Adele',
  'Leslie',
  'Mary',
  'Rasmus',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Torvalds',
  'Hamilton',
  'Thompson',
  'Liskov',
  'Ritchie',
  'Allen',
  'Berners-Lee',
  'Perlman',
  'Cerf',
  'Lamarr',
  'van Rossum',
  'Johnson',
  'McCarthy',
  'Wilson',
  'Stroustrup',
  'Borg',
  'Dijkstra',
  'Spärck Jones',
  'Wirth',
  'Goldwasser',
  'Knuth',
  'Bartik',
  'Matsumoto',
  'Goldberg',
  'Lamport',
  'Keller',
  'Lerdorf',
];

const CATEGORY_TASTES: readonly (readonly (readonly [string, number])[])[] = [
  [
    ['chat', 6],
    ['flow', 2],
    ['research', 1],
    ['documents', 1],
  ],
  [
    ['chat', 3],
    ['flow', 1],
    ['research', 4],
    ['documents', 2],
  ],
  [
    ['chat', 2],
    ['flow', 5],
    ['research', 1],
    ['documents', 2],
  ],
  [
    ['chat', 2],
    ['flow', 1],
    ['research', 1],
    ['documents', 6],
  ],
];

/**
 * The demo organisation's people: `count` roster users with power-law activity, of whom some
 * hold a licence but never used the product, some joined late, and a few left (deactivated).
 */
export function demoPeople(random: Random, count: number, days: number): DemoPerson[] {
  return Array.from({ length: count }, (_, index) => {
    const first = FIRST[index % FIRST.length];
    const last = LAST[(index * 7 + Math.floor(index / FIRST.length)) % LAST.length];
    const id = `user-${String(index + 1).padStart(3, '0')}`;
    const idle = index % 9 === 8; // licensed, never active
    const left = index % 13 === 5; // deactivated part-way through
    const lateJoiner = index % 7 === 3;
    const firstDay = lateJoiner ? random.int(Math.floor(days * 0.3), Math.floor(days * 0.8)) : 0;
    const lastDay = left ? random.int(Math.floor(days * 0.4), days - 20) : days - 1;
    const template = random.pick(OFFICES);
    const base = { ...template, location: { ...template.location } };
    base.location.ip = `${base.location.ip}.${10 + (index % 240)}`;
    return {
      user: {
        id,
        name: `${first} ${last}`,
        email: `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.com',
        licensed: true,
        active: !left,
      },
      office: base,
      weight: idle ? 0 : 6 / Math.pow(index + 1, 0.6),
      firstDay,
      lastDay: Math.max(firstDay, lastDay),
      categories: CATEGORY_TASTES[index % CATEGORY_TASTES.length],
      browser: random.pick(['Chrome', 'Chrome', 'Safari', 'Firefox', 'Edge']),
      os: random.pick(['macOS', 'Windows', 'Windows', 'Linux', 'iOS']),
    };
  });
}

function makeOffice(
  country: string,
  region: string,
  city: string,
  prefix: string,
  timezone: string,
  utcOffset: number,
  locale: string,
): Office {
  return { location: { country, region, city, ip: prefix }, timezone, utcOffset, locale };
}
