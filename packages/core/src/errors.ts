const marker = Symbol.for('tally.error');

/** One field-level problem: where it is (`tokens.input`, `batch[3].name`) and why it was refused. */
export interface FieldIssue {
  /** Dotted path of the offending field, relative to what was validated. */
  path: string;
  /** Human-readable reason, naming the offending value where useful. */
  reason: string;
}

/** Options accepted by {@link TallyError}. */
export interface TallyErrorOptions {
  /** Machine-readable code, e.g. `invalid_event`, `invalid_range`, `invalid_query`. */
  code?: string;
  /** The field the error is about, when there is one. */
  field?: string;
  /** Every field-level problem found, when more than one. */
  issues?: FieldIssue[];
  /** The underlying error. */
  cause?: unknown;
}

/**
 * The one error class Tally throws. It carries a `code`, the offending `field` and, for
 * validation, every `issues` entry. Use {@link TallyError.isInstance} rather than `instanceof`:
 * the brand survives duplicated bundles.
 *
 * @example
 * ```ts
 * try { resolveRange({ preset: 'nope' }, { now }); }
 * catch (error) { if (TallyError.isInstance(error)) console.log(error.field, error.message); }
 * ```
 */
export class TallyError extends Error {
  private readonly [marker] = true;
  /** Machine-readable code. */
  readonly code: string;
  /** The field the error is about, when there is one. */
  readonly field: string | undefined;
  /** Every field-level problem found. */
  readonly issues: FieldIssue[];

  constructor(message: string, options: TallyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TallyError';
    this.code = options.code ?? 'tally_error';
    this.field = options.field;
    this.issues =
      options.issues ?? (options.field ? [{ path: options.field, reason: message }] : []);
  }

  /** Whether `error` is a {@link TallyError}, from this copy of the library or another. */
  static isInstance(error: unknown): error is TallyError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** Shorthand for a {@link TallyError} about one field: `field: reason`. */
export function fieldError(code: string, field: string, reason: string): TallyError {
  return new TallyError(`${field}: ${reason}`, { code, field });
}

/** Renders a value briefly for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
