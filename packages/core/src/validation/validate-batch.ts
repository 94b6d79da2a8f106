import type { NormalizedEvent } from '../event.js';
import type { DuplicateItem, RejectedItem } from './batch-result.js';
import { MAX_BATCH_EVENTS } from './limits.js';
import { readArray } from './read-array.js';
import { validateEvent, type ValidateEventOptions } from './validate-event.js';

/**
 * The outcome of {@link validateBatch}. Every submitted index appears in exactly one of
 * `accepted`, `duplicates` and `rejected`.
 */
export interface BatchValidationResult {
  /** The valid events, first of each id, normalised, in submitted order. */
  events: NormalizedEvent[];
  /** The submitted index of each entry of `events`. */
  accepted: number[];
  /** Valid events skipped because an earlier event of the batch has the same id. */
  duplicates: DuplicateItem[];
  /** Invalid events, each with every problem found. */
  rejected: RejectedItem[];
}

/**
 * Validates a batch of wire events (DESIGN §2): the valid ones are accepted even when others are
 * rejected, and an id repeated within the batch keeps its first valid event. A batch that is not
 * an array or holds more than {@link MAX_BATCH_EVENTS} events is refused whole with a
 * `TallyError` (`invalid_batch`, field `batch`). The 1 MiB byte limit is the caller's to check on
 * the raw body (`MAX_BATCH_BYTES`).
 *
 * @example
 * ```ts
 * const { events, rejected } = validateBatch(body.batch, { now, maxFutureMs: 86_400_000 });
 * ```
 */
export function validateBatch(
  input: unknown,
  options?: ValidateEventOptions,
): BatchValidationResult {
  const items = readArray(input, {
    field: 'batch',
    code: 'invalid_batch',
    noun: 'events',
    maxItems: MAX_BATCH_EVENTS,
  });
  const result: BatchValidationResult = { events: [], accepted: [], duplicates: [], rejected: [] };
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const validation = validateEvent(item, options);
    if (!validation.ok) {
      result.rejected.push({ index, errors: validation.errors });
      return;
    }
    const { id } = validation.event;
    const keptIndex = firstIndex.get(id);
    if (keptIndex !== undefined) {
      result.duplicates.push({ index, id, keptIndex });
      return;
    }
    firstIndex.set(id, index);
    result.events.push(validation.event);
    result.accepted.push(index);
  });
  return result;
}
