import { validateRoster, type FieldIssue, type RosterUser } from '@tally/core';
import type { Store } from '../store/types.js';

/** What a batch's `users` did to the roster. */
export interface IdentifyResult {
  upserted: number;
  rejected: { index: number; errors: FieldIssue[] }[];
}

/** A batch's `users`, validated and ready to apply. */
export interface IdentifyPlan {
  users: RosterUser[];
  /** Whether each user's record set its seat (`licensed` / `active`) itself. */
  seatsGiven: boolean[];
  rejected: { index: number; errors: FieldIssue[] }[];
}

const SEAT_FIELDS = ['licensed', 'active'] as const;

/**
 * Validates a batch's `users` (the SDK's `identify`: `{ id, name?, email? }`) before anything of
 * the batch is stored. Only a secret key may set `licensed` or `active`: a public key must not
 * hand out seats.
 *
 * @throws {TallyError} `invalid_roster` when `users` is not an array of at most 10,000 records.
 */
export function planIdentify(input: unknown, allowSeats: boolean): IdentifyPlan {
  const validation = validateRoster(input);
  const plan: IdentifyPlan = { users: [], seatsGiven: [], rejected: [...validation.rejected] };
  validation.users.forEach((user, position) => {
    const index = validation.accepted[position];
    const item = (input as unknown[])[index] as Record<string, unknown>;
    const given = SEAT_FIELDS.filter((field) => item[field] !== undefined);
    if (given.length > 0 && !allowSeats) {
      plan.rejected.push({
        index,
        errors: given.map((field) => ({
          path: field,
          reason: 'can be set only with the secret key (PUT /v1/users)',
        })),
      });
      return;
    }
    plan.users.push(user);
    plan.seatsGiven.push(given.length > 0);
  });
  plan.rejected.sort((a, b) => a.index - b.index);
  return plan;
}

/**
 * Applies an {@link IdentifyPlan} to the roster. A known user keeps its seat and status and
 * takes the new name and email; a new user is added with core's defaults (licensed, active).
 */
export async function applyIdentify(
  plan: IdentifyPlan,
  store: Store,
  tenant: string,
): Promise<IdentifyResult> {
  if (plan.users.length > 0) {
    const known = new Map((await store.engine(tenant).roster()).map((user) => [user.id, user]));
    const merged = plan.users.map((user, position) => {
      const existing = known.get(user.id);
      if (existing === undefined || plan.seatsGiven[position]) return user;
      return {
        ...existing,
        ...(user.name === undefined ? {} : { name: user.name }),
        ...(user.email === undefined ? {} : { email: user.email }),
      };
    });
    await store.upsertUsers(tenant, merged);
  }
  return { upserted: plan.users.length, rejected: plan.rejected };
}
