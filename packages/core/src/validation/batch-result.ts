import type { FieldIssue } from '../errors.js';

/** An item of a batch that was refused, with every problem found (paths relative to it). */
export interface RejectedItem {
  /** Position of the item in the submitted array. */
  index: number;
  /** Every problem found, e.g. `{ path: 'tokens.input', reason: '...' }`. */
  errors: FieldIssue[];
}

/** An item of a batch skipped because another item with the same id was kept. */
export interface DuplicateItem {
  /** Position of the skipped item in the submitted array. */
  index: number;
  /** The id it shares with the kept item. */
  id: string;
  /** Position of the item that was kept instead. */
  keptIndex: number;
}
