import { describeValue, fieldError, type RosterUser } from '@tally/core';

/** One roster user as given: fields left out (or `undefined`) keep their stored value. */
export interface RosterUpdate {
  id: string;
  name?: string;
  email?: string;
  licensed?: boolean;
  active?: boolean;
}

/**
 * Checks roster users from a caller: an array of objects with a non-empty string `id`; `name`
 * and `email` strings and `licensed`, `active` booleans when given. A user listed twice is
 * merged, later fields winning, as applying the list in order would.
 *
 * @throws {TallyError} `invalid_roster` naming the field, e.g. `users[2].licensed`.
 */
export function checkRosterUpdates(users: unknown): RosterUpdate[] {
  if (!Array.isArray(users)) {
    throw fieldError('invalid_roster', 'users', `must be an array (got ${describeValue(users)})`);
  }
  const merged = new Map<string, RosterUpdate>();
  users.forEach((user: unknown, index) => {
    const at = `users[${index}]`;
    if (typeof user !== 'object' || user === null || Array.isArray(user)) {
      throw fieldError('invalid_roster', at, `must be an object (got ${describeValue(user)})`);
    }
    const record = user as Record<string, unknown>;
    if (typeof record.id !== 'string' || record.id.length === 0) {
      throw fieldError(
        'invalid_roster',
        `${at}.id`,
        `must be a non-empty string (got ${describeValue(record.id)})`,
      );
    }
    const update: RosterUpdate = { id: record.id };
    for (const field of ['name', 'email'] as const) {
      const value = record[field];
      if (value === undefined) continue;
      if (typeof value !== 'string') {
        throw fieldError(
          'invalid_roster',
          `${at}.${field}`,
          `must be a string (got ${describeValue(value)})`,
        );
      }
      update[field] = value;
    }
    for (const field of ['licensed', 'active'] as const) {
      const value = record[field];
      if (value === undefined) continue;
      if (typeof value !== 'boolean') {
        throw fieldError(
          'invalid_roster',
          `${at}.${field}`,
          `must be a boolean (got ${describeValue(value)})`,
        );
      }
      update[field] = value;
    }
    merged.set(update.id, { ...merged.get(update.id), ...update });
  });
  return [...merged.values()];
}

/**
 * A stored user with an update applied (`{ ...stored, ...update }`, as core's engine merges);
 * a new user needs both `licensed` and `active`.
 *
 * @throws {TallyError} `invalid_roster` when a new user lacks `licensed` or `active`.
 */
export function applyRosterUpdate(
  stored: RosterUser | undefined,
  update: RosterUpdate,
): RosterUser {
  const user = { ...stored, ...update } as Partial<RosterUser>;
  for (const field of ['licensed', 'active'] as const) {
    if (typeof user[field] !== 'boolean') {
      throw fieldError(
        'invalid_roster',
        `users[${JSON.stringify(update.id)}].${field}`,
        'must be a boolean for a new user (got undefined)',
      );
    }
  }
  return user as RosterUser;
}
