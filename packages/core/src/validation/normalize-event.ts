import { TallyError, type FieldIssue } from '../errors.js';
import type { NormalizedEvent } from '../event.js';
import { validateEvent, type ValidateEventOptions } from './validate-event.js';

/**
 * Validates and normalises one event like {@link validateEvent}, but throws a `TallyError`
 * (`invalid_event`) carrying every issue when it is invalid: for callers that hold events in
 * memory and want one failure, not a result to inspect.
 *
 * @example
 * ```ts
 * engine.append([enrichEvent(normalizeEvent(input), settings)]);
 * ```
 */
export function normalizeEvent(input: unknown, options?: ValidateEventOptions): NormalizedEvent {
  const result = validateEvent(input, options);
  if (result.ok) return result.event;
  const [first, ...others] = result.errors;
  throw new TallyError(describeIssues(first, others), {
    code: 'invalid_event',
    field: first.path === '' ? 'event' : first.path,
    issues: result.errors,
  });
}

function describeIssues(first: FieldIssue, others: FieldIssue[]): string {
  const head = `${first.path === '' ? 'event' : first.path}: ${first.reason}`;
  if (others.length === 0) return head;
  const paths = others.map((issue) => issue.path || 'event');
  const shown = paths.length > 3 ? [...paths.slice(0, 3), '…'] : paths;
  const noun = others.length === 1 ? 'problem' : 'problems';
  return `${head} (and ${others.length} more ${noun}: ${shown.join(', ')})`;
}
