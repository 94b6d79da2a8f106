import type { NormalizedTokens } from '../event.js';
import { checkNumber } from './check-number.js';
import type { IssueList } from './issue-list.js';
import { RecordReader } from './record-reader.js';
import { reportUnknownFields } from './report-unknown-fields.js';

type Bucket = keyof NormalizedTokens;

const BUCKETS: readonly Bucket[] = ['input', 'output', 'cachedInput', 'cacheWrite', 'reasoning'];
const KNOWN = new Set<string>(BUCKETS);
/** Each bucket with its path, built once rather than for every event. */
const BUCKET_PATHS = BUCKETS.map((bucket) => ({ bucket, path: `tokens.${bucket}` }));
const COUNT_RULES = { min: 0, integer: true };

/**
 * Checks an event's `tokens` and completes it: every bucket present (a missing one is 0), or
 * `null` when the event carries none. Enforces the GenAI convention that `input` includes
 * `cachedInput` and `cacheWrite`, and `output` includes `reasoning`.
 *
 * @example
 * ```ts
 * checkTokens({ input: 100, cachedInput: 40 }, issues);
 * // { input: 100, output: 0, cachedInput: 40, cacheWrite: 0, reasoning: 0 }
 * ```
 */
export function checkTokens(value: unknown, issues: IssueList): NormalizedTokens | null {
  if (value === undefined) return null;
  const record = RecordReader.open(value, 'tokens', issues);
  if (!record) return null;
  reportUnknownFields(record, KNOWN, 'tokens', issues);

  const given: Partial<NormalizedTokens> = {};
  let allValid = true;
  for (const { bucket, path } of BUCKET_PATHS) {
    const raw = record.get(bucket);
    const count = checkNumber(raw, path, issues, COUNT_RULES);
    if (count !== undefined) given[bucket] = count;
    else if (raw !== undefined || record.isUnreadable(bucket)) allValid = false;
  }
  if (!allValid) return null;
  if (Object.keys(given).length === 0) {
    if (record.keys.every((key) => KNOWN.has(key))) {
      issues.add(
        'tokens',
        `must have at least one of ${BUCKETS.join(', ')} (omit tokens when there are none)`,
      );
    }
    return null;
  }
  checkConsistency(given, issues);
  return {
    input: given.input ?? 0,
    output: given.output ?? 0,
    cachedInput: given.cachedInput ?? 0,
    cacheWrite: given.cacheWrite ?? 0,
    reasoning: given.reasoning ?? 0,
  };
}

function checkConsistency(given: Partial<NormalizedTokens>, issues: IssueList): void {
  const { input, output, cachedInput, cacheWrite, reasoning } = given;
  const cachePath = cachedInput === undefined ? 'tokens.cacheWrite' : 'tokens.cachedInput';
  if (cachedInput !== undefined || cacheWrite !== undefined) {
    const cached = (cachedInput ?? 0) + (cacheWrite ?? 0);
    if (input === undefined) {
      issues.add(cachePath, 'needs tokens.input too: input includes cached and cache-write tokens');
    } else if (cached > input) {
      const parts =
        cachedInput !== undefined && cacheWrite !== undefined
          ? `cachedInput + cacheWrite (${cachedInput} + ${cacheWrite})`
          : `${cachedInput === undefined ? 'cacheWrite' : 'cachedInput'} (${cached})`;
      issues.add(
        cachePath,
        `${parts} must not exceed input (${input}): input includes cached and cache-write tokens`,
      );
    }
  }
  if (reasoning !== undefined) {
    if (output === undefined) {
      issues.add('tokens.reasoning', 'needs tokens.output too: output includes reasoning tokens');
    } else if (reasoning > output) {
      issues.add(
        'tokens.reasoning',
        `must not exceed output (${reasoning} > ${output}): output includes reasoning tokens`,
      );
    }
  }
}
