import { byteLength } from './byte-length.js';

// The wire rules of DESIGN §2 (limits as in core's validation/limits.ts), as a predicate.
const ID = /^[\w.:-]{1,64}$/;
const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const DATE_TIME = /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(:\d\d([.,]\d+)?)?([Zz]|[+-]\d\d(:?\d\d)?)$/;
const CHOICES: Record<string, unknown[]> = {
  actor: ['user', 'system'],
  status: ['ok', 'error'],
  feedback: [1, -1],
};
// [min, max, integer?]
const NUMBERS: Record<string, number[]> = {
  costUsd: [0, 1e6],
  credits: [0, Infinity],
  latencyMs: [0, Infinity],
  rating: [1, 5, 1],
  value: [-Infinity, Infinity],
};
// Longest length in characters; 0: an id.
const STRINGS: Record<string, number> = {
  id: 0,
  name: 128,
  userId: 256,
  agent: 128,
  category: 64,
  source: 64,
  endpoint: 256,
  sessionId: 128,
  conversationId: 128,
  model: 128,
  provider: 128,
  errorType: 128,
  targetId: 0,
};
const OBJECTS = ['timestamp', 'tokens', 'context', 'properties'];
const BUCKETS = ['input', 'output', 'cachedInput', 'cacheWrite', 'reasoning'];
const CONTEXT: Record<string, number> = {
  page: 2048,
  referrer: 2048,
  browser: 128,
  os: 128,
  timezone: 128,
  locale: 128,
};

type Fields = Record<string, unknown>;

const own = (record: object, key: string) => Object.hasOwn(record, key);

const isPlain = (value: unknown): value is Fields =>
  Object.prototype.toString.call(value) == '[object Object]';

const isText = (value: unknown, maxLength: number, allowEmpty?: boolean) =>
  typeof value == 'string' &&
  (allowEmpty || value != '') &&
  (maxLength ? value.length <= maxLength || [...value].length <= maxLength : ID.test(value)) &&
  !UNPAIRED.test(value);

const isCount = (value: unknown) =>
  value === undefined || (Number.isSafeInteger(value) && (value as number) >= 0);

/**
 * Whether core's `validateEvent` would accept `event`: the same rules (DESIGN §2), checked in a
 * fraction of its size and time, without building messages. The tracker runs it on every event;
 * only for an event it refuses does it load core's validator, for the exact path and reason of
 * each problem (and core's word is final). Timestamp strings get a format check (core also
 * checks the calendar date).
 *
 * @example
 * ```ts
 * isValidEvent({ id: 'e1', name: 'chat.message', timestamp: 0 }); // true
 * isValidEvent({ id: 'e1', name: 'chat.message', timestamp: 0, tokens: { input: -3 } }); // false
 * ```
 */
export function isValidEvent(event: unknown): boolean {
  if (!isPlain(event)) return false;
  const { timestamp, tokens, context, properties } = event;
  for (const key of Object.keys(event)) {
    const value = event[key];
    const limits = own(NUMBERS, key) && NUMBERS[key];
    const string = own(STRINGS, key);
    const choices = own(CHOICES, key) && CHOICES[key];
    if (!string && !choices && !limits && !OBJECTS.includes(key)) return false;
    if (value === undefined) continue;
    if ((string && !isText(value, STRINGS[key])) || (choices && !choices.includes(value))) {
      return false;
    }
    if (
      limits &&
      !(
        Number.isFinite(value) &&
        (value as number) >= limits[0] &&
        (value as number) <= limits[1] &&
        (!limits[2] || Number.isInteger(value))
      )
    ) {
      return false;
    }
  }
  if (
    !isText(event.id, 0) ||
    !isText(event.name, 128) ||
    (event.actor == 'user' && event.userId === undefined) ||
    !(typeof timestamp == 'number'
      ? timestamp >= 0 && timestamp <= 8.64e15
      : typeof timestamp == 'string' && timestamp.length < 65 && DATE_TIME.test(timestamp))
  ) {
    return false;
  }
  if (tokens !== undefined) {
    if (!isPlain(tokens) || !Object.keys(tokens).every((key) => BUCKETS.includes(key)))
      return false;
    const {
      input,
      output,
      cachedInput = 0,
      cacheWrite = 0,
      reasoning,
    } = tokens as Record<string, number>;
    if (
      !BUCKETS.every((bucket) => isCount(tokens[bucket])) ||
      !BUCKETS.some((bucket) => tokens[bucket] !== undefined) ||
      ((tokens.cachedInput ?? tokens.cacheWrite) !== undefined &&
        !(cachedInput + cacheWrite <= input)) ||
      (reasoning !== undefined && !(reasoning <= output))
    ) {
      return false;
    }
  }
  if (context !== undefined) {
    if (!isPlain(context)) return false;
    for (const key of Object.keys(context)) {
      const value = context[key];
      if (!own(CONTEXT, key) || (value !== undefined && !isText(value, CONTEXT[key]))) {
        return false;
      }
    }
  }
  if (properties !== undefined) {
    if (!isPlain(properties)) return false;
    const keys = Object.keys(properties);
    if (keys.length > 50) return false;
    for (const key of keys) {
      const value = properties[key];
      if (
        !isText(key, 128) ||
        key == '__proto__' ||
        (typeof value == 'string'
          ? byteLength(value) > 1024 || !isText(value, 1024, true)
          : typeof value == 'number'
            ? !Number.isFinite(value)
            : value != null && typeof value != 'boolean' && value !== undefined)
      ) {
        return false;
      }
    }
  }
  return true;
}
