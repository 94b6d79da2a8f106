import { describeValue, TallyError } from '@tally/core';

/** A config error naming the offending field: `field: reason (got value)`. */
export function configError(field: string, reason: string, ...value: [unknown?]): TallyError {
  const got = value.length > 0 ? ` (got ${describeValue(value[0])})` : '';
  return new TallyError(`${field}: ${reason}${got}`, { code: 'invalid_config', field });
}

/** Checks that `value` is a plain object holding only `known` keys, and returns it. */
export function readObject(
  value: unknown,
  field: string,
  known: readonly string[],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw configError(field, 'must be an object', value);
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw configError(`${field}.${key}`, `is not a known setting; known: ${known.join(', ')}`);
    }
  }
  return value as Record<string, unknown>;
}

/** An optional object: `undefined` stays `undefined`. */
export function readOptionalObject(
  value: unknown,
  field: string,
  known: readonly string[],
): Record<string, unknown> | undefined {
  return value === undefined ? undefined : readObject(value, field, known);
}

/** A non-empty string of at most `maxLength` characters, optionally matching `pattern`. */
export function readString(
  value: unknown,
  field: string,
  options: { maxLength?: number; pattern?: RegExp; describe?: string } = {},
): string {
  const { maxLength = 1024, pattern, describe } = options;
  if (typeof value !== 'string' || value.length === 0) {
    throw configError(field, 'must be a non-empty string', value);
  }
  if (value.length > maxLength) {
    throw configError(field, `must be at most ${maxLength} characters`, value);
  }
  if (pattern !== undefined && !pattern.test(value)) {
    throw configError(field, `must be ${describe ?? `of the form ${pattern}`}`, value);
  }
  return value;
}

/** An optional number within `[min, max]`, an integer when `integer`; `fallback` when absent. */
export function readNumber(
  value: unknown,
  field: string,
  fallback: number,
  options: { min?: number; max?: number; integer?: boolean } = {},
): number {
  if (value === undefined) return fallback;
  const { min = 0, max = Number.MAX_SAFE_INTEGER, integer = false } = options;
  const kind = integer ? 'a whole number' : 'a number';
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value))
  ) {
    throw configError(field, `must be ${kind}`, value);
  }
  if (value < min || value > max) {
    throw configError(field, `must be ${kind} from ${min} to ${max}`, value);
  }
  return value;
}

/** An optional boolean; `fallback` when absent. */
export function readBoolean(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw configError(field, 'must be true or false', value);
  return value;
}

/** An array of strings, each checked by `readString` with `options`. */
export function readStringList(
  value: unknown,
  field: string,
  options: Parameters<typeof readString>[2] & { minItems?: number } = {},
): string[] {
  if (!Array.isArray(value)) throw configError(field, 'must be an array of strings', value);
  if (value.length < (options.minItems ?? 0)) {
    throw configError(field, `must hold at least ${options.minItems} entries`, value);
  }
  return value.map((item: unknown, index) => readString(item, `${field}[${index}]`, options));
}
