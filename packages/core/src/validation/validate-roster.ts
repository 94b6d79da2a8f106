import type { RosterUser } from '../event.js';
import type { DuplicateItem, RejectedItem } from './batch-result.js';
import { MAX_ROSTER_USERS } from './limits.js';
import { readArray } from './read-array.js';
import { validateRosterUser } from './validate-roster-user.js';

/**
 * The outcome of {@link validateRoster}. Every submitted index appears in exactly one of
 * `accepted`, `duplicates` and `rejected`.
 */
export interface RosterValidationResult {
  /** The valid users, last record of each id, in submitted order. */
  users: RosterUser[];
  /** The submitted index of each entry of `users`. */
  accepted: number[];
  /** Valid records superseded by a later record with the same id. */
  duplicates: DuplicateItem[];
  /** Invalid records, each with every problem found. */
  rejected: RejectedItem[];
}

/**
 * Validates a roster upsert of at most {@link MAX_ROSTER_USERS} users. When an id appears more
 * than once the last valid record wins, as if the records were upserted one after another. A
 * submission that is not an array or is too long is refused whole with a `TallyError`
 * (`invalid_roster`, field `users`).
 *
 * @example
 * ```ts
 * const { users, rejected } = validateRoster(body.users);
 * ```
 */
export function validateRoster(input: unknown): RosterValidationResult {
  const items = readArray(input, {
    field: 'users',
    code: 'invalid_roster',
    noun: 'users',
    maxItems: MAX_ROSTER_USERS,
  });
  const valid = new Map<number, RosterUser>();
  const lastIndex = new Map<string, number>();
  const result: RosterValidationResult = { users: [], accepted: [], duplicates: [], rejected: [] };
  items.forEach((item, index) => {
    const validation = validateRosterUser(item);
    if (!validation.ok) {
      result.rejected.push({ index, errors: validation.errors });
      return;
    }
    valid.set(index, validation.user);
    lastIndex.set(validation.user.id, index);
  });
  for (const [index, user] of valid) {
    const keptIndex = lastIndex.get(user.id) ?? index;
    if (keptIndex === index) {
      result.users.push(user);
      result.accepted.push(index);
    } else {
      result.duplicates.push({ index, id: user.id, keptIndex });
    }
  }
  return result;
}
