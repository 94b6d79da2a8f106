import type { FieldIssue } from '../errors.js';
import { MAX_ISSUES } from './limits.js';

/**
 * Collects the problems of one validated value, keeping at most {@link MAX_ISSUES} of them so a
 * hostile input with a million bad fields cannot produce a million-entry answer.
 */
export class IssueList {
  readonly #issues: FieldIssue[] = [];
  #dropped = 0;

  /** Records that `path` was refused because of `reason`. */
  add(path: string, reason: string): void {
    if (this.#issues.length < MAX_ISSUES) this.#issues.push({ path, reason });
    else this.#dropped += 1;
  }

  /** How many problems were found, including any beyond the cap. */
  get size(): number {
    return this.#issues.length + this.#dropped;
  }

  /** The problems found, with a closing summary when some were left out. */
  toArray(): FieldIssue[] {
    const issues = [...this.#issues];
    if (this.#dropped > 0) {
      issues.push({ path: '', reason: `and ${this.#dropped} more problems not listed` });
    }
    return issues;
  }
}
