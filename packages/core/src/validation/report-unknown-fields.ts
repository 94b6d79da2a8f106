import { childPath } from './field-path.js';
import type { IssueList } from './issue-list.js';
import type { RecordReader } from './record-reader.js';

/**
 * Reports every key of `record` not in `known` as `unknown field`, suggesting the known field it
 * most likely meant (`user_id` → `userId`). `explain` may give a more specific reason for a key.
 */
export function reportUnknownFields(
  record: RecordReader,
  known: ReadonlySet<string>,
  path: string,
  issues: IssueList,
  explain?: (key: string) => string | undefined,
): void {
  for (const key of record.keys) {
    if (known.has(key)) continue;
    const reason = explain?.(key) ?? unknownReason(key, known);
    issues.add(childPath(path, key), reason);
  }
}

function unknownReason(key: string, known: ReadonlySet<string>): string {
  if (key.length > 64) return 'unknown field';
  const wanted = simplify(key);
  for (const candidate of known) {
    if (simplify(candidate) === wanted) return `unknown field (did you mean ${candidate}?)`;
  }
  return 'unknown field';
}

function simplify(key: string): string {
  return key.toLowerCase().replace(/[_\-\s]/g, '');
}
