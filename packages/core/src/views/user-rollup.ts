import type { AggregateRow } from '../query.js';
import { setCount } from './counts.js';
import { groupKey } from './dimension-keys.js';
import { ExactSum } from './exact-sum.js';
import { numberOf, numberOrNull } from './sorted-rows.js';

/** Above this many user × key cells (8 MB dense), {@link rollUpUsers} keeps them sparse. */
export const DENSE_CELLS = 1 << 20;

/**
 * Per-user figures added up from `[userId, category, name]` groups of
 * `[count, sum credits, max timestamp]`, kept in flat arrays: a leaderboard over a million
 * events folds tens of thousands of groups, and per-user objects would dominate its time.
 */
export interface UserRollup {
  /** The users, by number. */
  userIds: string[];
  /** Events per user number. */
  totals: Float64Array;
  /** Credits per user number. */
  credits: Float64Array;
  /** Latest event per user number (`NaN` when unknown). */
  last: Float64Array;
  /** The category keys, by number (`uncategorized` for none). */
  categories: string[];
  /** The event names, by number. */
  names: string[];
  /** Events per category number, over every user. */
  categoryTotals: Float64Array;
  /** Events per name number, over every user. */
  nameTotals: Float64Array;
  /** Credits over every user. */
  allCredits: number;
  /** One user's events per key, as a record whose keys follow `order` (zeros left out). */
  record(kind: 'category' | 'name', user: number, order: readonly string[]): Record<string, number>;
  /** Every user's events per key, as a record whose keys follow `order` (zeros left out). */
  totalsRecord(kind: 'category' | 'name', order: readonly string[]): Record<string, number>;
}

/**
 * Folds the groups of a `[userId, category, name]` query; rows without a user are skipped.
 * `denseLimit` is the most user × key cells kept in a flat array; beyond it they are kept
 * sparse, so a million distinct event names cannot exhaust memory.
 */
export function rollUpUsers(
  rows: readonly AggregateRow[],
  denseLimit: number = DENSE_CELLS,
): UserRollup {
  const users = new Numbering();
  const categories = new Numbering();
  const names = new Numbering();
  const count = rows.length;
  const userOf = new Int32Array(count);
  const categoryOf = new Int32Array(count);
  const nameOf = new Int32Array(count);
  for (let index = 0; index < count; index += 1) {
    const key = rows[index].key;
    userOf[index] = typeof key[0] === 'string' ? users.numberOf(key[0]) : -1;
    categoryOf[index] = categories.numberOf(groupKey('category', key[1]));
    nameOf[index] = names.numberOf(groupKey('name', key[2]));
  }
  const userCount = users.keys.length;
  const categoryCount = categories.keys.length;
  const nameCount = names.keys.length;
  const totals = new Float64Array(userCount);
  const last = new Float64Array(userCount).fill(Number.NaN);
  const byCategory = cellsOf(userCount * categoryCount, denseLimit);
  const byName = cellsOf(userCount * nameCount, denseLimit);
  const categoryTotals = new Float64Array(categoryCount);
  const nameTotals = new Float64Array(nameCount);
  // Engines return groups in no particular order: exact sums make credits independent of it.
  const userCredits = Array.from({ length: userCount }, () => new ExactSum());
  const allCredits = new ExactSum();
  for (let index = 0; index < count; index += 1) {
    const user = userOf[index];
    if (user < 0) continue;
    const values = rows[index].values;
    const events = numberOf(values[0]);
    const credits = numberOf(values[1]);
    totals[user] += events;
    userCredits[user].add(credits);
    allCredits.add(credits);
    byCategory.add(user * categoryCount + categoryOf[index], events);
    byName.add(user * nameCount + nameOf[index], events);
    categoryTotals[categoryOf[index]] += events;
    nameTotals[nameOf[index]] += events;
    const latest = numberOrNull(values[2]);
    if (latest !== null && !(latest <= last[user])) last[user] = latest;
  }
  return {
    userIds: users.keys,
    totals,
    credits: Float64Array.from(userCredits, (sum) => sum.value()),
    last,
    categories: categories.keys,
    names: names.keys,
    categoryTotals,
    nameTotals,
    allCredits: allCredits.value(),
    record(kind, user, order) {
      return kind === 'category'
        ? recordOf(categories, byCategory, user * categoryCount, order)
        : recordOf(names, byName, user * nameCount, order);
    },
    totalsRecord(kind, order) {
      return kind === 'category'
        ? recordOf(categories, denseCells(categoryTotals), 0, order)
        : recordOf(names, denseCells(nameTotals), 0, order);
    },
  };
}

/** A grid of user × key counts: dense while small, sparse when users × keys is large. */
interface Cells {
  add(index: number, amount: number): void;
  get(index: number): number;
}

function cellsOf(size: number, denseLimit: number): Cells {
  if (size <= denseLimit) return denseCells(new Float64Array(size));
  const cells = new Map<number, number>();
  return {
    add: (index, amount) => cells.set(index, (cells.get(index) ?? 0) + amount),
    get: (index) => cells.get(index) ?? 0,
  };
}

function denseCells(array: Float64Array): Cells {
  return {
    add: (index, amount) => {
      array[index] += amount;
    },
    get: (index) => array[index],
  };
}

function recordOf(
  numbering: Numbering,
  counts: Cells,
  offset: number,
  order: readonly string[],
): Record<string, number> {
  const record: Record<string, number> = {};
  for (const key of order) {
    const number = numbering.lookup(key);
    const events = number === undefined ? 0 : counts.get(offset + number);
    if (events !== 0) setCount(record, key, events);
  }
  return record;
}

/** Numbers keys in order of first sight. */
class Numbering {
  private readonly numbers = new Map<string, number>();
  readonly keys: string[] = [];

  numberOf(key: string): number {
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.keys.length;
      this.numbers.set(key, number);
      this.keys.push(key);
    }
    return number;
  }

  lookup(key: string): number | undefined {
    return this.numbers.get(key);
  }
}
