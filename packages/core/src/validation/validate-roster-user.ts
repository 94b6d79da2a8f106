import type { FieldIssue } from '../errors.js';
import type { RosterUser } from '../event.js';
import { checkChoice } from './check-choice.js';
import { checkString } from './check-string.js';
import { IssueList } from './issue-list.js';
import { MAX_EMAIL_LENGTH, MAX_ROSTER_ID_LENGTH, MAX_ROSTER_NAME_LENGTH } from './limits.js';
import { RecordReader } from './record-reader.js';
import { reportUnknownFields } from './report-unknown-fields.js';

/** The outcome of {@link validateRosterUser}: the normalised user, or every problem found. */
export type RosterUserValidationResult =
  { ok: true; user: RosterUser } | { ok: false; errors: FieldIssue[] };

const KNOWN = new Set<string>(['id', 'name', 'email', 'licensed', 'active']);

/** One `@`, no spaces, and a domain that neither starts nor ends with a dot: a shape check only. */
const EMAIL_SHAPE = /^[^\s@]+@(?!\.)[^\s@]*[^\s@.]$/;

/**
 * Validates one roster record `{ id, name?, email?, licensed?, active? }` (DESIGN §2, Roster).
 * `licensed` and `active` default to `true`: a user sent to the roster holds a seat unless told
 * otherwise. Unknown fields are refused. Never throws.
 *
 * @example
 * ```ts
 * validateRosterUser({ id: 'u1', email: 'ada@example.com' });
 * // { ok: true, user: { id: 'u1', email: 'ada@example.com', licensed: true, active: true } }
 * ```
 */
export function validateRosterUser(input: unknown): RosterUserValidationResult {
  const issues = new IssueList();
  let user: RosterUser | undefined;
  try {
    user = readUser(input, issues);
  } catch {
    issues.add('', 'could not be read: inspecting it threw an error');
  }
  return user !== undefined && issues.size === 0
    ? { ok: true, user }
    : { ok: false, errors: issues.toArray() };
}

function readUser(input: unknown, issues: IssueList): RosterUser | undefined {
  const record = RecordReader.open(input, '', issues);
  if (!record) return undefined;
  reportUnknownFields(record, KNOWN, '', issues);
  const id = checkString(record.get('id'), 'id', issues, {
    maxLength: MAX_ROSTER_ID_LENGTH,
    required: !record.isUnreadable('id'),
  });
  const name = checkString(record.get('name'), 'name', issues, {
    maxLength: MAX_ROSTER_NAME_LENGTH,
  });
  const email = checkString(record.get('email'), 'email', issues, {
    maxLength: MAX_EMAIL_LENGTH,
    pattern: EMAIL_SHAPE,
    patternReason: 'must look like an email address (name@example.com)',
  });
  const licensed = checkChoice(record.get('licensed'), 'licensed', issues, [true, false]);
  const active = checkChoice(record.get('active'), 'active', issues, [true, false]);
  if (id === undefined) return undefined;
  const user: RosterUser = { id, licensed: licensed ?? true, active: active ?? true };
  if (name !== undefined) user.name = name;
  if (email !== undefined) user.email = email;
  return user;
}
