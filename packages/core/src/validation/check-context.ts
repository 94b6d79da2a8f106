import type { EventContext } from '../event.js';
import { checkString } from './check-string.js';
import type { IssueList } from './issue-list.js';
import { MAX_CONTEXT_FIELD_LENGTH, MAX_CONTEXT_URL_LENGTH } from './limits.js';
import { RecordReader } from './record-reader.js';
import { reportUnknownFields } from './report-unknown-fields.js';

const LIMITS: Record<keyof EventContext, number> = {
  page: MAX_CONTEXT_URL_LENGTH,
  referrer: MAX_CONTEXT_URL_LENGTH,
  browser: MAX_CONTEXT_FIELD_LENGTH,
  os: MAX_CONTEXT_FIELD_LENGTH,
  timezone: MAX_CONTEXT_FIELD_LENGTH,
  locale: MAX_CONTEXT_FIELD_LENGTH,
};
const KNOWN = new Set(Object.keys(LIMITS));
/** Each field with its path and rules, built once rather than for every event. */
const FIELDS = (Object.entries(LIMITS) as [keyof EventContext, number][]).map(
  ([key, maxLength]) => ({ key, path: `context.${key}`, rules: { maxLength } }),
);
const SERVER_FIELDS = new Set(['ip', 'country', 'region', 'city']);

/**
 * Checks an event's client `context` and returns its present fields (`undefined` when absent or
 * empty). The request's `ip`, `country`, `region` and `city` are refused: only the server sets
 * them, from the request itself.
 */
export function checkContext(value: unknown, issues: IssueList): EventContext | undefined {
  if (value === undefined) return undefined;
  const record = RecordReader.open(value, 'context', issues);
  if (!record) return undefined;
  reportUnknownFields(record, KNOWN, 'context', issues, (key) =>
    SERVER_FIELDS.has(key)
      ? 'is set by the server from the request; the client must not send it'
      : undefined,
  );
  const context: EventContext = {};
  for (const { key, path, rules } of FIELDS) {
    const text = checkString(record.get(key), path, issues, rules);
    if (text !== undefined) context[key] = text;
  }
  return Object.keys(context).length === 0 ? undefined : context;
}
