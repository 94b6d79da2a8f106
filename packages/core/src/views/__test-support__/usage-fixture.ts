import type { RosterUser, StoredEvent } from '../../event.js';
import type { Engine } from '../../query.js';
import type { TenantSettings } from '../../settings.js';
import { ColumnarEngine } from '../../engine/columnar-engine.js';
import { ReferenceEngine } from '../../engine/__test-support__/reference-engine.js';
import type { ResolvedRange } from '../../time/types.js';
import type { ViewContext } from '../types.js';

/** An engine that tests can load. */
export interface LoadableEngine extends Engine {
  append(events: readonly StoredEvent[]): void;
  setRoster(users: readonly RosterUser[]): void;
}

/** The engines every view test runs on: the columnar engine and the naive reference. */
export const ENGINES: readonly { name: string; create(): LoadableEngine }[] = [
  { name: 'columnar engine', create: () => new ColumnarEngine() },
  { name: 'reference engine', create: () => new ReferenceEngine() },
];

/** What a test view context is built from. */
export interface FixtureOptions {
  events?: readonly StoredEvent[];
  roster?: readonly RosterUser[];
  now?: number;
  settings?: TenantSettings;
}

/** A view context over `events` and `roster` on a fresh engine. */
export function fixtureContext(
  create: () => LoadableEngine,
  options: FixtureOptions = {},
): ViewContext {
  const engine = create();
  engine.append(options.events ?? []);
  engine.setRoster(options.roster ?? []);
  return {
    engine,
    now: options.now ?? Date.UTC(2026, 1, 1),
    ...(options.settings === undefined ? {} : { settings: options.settings }),
  };
}

/** A range already resolved: `[from, to)` in `tz`, not clamped. */
export function resolved(from: number, to: number, tz = 'UTC'): ResolvedRange {
  return { from, to, tz, preset: 'custom', clamped: false, floor: null, requested: { from, to } };
}

/** An engine that records every query it is asked, for checking how many passes a view makes. */
export function countingEngine(inner: LoadableEngine): LoadableEngine & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    append: (events) => inner.append(events),
    setRoster: (users) => inner.setRoster(users),
    aggregate: (query) => {
      calls.push('aggregate');
      return inner.aggregate(query);
    },
    rows: (query) => {
      calls.push('rows');
      return inner.rows(query);
    },
    sessions: (query) => {
      calls.push('sessions');
      return inner.sessions(query);
    },
    roster: () => inner.roster(),
  };
}
