import type { RosterUser } from '../event.js';
import type { AggregateRow, EngineFilters } from '../query.js';
import type { ResolvedRange } from '../time/types.js';
import { addCount } from './counts.js';
import { ExactSum } from './exact-sum.js';
import { rollUpUsers } from './user-rollup.js';
import { groupKey } from './dimension-keys.js';
import { mergeFilters } from './filters.js';
import { orderCategories } from './order-categories.js';
import { compareText, numberOf, sortedRows } from './sorted-rows.js';
import type { ViewContext, ViewRequest } from './types.js';
import { openView } from './view-scope.js';

/** One user on the leaderboard. */
export interface LeaderboardRow {
  /**
   * Competition rank by event count (1, 2, 2, 4); `null` for roster users without events, who
   * follow the ranked users.
   */
  rank: number | null;
  /** The user's id. */
  userId: string;
  /** Display name from the roster, `null` when unknown. */
  name: string | null;
  /** Email from the roster, `null` when unknown. */
  email: string | null;
  /** Events attributed to the user (actor `user`) in the range. */
  total: number;
  /** Credits of those events. */
  credits: number;
  /**
   * Events per category id; events without a category count under `uncategorized`. Only
   * categories with events are present.
   */
  byCategory: Record<string, number>;
  /** Events per event name (the expanded row). Only names with events are present. */
  byName: Record<string, number>;
  /** Timestamp of the user's latest event in the range, epoch ms; `null` without events. */
  lastEventAt: number | null;
  /** Whether the user is on the roster at all. */
  inRoster: boolean;
  /** Whether the user holds a seat (`false` when not on the roster). */
  licensed: boolean;
  /** Whether the user is active (`true` when not on the roster: the user is acting). */
  active: boolean;
}

/** Events attributed to the system (background work), which are not ranked. */
export interface SystemSummary {
  /** System events in the range. */
  total: number;
  /** Credits of those events. */
  credits: number;
  /** Events per category id (`uncategorized` for none). */
  byCategory: Record<string, number>;
  /** Events per agent (`unknown` for events without an agent). */
  byAgent: Record<string, number>;
}

/** Sums over every ranked user. */
export interface LeaderboardTotals {
  /** Events attributed to users. */
  total: number;
  /** Credits of those events. */
  credits: number;
  /** Users with at least one event (the ranked rows). */
  activeUsers: number;
  /** Events per category id across users. */
  byCategory: Record<string, number>;
  /** Events per event name across users. */
  byName: Record<string, number>;
}

/** The leaderboard view's answer (DESIGN §5). */
export interface LeaderboardResult {
  /** The range the answer covers, after clamping to the data floor. */
  range: ResolvedRange;
  /**
   * Ranked users (most events first, ties by user id), then licensed active roster users with no
   * events (by name, then id).
   */
  rows: LeaderboardRow[];
  /** System-attributed events, or `null` when there are none. */
  system: SystemSummary | null;
  /**
   * The category ids with events (users' or system's): the tenant's configured categories in
   * their order first, then the others by event count (ties by id), `uncategorized` last.
   */
  categories: string[];
  /** Sums across the ranked users. */
  totals: LeaderboardTotals;
}

/** Options of {@link leaderboard}. */
export type LeaderboardRequest = ViewRequest;

/**
 * Ranks users by the events attributed to them (DESIGN §5 leaderboard), lists licensed users who
 * have not used the product yet, and summarises system-attributed events separately. Returns
 * every row: tables virtualise.
 *
 * @example
 * ```ts
 * const board = await leaderboard(context, { range: { preset: '30d' }, filters: { search: 'ada' } });
 * board.rows[0]; // { rank: 1, userId: 'u1', total: 42, byCategory: { chat: 40, flow: 2 }, ... }
 * ```
 */
export async function leaderboard(
  context: ViewContext,
  request: LeaderboardRequest = {},
): Promise<LeaderboardResult> {
  const { range, filters, roster } = await openView(context, request, true);
  const interval = { from: range.from, to: range.to };
  const [users, system] = await Promise.all([
    context.engine.aggregate({
      range: interval,
      filters: mergeFilters(filters, { actor: ['user'] }),
      groupBy: ['userId', 'category', 'name'],
      measures: [
        { op: 'count' },
        { op: 'sum', field: 'credits' },
        { op: 'max', field: 'timestamp' },
      ],
    }),
    context.engine.aggregate({
      range: interval,
      filters: mergeFilters(filters, { actor: ['system'] }),
      groupBy: ['category', 'agent'],
      measures: [{ op: 'count' }, { op: 'sum', field: 'credits' }],
    }),
  ]);

  const rosterById = new Map(roster.map((user) => [user.id, user]));
  const rollup = rollUpUsers(users.rows);
  const summary = summariseSystem(system.rows);
  const categoryTotals: Record<string, number> = {};
  rollup.categories.forEach((category, number) => {
    addCount(categoryTotals, category, rollup.categoryTotals[number]);
  });
  for (const [category, count] of Object.entries(summary?.byCategory ?? {})) {
    addCount(categoryTotals, category, count);
  }
  const categoryOrder = orderCategories(categoryTotals, context.settings);
  const nameOrder = rollup.names
    .map((name, number) => ({ name, total: rollup.nameTotals[number] }))
    .sort((a, b) => b.total - a.total || compareText(a.name, b.name))
    .map(({ name }) => name);

  const ranked = rollup.userIds.map((userId, user) => {
    const row = emptyRow(userId, rosterById.get(userId));
    row.total = rollup.totals[user];
    row.credits = rollup.credits[user];
    row.byCategory = rollup.record('category', user, categoryOrder);
    row.byName = rollup.record('name', user, nameOrder);
    row.lastEventAt = Number.isNaN(rollup.last[user]) ? null : rollup.last[user];
    return row;
  });
  ranked.sort((a, b) => b.total - a.total || compareText(a.userId, b.userId));
  ranked.forEach((row, index) => {
    const previous = ranked[index - 1];
    row.rank = previous !== undefined && previous.total === row.total ? previous.rank : index + 1;
  });
  const totals: LeaderboardTotals = {
    total: rollup.totals.reduce((sum, count) => sum + count, 0),
    credits: rollup.allCredits,
    activeUsers: ranked.length,
    byCategory: rollup.totalsRecord('category', categoryOrder),
    byName: rollup.totalsRecord('name', nameOrder),
  };

  const idle = idleRosterUsers(roster, new Set(rollup.userIds), filters)
    .sort(compareByName)
    .map((user) => emptyRow(user.id, user));

  return { range, rows: [...ranked, ...idle], system: summary, categories: categoryOrder, totals };
}

function emptyRow(userId: string, user: RosterUser | undefined): LeaderboardRow {
  return {
    rank: null,
    userId,
    name: typeof user?.name === 'string' ? user.name : null,
    email: typeof user?.email === 'string' ? user.email : null,
    total: 0,
    credits: 0,
    byCategory: {},
    byName: {},
    lastEventAt: null,
    inRoster: user !== undefined,
    licensed: user?.licensed ?? false,
    active: user?.active ?? true,
  };
}

/**
 * Licensed, active roster users without events who pass the user filters. Other filters
 * (category, name, ...) do not hide them: they show zero.
 */
function idleRosterUsers(
  roster: readonly RosterUser[],
  ranked: ReadonlySet<string>,
  filters: EngineFilters,
): RosterUser[] {
  const allowed = filters.userId === undefined ? undefined : new Set(filters.userId);
  const seen = new Set<string>();
  const idle: RosterUser[] = [];
  // Later roster entries win, as an upsert would.
  for (let index = roster.length - 1; index >= 0; index -= 1) {
    const user = roster[index];
    if (seen.has(user.id)) continue;
    seen.add(user.id);
    if (!user.licensed || !user.active || ranked.has(user.id)) continue;
    if (allowed !== undefined && !allowed.has(user.id)) continue;
    idle.push(user);
  }
  return idle;
}

/** By name (case-insensitively, then exactly), unnamed users last, then by id. */
function compareByName(a: RosterUser, b: RosterUser): number {
  const nameA = typeof a.name === 'string' ? a.name : null;
  const nameB = typeof b.name === 'string' ? b.name : null;
  if (nameA === null || nameB === null) {
    if (nameA !== nameB) return nameA === null ? 1 : -1;
    return compareText(a.id, b.id);
  }
  return (
    compareText(nameA.toLowerCase(), nameB.toLowerCase()) ||
    compareText(nameA, nameB) ||
    compareText(a.id, b.id)
  );
}

function summariseSystem(rows: readonly AggregateRow[]): SystemSummary | null {
  if (rows.length === 0) return null;
  const summary: SystemSummary = { total: 0, credits: 0, byCategory: {}, byAgent: {} };
  const credits = new ExactSum();
  // Sorted so that the records' keys come out in the same order from every engine.
  for (const { key, values } of sortedRows({ rows: [...rows] })) {
    const count = numberOf(values[0]);
    summary.total += count;
    credits.add(numberOf(values[1]));
    addCount(summary.byCategory, groupKey('category', key[0]), count);
    addCount(summary.byAgent, groupKey('agent', key[1]), count);
  }
  summary.credits = credits.value();
  return summary;
}
