import { describeInput } from './describe-input.js';
import type { IssueList } from './issue-list.js';
import { codePointLength, hasUnpairedSurrogate } from './utf8-length.js';

/** What {@link checkString} demands of a string field. */
export interface StringRules {
  /** Most characters (Unicode code points) allowed. */
  maxLength: number;
  /** Whether a missing value is an issue. @default false */
  required?: boolean;
  /** Whether `''` is accepted. @default false */
  allowEmpty?: boolean;
  /** A pattern the whole value must match. */
  pattern?: RegExp;
  /** The reason given when `pattern` does not match. */
  patternReason?: string;
}

/**
 * Checks a string field, reporting every problem at `path`, and returns the value when valid.
 * `undefined` means absent; empty strings are refused unless allowed, so an optional field is
 * either omitted or meaningful.
 */
export function checkString(
  value: unknown,
  path: string,
  issues: IssueList,
  rules: StringRules,
): string | undefined {
  if (value === undefined) {
    if (rules.required) issues.add(path, 'is required');
    return undefined;
  }
  if (typeof value !== 'string') {
    const hint = value === null && !rules.required ? ' (omit the field when there is none)' : '';
    issues.add(path, `must be a string${hint}, got ${describeInput(value)}`);
    return undefined;
  }
  if (value === '') {
    if (rules.allowEmpty) return value;
    const hint = rules.required ? '' : ' (omit the field when there is none)';
    issues.add(path, `must not be empty${hint}`);
    return undefined;
  }
  // A code point is one or two UTF-16 units, so the exact count is only needed in between.
  if (value.length > rules.maxLength) {
    const length = codePointLength(value);
    if (length > rules.maxLength) {
      issues.add(path, `must be at most ${rules.maxLength} characters, got ${length}`);
      return undefined;
    }
  }
  if (hasUnpairedSurrogate(value)) {
    issues.add(path, 'must be valid Unicode text (it has an unpaired surrogate)');
    return undefined;
  }
  if (rules.pattern && !rules.pattern.test(value)) {
    issues.add(
      path,
      `${rules.patternReason ?? 'has an invalid format'}, got ${describeInput(value)}`,
    );
    return undefined;
  }
  return value;
}
