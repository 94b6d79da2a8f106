import { TallyError, type FieldIssue } from '../errors.js';
import type { CatalogEntry } from '../settings.js';
import { describeInput } from '../validation/describe-input.js';
import { childPath } from '../validation/field-path.js';
import { MAX_RATE_PER_MTOK, toTokenRates, type TokenRates } from './cost.js';
import { parseEffectiveFrom } from './effective-from.js';

/** Longest `model` or `provider` in a catalog entry, like the event fields they match. */
const MAX_NAME_LENGTH = 128;

/** Most problems listed in one error, so a huge broken catalog gives a readable answer. */
const MAX_LISTED_ISSUES = 20;

const REQUIRED_RATES = ['inputPerMTok', 'outputPerMTok'] as const;
const OPTIONAL_RATES = ['cachedInputPerMTok', 'cacheWritePerMTok', 'reasoningPerMTok'] as const;
const KNOWN_FIELDS = new Set<string>([
  'model',
  'provider',
  'effectiveFrom',
  ...REQUIRED_RATES,
  ...OPTIONAL_RATES,
]);

/** A validated catalog entry with what lookups and pricing need precomputed. */
export interface ResolvedCatalogEntry {
  /** A frozen copy holding only the entry's known fields. */
  entry: CatalogEntry;
  /** `effectiveFrom` in epoch ms. */
  from: number;
  /** Lower-cased model, for case-insensitive matching. */
  modelKey: string;
  /** Lower-cased provider. */
  providerKey: string;
  rates: TokenRates;
}

/**
 * Validates a list of catalog entries and resolves them for pricing. Every problem is collected
 * and thrown as one {@link TallyError} (code `invalid_catalog`) whose `field` names the first,
 * e.g. `catalog[3].inputPerMTok: must be a non-negative number of at most 1000000 (got -2)`.
 * Two entries for the same model, provider and `effectiveFrom` (names compared
 * case-insensitively) are refused, since it would be unclear which price applies.
 */
export function validateCatalog(entries: unknown, field = 'catalog'): ResolvedCatalogEntry[] {
  const issues: FieldIssue[] = [];
  if (!Array.isArray(entries)) {
    const reason = `must be an array of catalog entries (got ${describeInput(entries)})`;
    throw toError([{ path: field, reason }]);
  }
  const resolved: ResolvedCatalogEntry[] = [];
  const seen = new Map<string, number>();
  entries.forEach((value: unknown, index) => {
    const path = `${field}[${index}]`;
    const entry = readEntry(value, path, issues);
    if (!entry) return;
    const from = parseEffectiveFrom(entry.effectiveFrom);
    const key = `${entry.model.toLowerCase()}\u0000${entry.provider.toLowerCase()}\u0000${from}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const reason = `has the same model, provider and effectiveFrom as ${field}[${first}]`;
      issues.push({ path, reason });
      return;
    }
    seen.set(key, index);
    resolved.push({
      entry,
      from: from!,
      modelKey: entry.model.toLowerCase(),
      providerKey: entry.provider.toLowerCase(),
      rates: toTokenRates(entry, path),
    });
  });
  if (issues.length > 0) throw toError(issues);
  return resolved;
}

function readEntry(value: unknown, path: string, issues: FieldIssue[]): CatalogEntry | undefined {
  const report = (where: string, reason: string): void => {
    issues.push({ path: where, reason });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report(path, `must be an object (got ${describeInput(value)})`);
    return undefined;
  }
  const source = value as Record<string, unknown>;
  const before = issues.length;
  for (const key of Object.keys(source)) {
    if (!KNOWN_FIELDS.has(key)) {
      report(
        childPath(path, key),
        `is not a catalog entry field (got ${describeInput(source[key])})`,
      );
    }
  }
  for (const key of ['model', 'provider'] as const) {
    const name = source[key];
    if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH) {
      const reason = `must be a non-empty string of at most ${MAX_NAME_LENGTH} characters`;
      report(`${path}.${key}`, `${reason} (got ${describeInput(name)})`);
    }
  }
  if (parseEffectiveFrom(source.effectiveFrom) === undefined) {
    const reason = 'must be an ISO-8601 date (YYYY-MM-DD) or date-time';
    report(`${path}.effectiveFrom`, `${reason} (got ${describeInput(source.effectiveFrom)})`);
  }
  for (const key of [...REQUIRED_RATES, ...OPTIONAL_RATES]) {
    const rate = source[key];
    if (rate === undefined && !(REQUIRED_RATES as readonly string[]).includes(key)) continue;
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= MAX_RATE_PER_MTOK)) {
      const reason =
        rate === undefined
          ? 'is required: USD per million tokens'
          : `must be a non-negative number of at most ${MAX_RATE_PER_MTOK}`;
      report(`${path}.${key}`, `${reason} (got ${describeInput(rate)})`);
    }
  }
  if (issues.length > before) return undefined;
  const entry: CatalogEntry = {
    model: source.model as string,
    provider: source.provider as string,
    effectiveFrom: source.effectiveFrom as string,
    inputPerMTok: source.inputPerMTok as number,
    outputPerMTok: source.outputPerMTok as number,
  };
  for (const key of OPTIONAL_RATES) {
    if (source[key] !== undefined) entry[key] = source[key] as number;
  }
  return Object.freeze(entry);
}

function toError(issues: FieldIssue[]): TallyError {
  const [first] = issues as [FieldIssue];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : '';
  return new TallyError(`${first.path}: ${first.reason}${more}`, {
    code: 'invalid_catalog',
    field: first.path,
    issues: issues.slice(0, MAX_LISTED_ISSUES),
  });
}
