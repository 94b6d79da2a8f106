import { describeInput } from './describe-input.js';
import type { IssueList } from './issue-list.js';

/** What {@link checkNumber} demands of a numeric field. */
export interface NumberRules {
  /** Smallest value allowed. */
  min?: number;
  /** Largest value allowed. */
  max?: number;
  /** Whether the value must be a safe integer. @default false */
  integer?: boolean;
}

/**
 * Checks a numeric field, reporting at `path` with the expectation spelled out
 * (`must be a non-negative integer, got -3`), and returns the value when valid. `undefined`
 * means absent; `-0` comes back as `0`.
 */
export function checkNumber(
  value: unknown,
  path: string,
  issues: IssueList,
  rules: NumberRules,
): number | undefined {
  if (value === undefined) return undefined;
  const expected = describeRules(rules);
  const valid =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!rules.integer || Number.isInteger(value)) &&
    (rules.min === undefined || value >= rules.min) &&
    (rules.max === undefined || value <= rules.max);
  if (!valid) {
    issues.add(path, `must be ${expected}, got ${describeInput(value)}`);
    return undefined;
  }
  if (rules.integer && !Number.isSafeInteger(value)) {
    issues.add(path, `must be at most ${Number.MAX_SAFE_INTEGER} (a safe integer), got ${value}`);
    return undefined;
  }
  return value === 0 ? 0 : value;
}

function describeRules(rules: NumberRules): string {
  const kind = rules.integer ? 'integer' : 'number';
  const article = rules.integer ? 'an' : 'a';
  if (rules.min !== undefined && rules.max !== undefined) {
    return `${article} ${kind} from ${rules.min} to ${rules.max}`;
  }
  if (rules.min === 0) return `a non-negative ${kind}`;
  if (rules.min !== undefined) return `${article} ${kind} of at least ${rules.min}`;
  if (rules.max !== undefined) return `${article} ${kind} of at most ${rules.max}`;
  return rules.integer ? 'an integer' : 'a finite number';
}
