import { describeInput } from './describe-input.js';
import type { IssueList } from './issue-list.js';

/**
 * Checks that a field is one of a fixed set of values (`actor`, `status`, `feedback`), reporting
 * the allowed values at `path` otherwise. `undefined` means absent.
 */
export function checkChoice<const T extends string | number | boolean>(
  value: unknown,
  path: string,
  issues: IssueList,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly unknown[]).includes(value)) return value as T;
  const allowed = choices.map((choice) => JSON.stringify(choice));
  const list =
    allowed.length === 2
      ? `${allowed[0]} or ${allowed[1]}`
      : `one of ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  issues.add(path, `must be ${list}, got ${describeInput(value)}`);
  return undefined;
}
