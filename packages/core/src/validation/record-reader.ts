import { describeInput } from './describe-input.js';
import { childPath } from './field-path.js';
import type { IssueList } from './issue-list.js';

/**
 * A guarded view of one object under validation. It sees exactly the own enumerable string keys
 * (what `JSON.stringify` would send), never inherited ones, and turns a getter or proxy trap that
 * throws into an issue instead of an exception.
 */
export class RecordReader {
  /** The object's own enumerable keys, in their natural order. */
  readonly keys: readonly string[];
  readonly #source: Record<string, unknown>;
  readonly #path: string;
  readonly #issues: IssueList;
  readonly #own: Set<string>;
  // Made on the first unreadable key: JSON input never has one, so most readers never need it.
  #unreadable: Set<string> | undefined;
  readonly #values = new Map<string, unknown>();

  private constructor(source: object, keys: string[], path: string, issues: IssueList) {
    this.#source = source as Record<string, unknown>;
    this.keys = keys;
    this.#own = new Set(keys);
    this.#path = path;
    this.#issues = issues;
  }

  /**
   * Opens `value` for reading, or reports at `path` why it cannot be (not a plain object, or its
   * keys cannot be listed) and returns `undefined`. Class instances are read like objects; built-in
   * collections and dates are refused.
   */
  static open(value: unknown, path: string, issues: IssueList): RecordReader | undefined {
    if (typeof value !== 'object' || value === null) {
      issues.add(path, `must be an object, got ${describeInput(value)}`);
      return undefined;
    }
    try {
      if (Array.isArray(value)) {
        issues.add(path, 'must be an object, got an array');
        return undefined;
      }
      // A Map, Date or Set has no own keys, so it would silently read as an empty object.
      const tag = Object.prototype.toString.call(value).slice(8, -1);
      if (tag !== 'Object') {
        issues.add(path, `must be a plain object, got a ${tag}`);
        return undefined;
      }
      return new RecordReader(value, Object.keys(value), path, issues);
    } catch {
      issues.add(path, 'could not be read: inspecting it threw an error');
      return undefined;
    }
  }

  /**
   * The value of own key `key`, or `undefined` when absent or unreadable (reported once). Each
   * key is read once, so a getter cannot answer differently to two checks.
   */
  get(key: string): unknown {
    if (!this.#own.has(key)) return undefined;
    // A key read once is answered from memory (an unreadable key is never remembered there).
    if (this.#values.has(key)) return this.#values.get(key);
    if (this.#unreadable?.has(key) === true) return undefined;
    try {
      const value = this.#source[key];
      this.#values.set(key, value);
      return value;
    } catch {
      (this.#unreadable ??= new Set()).add(key);
      this.#issues.add(childPath(this.#path, key), 'could not be read: its getter threw an error');
      return undefined;
    }
  }

  /** Whether reading `key` threw, so a missing value is already explained. */
  isUnreadable(key: string): boolean {
    return this.#unreadable?.has(key) === true;
  }
}
