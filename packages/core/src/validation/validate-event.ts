import { TallyError, type FieldIssue } from '../errors.js';
import type { Actor, NormalizedEvent, TallyEvent } from '../event.js';
import { checkChoice } from './check-choice.js';
import { checkContext } from './check-context.js';
import { checkNumber } from './check-number.js';
import { checkProperties } from './check-properties.js';
import { checkString, type StringRules } from './check-string.js';
import { checkTokens } from './check-tokens.js';
import { IssueList } from './issue-list.js';
import { EVENT_FIELDS, ID_RULES, STRING_FIELDS, type OptionalStringField } from './event-fields.js';
import { MAX_COST_USD, MAX_NAME_LENGTH } from './limits.js';
import { parseTimestamp } from './parse-timestamp.js';
import { RecordReader } from './record-reader.js';
import { reportUnknownFields } from './report-unknown-fields.js';

/** Options of {@link validateEvent}. */
export interface ValidateEventOptions {
  /** The current time in epoch ms; needed for `maxFutureMs`. */
  now?: number;
  /**
   * Refuse timestamps more than this many ms after `now` (the server uses it to catch broken
   * clocks). Only applied when `now` is given too. @default no limit
   */
  maxFutureMs?: number;
}

/** The outcome of {@link validateEvent}: the normalised event, or every problem found. */
export type ValidationResult =
  { ok: true; event: NormalizedEvent } | { ok: false; errors: FieldIssue[] };

/**
 * Validates one wire event (DESIGN §2) and normalises it: timestamp in epoch ms, actor resolved,
 * token buckets complete, absent fields left out. Every problem is reported, each with its path
 * and reason (`tokens.input: must be a non-negative integer, got -3`). Never throws on any
 * `input`, however hostile; throws a `TallyError` only for invalid `options`.
 *
 * @example
 * ```ts
 * const result = validateEvent({ id: 'e1', name: 'chat.message', timestamp: '2026-01-15T09:30:00Z' });
 * if (result.ok) store(result.event); else reject(result.errors);
 * ```
 */
export function validateEvent(input: unknown, options?: ValidateEventOptions): ValidationResult {
  const futureLimit = readOptions(options);
  const issues = new IssueList();
  let event: NormalizedEvent | undefined;
  try {
    event = readEvent(input, issues, futureLimit);
  } catch {
    // A last guard: every read is already protected, but hostile input must never escape.
    issues.add('', 'could not be read: inspecting it threw an error');
  }
  return event !== undefined && issues.size === 0
    ? { ok: true, event }
    : { ok: false, errors: issues.toArray() };
}

// Rules built once rather than for every event.
const ID_REQUIRED: StringRules = { ...ID_RULES, required: true };
const ID_READ_FAILED: StringRules = { ...ID_RULES, required: false };
const NAME_REQUIRED: StringRules = { maxLength: MAX_NAME_LENGTH, required: true };
const NAME_READ_FAILED: StringRules = { maxLength: MAX_NAME_LENGTH, required: false };
const STRING_RULES = STRING_FIELDS.map(
  ([field, maxLength]) => [field, { maxLength }] as const satisfies readonly [string, StringRules],
);

function readEvent(
  input: unknown,
  issues: IssueList,
  futureLimit: FutureLimit | undefined,
): NormalizedEvent | undefined {
  const record = RecordReader.open(input, '', issues);
  if (!record) return undefined;
  reportUnknownFields(record, EVENT_FIELDS, '', issues);

  // An unreadable field is already reported, so it is not "required" a second time.
  const id = checkString(
    record.get('id'),
    'id',
    issues,
    record.isUnreadable('id') ? ID_READ_FAILED : ID_REQUIRED,
  );
  const name = checkString(
    record.get('name'),
    'name',
    issues,
    record.isUnreadable('name') ? NAME_READ_FAILED : NAME_REQUIRED,
  );
  const timestamp = readTimestamp(record, issues, futureLimit);

  const strings: Partial<Record<OptionalStringField, string>> = {};
  for (const [field, rules] of STRING_RULES) {
    const text = checkString(record.get(field), field, issues, rules);
    if (text !== undefined) strings[field] = text;
  }
  const actor = readActor(record, strings.userId, issues);
  const tokens = checkTokens(record.get('tokens'), issues);
  const extras = readMeasures(record, issues);
  const context = checkContext(record.get('context'), issues);
  const properties = checkProperties(record.get('properties'), issues);

  if (id === undefined || name === undefined || timestamp === undefined || actor === undefined) {
    return undefined;
  }
  const event: NormalizedEvent = { id, name, timestamp, actor, tokens };
  return Object.assign(event, strings, extras, omitUndefined({ context, properties }));
}

function readTimestamp(
  record: RecordReader,
  issues: IssueList,
  futureLimit: FutureLimit | undefined,
): number | undefined {
  const raw = record.get('timestamp');
  if (raw === undefined) {
    if (!record.isUnreadable('timestamp')) issues.add('timestamp', 'is required');
    return undefined;
  }
  const parsed = parseTimestamp(raw);
  if (!parsed.ok) {
    issues.add('timestamp', parsed.reason);
    return undefined;
  }
  if (futureLimit !== undefined && parsed.ms > futureLimit.now + futureLimit.maxFutureMs) {
    issues.add(
      'timestamp',
      `must be at most ${futureLimit.maxFutureMs} ms in the future, got ${parsed.ms - futureLimit.now} ms ahead`,
    );
    return undefined;
  }
  return parsed.ms;
}

function readActor(
  record: RecordReader,
  userId: string | undefined,
  issues: IssueList,
): Actor | undefined {
  const raw = record.get('actor');
  const actor = checkChoice(raw, 'actor', issues, ['user', 'system']);
  // An invalid userId is reported on its own; only a missing one makes `actor: user` wrong.
  if (actor === 'user' && record.get('userId') === undefined && !record.isUnreadable('userId')) {
    issues.add('actor', 'is user but the event has no userId');
  }
  if (raw !== undefined) return actor;
  return userId === undefined ? 'system' : 'user';
}

type Measures = Pick<
  TallyEvent,
  'costUsd' | 'credits' | 'latencyMs' | 'status' | 'feedback' | 'rating' | 'targetId' | 'value'
>;

function readMeasures(record: RecordReader, issues: IssueList): Measures {
  return omitUndefined({
    costUsd: checkNumber(record.get('costUsd'), 'costUsd', issues, { min: 0, max: MAX_COST_USD }),
    credits: checkNumber(record.get('credits'), 'credits', issues, { min: 0 }),
    latencyMs: checkNumber(record.get('latencyMs'), 'latencyMs', issues, { min: 0 }),
    status: checkChoice(record.get('status'), 'status', issues, ['ok', 'error']),
    feedback: checkChoice(record.get('feedback'), 'feedback', issues, [1, -1]),
    rating: checkNumber(record.get('rating'), 'rating', issues, { min: 1, max: 5, integer: true }),
    targetId: checkString(record.get('targetId'), 'targetId', issues, ID_RULES),
    value: checkNumber(record.get('value'), 'value', issues, {}),
  });
}

/** A copy of `fields` without its `undefined` entries, so absent fields stay absent. */
function omitUndefined<T extends object>(fields: T): T {
  const present: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) {
    if (fields[key] !== undefined) present[key] = fields[key];
  }
  return present as T;
}

interface FutureLimit {
  now: number;
  maxFutureMs: number;
}

function readOptions(options: ValidateEventOptions | undefined): FutureLimit | undefined {
  const { now, maxFutureMs } = options ?? {};
  checkOption('options.now', now);
  checkOption('options.maxFutureMs', maxFutureMs);
  return now !== undefined && maxFutureMs !== undefined ? { now, maxFutureMs } : undefined;
}

function checkOption(field: string, option: unknown): void {
  if (option === undefined) return;
  if (typeof option !== 'number' || !Number.isFinite(option) || option < 0) {
    throw new TallyError(`${field}: must be a non-negative finite number (got ${String(option)})`, {
      code: 'invalid_options',
      field,
    });
  }
}
