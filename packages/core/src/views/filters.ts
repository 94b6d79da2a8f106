import { describeValue, fieldError } from '../errors.js';
import type { RosterUser } from '../event.js';
import type { Dimension, EngineFilters } from '../query.js';
import type { ViewFilters } from './types.js';

/** View filter keys that map one-to-one onto an engine dimension. */
const DIMENSION_FILTERS = [
  'category',
  'name',
  'agent',
  'source',
  'endpoint',
  'model',
  'provider',
  'country',
  'ip',
  'status',
  'actor',
] as const satisfies readonly (keyof ViewFilters & Dimension)[];

const KNOWN_KEYS = new Set<string>(['users', 'search', ...DIMENSION_FILTERS]);

const CHOICES: Partial<Record<Dimension, readonly string[]>> = {
  status: ['ok', 'error'],
  actor: ['user', 'system'],
};

/**
 * Translates a view's filters into engine filters. `users` and `search` combine into one
 * `userId` allow-list: `search` is a case-insensitive substring of a roster user's name, email or
 * id (surrounding spaces ignored, an empty search is no search; users who are not on the roster
 * cannot be found by it), so a search matching nobody gives an empty allow-list and no rows. Other dimensions take one value or several (any of
 * them). Values are compared as they are, never parsed, so hostile text is harmless. An absent or
 * `null` filter does not restrict; an empty array matches nothing, like the engine's filters.
 *
 * @throws {TallyError} `invalid_query` naming the field, e.g. `filters.category`, when a value
 * has the wrong type or a filter is unknown.
 * @example
 * ```ts
 * toEngineFilters({ search: 'ada', category: ['chat', 'flow'] }, roster);
 * // → { userId: ['u1'], category: ['chat', 'flow'] }
 * ```
 */
export function toEngineFilters(
  filters: ViewFilters | undefined,
  roster: readonly RosterUser[],
): EngineFilters {
  if (filters === undefined || filters === null) return {};
  if (typeof filters !== 'object' || Array.isArray(filters)) {
    throw fieldError(
      'invalid_query',
      'filters',
      `must be an object (got ${describeValue(filters)})`,
    );
  }
  for (const key of Object.keys(filters)) {
    if (!KNOWN_KEYS.has(key)) {
      throw fieldError('invalid_query', `filters.${key}`, 'is not a known filter');
    }
  }
  const result: EngineFilters = {};
  for (const key of DIMENSION_FILTERS) {
    const values = readValues(filters[key], `filters.${key}`, CHOICES[key]);
    if (values !== undefined) result[key] = values;
  }
  const users = readValues(filters.users, 'filters.users');
  const matches = readSearch(filters.search, roster);
  if (users !== undefined && matches !== undefined) {
    const allowed = new Set(matches);
    result.userId = users.filter((id) => allowed.has(id));
  } else if (users !== undefined || matches !== undefined) {
    result.userId = users ?? matches;
  }
  return result;
}

function readValues(
  value: unknown,
  field: string,
  choices?: readonly string[],
): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) {
    throw fieldError(
      'invalid_query',
      field,
      `must be a string or an array of strings (got ${describeValue(value)})`,
    );
  }
  const seen = new Set<string>();
  list.forEach((item: unknown, index) => {
    const at = typeof value === 'string' ? field : `${field}[${index}]`;
    if (typeof item !== 'string') {
      throw fieldError('invalid_query', at, `must be a string (got ${describeValue(item)})`);
    }
    if (choices !== undefined && !choices.includes(item)) {
      throw fieldError(
        'invalid_query',
        at,
        `must be one of ${choices.join(', ')} (got ${describeValue(item)})`,
      );
    }
    seen.add(item);
  });
  return [...seen];
}

function readSearch(search: unknown, roster: readonly RosterUser[]): string[] | undefined {
  if (search === undefined || search === null) return undefined;
  if (typeof search !== 'string') {
    throw fieldError(
      'invalid_query',
      'filters.search',
      `must be a string (got ${describeValue(search)})`,
    );
  }
  const needle = search.trim().toLowerCase();
  if (needle === '') return undefined;
  const ids: string[] = [];
  for (const user of roster) {
    const haystacks = [user.id, user.name, user.email];
    if (haystacks.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle))) {
      ids.push(user.id);
    }
  }
  return ids;
}

/**
 * Combines two sets of engine filters so that both hold: a dimension in only one keeps its
 * values, a dimension in both keeps the values they share (in `a`'s order). Views use it to add
 * their own restriction, such as `{ actor: ['user'] }`, to the caller's filters.
 *
 * @example
 * ```ts
 * mergeFilters({ actor: ['user', 'system'], category: ['chat'] }, { actor: ['user'] });
 * // → { actor: ['user'], category: ['chat'] }
 * ```
 */
export function mergeFilters(
  a: EngineFilters | undefined,
  b: EngineFilters | undefined,
): EngineFilters {
  const result: EngineFilters = { ...a };
  for (const [key, values] of Object.entries(b ?? {}) as [
    Dimension,
    readonly (string | null)[],
  ][]) {
    const existing = result[key];
    if (existing === undefined) {
      result[key] = values;
    } else {
      const allowed = new Set(values);
      result[key] = existing.filter((value) => allowed.has(value));
    }
  }
  return result;
}
