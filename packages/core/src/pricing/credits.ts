import { TallyError, describeValue, fieldError, type FieldIssue } from '../errors.js';
import type { CreditRules } from '../settings.js';
import { describeInput } from '../validation/describe-input.js';
import { childPath } from '../validation/field-path.js';
import { snapshotBase } from './model-name.js';

/** A credit multiplier's tier: `premium` (≥ 2×), `standard` (1× up to 2×), `economy` (< 1×). */
export type CreditTier = 'premium' | 'standard' | 'economy';

/** The event fields credits depend on. */
export interface CreditedEvent {
  name: string;
  model?: string;
  /** App-supplied credits, which win over the rules. */
  credits?: number;
}

/** Rules checked and indexed once: exact names, and models by lower-cased name. */
interface CompiledRules {
  base: Map<string, number>;
  multipliers: Map<string, number>;
}

const compiledRules = new WeakMap<CreditRules, CompiledRules>();

/**
 * Checks credit rules: an object with optional `base` (per event name) and `multipliers` (per
 * model) maps of non-negative finite numbers, with no model named twice up to letter case.
 *
 * @throws {TallyError} `invalid_credit_rules` naming the first bad field, e.g.
 *   `credits.multipliers["gpt-4o"]: must be a non-negative finite number (got -2)`.
 */
export function validateCreditRules(rules: unknown, field = 'credits'): CreditRules | undefined {
  if (rules === undefined) return undefined;
  compile(rules as CreditRules, field);
  return rules as CreditRules;
}

/**
 * The credit multiplier of `model`: the configured one (model names match case-insensitively,
 * and a dated snapshot such as `gpt-4o-2024-08-06` takes its base model's), else 1.
 *
 * @example
 * ```ts
 * multiplierFor('claude-opus-4-1', { multipliers: { 'claude-opus-4-1': 2 } }); // 2
 * ```
 */
export function multiplierFor(model: string | undefined, rules?: CreditRules): number {
  if (model === undefined || rules === undefined) return 1;
  const { multipliers } = compile(rules);
  if (multipliers.size === 0 || typeof model !== 'string') return 1;
  const key = model.toLowerCase();
  const exact = multipliers.get(key);
  if (exact !== undefined) return exact;
  const base = snapshotBase(key);
  return (base === undefined ? undefined : multipliers.get(base)) ?? 1;
}

/**
 * The credits an event costs: its app-supplied `credits` when present, else
 * `base(name) × multiplier(model)`, each 1 unless configured. Products are rounded to 9 decimal
 * places, so a base of 0.1 at 3× is 0.3 rather than 0.30000000000000004.
 *
 * @example
 * ```ts
 * const rules = { base: { 'doc.generate': 5 }, multipliers: { 'gpt-4o-mini': 0.5 } };
 * creditsFor({ name: 'doc.generate', model: 'gpt-4o-mini' }, rules); // 2.5
 * creditsFor({ name: 'doc.generate', credits: 7 }, rules); // 7
 * ```
 */
export function creditsFor(event: CreditedEvent, rules?: CreditRules): number {
  const supplied = event.credits;
  if (supplied !== undefined) {
    if (typeof supplied !== 'number' || !(supplied >= 0) || !Number.isFinite(supplied)) {
      throw fieldError(
        'invalid_event',
        'credits',
        `must be a non-negative finite number (got ${describeValue(supplied)})`,
      );
    }
    return supplied;
  }
  if (rules === undefined) return 1;
  const base = compile(rules).base.get(event.name) ?? 1;
  const credits = base * multiplierFor(event.model, rules);
  if (Number.isInteger(credits) || credits > 1e6) return credits;
  return Math.round(credits * 1e9) / 1e9;
}

/**
 * The tier a credit multiplier falls in: `premium` from 2×, `standard` from 1× up to 2×,
 * `economy` below 1×.
 *
 * @throws {TallyError} `invalid_multiplier` when `multiplier` is negative or not finite.
 */
export function tierOf(multiplier: number): CreditTier {
  if (typeof multiplier !== 'number' || !Number.isFinite(multiplier) || multiplier < 0) {
    throw fieldError(
      'invalid_multiplier',
      'multiplier',
      `must be a non-negative finite number (got ${describeValue(multiplier)})`,
    );
  }
  if (multiplier >= 2) return 'premium';
  return multiplier >= 1 ? 'standard' : 'economy';
}

function compile(rules: CreditRules, field = 'credits'): CompiledRules {
  if (typeof rules === 'object' && rules !== null) {
    const known = compiledRules.get(rules);
    if (known) return known;
  }
  const issues: FieldIssue[] = [];
  const compiled: CompiledRules = { base: new Map(), multipliers: new Map() };
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
    issues.push({ path: field, reason: `must be an object (got ${describeInput(rules)})` });
    throw toError(issues);
  }
  for (const key of Object.keys(rules)) {
    if (key !== 'base' && key !== 'multipliers') {
      const value = describeInput((rules as Record<string, unknown>)[key]);
      issues.push({
        path: childPath(field, key),
        reason: `is not a credit rule; use base or multipliers (got ${value})`,
      });
    }
  }
  readMap(rules.base, childPath(field, 'base'), issues, (name, value) => {
    compiled.base.set(name, value);
  });
  const spelled = new Map<string, string>();
  readMap(rules.multipliers, childPath(field, 'multipliers'), issues, (model, value, path) => {
    const key = model.toLowerCase();
    const other = spelled.get(key);
    if (other !== undefined) {
      issues.push({
        path,
        reason: `names the same model as ${JSON.stringify(other)} (model names ignore case)`,
      });
    }
    spelled.set(key, model);
    compiled.multipliers.set(key, value);
  });
  if (issues.length > 0) throw toError(issues);
  compiledRules.set(rules, compiled);
  return compiled;
}

function readMap(
  map: unknown,
  path: string,
  issues: FieldIssue[],
  accept: (key: string, value: number, path: string) => void,
): void {
  if (map === undefined) return;
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    issues.push({ path, reason: `must be an object (got ${describeInput(map)})` });
    return;
  }
  for (const [key, value] of Object.entries(map)) {
    const where = childPath(path, key);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      const reason = `must be a non-negative finite number (got ${describeInput(value)})`;
      issues.push({ path: where, reason });
    } else accept(key, value, where);
  }
}

function toError(issues: FieldIssue[]): TallyError {
  const [first] = issues as [FieldIssue];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : '';
  return new TallyError(`${first.path}: ${first.reason}${more}`, {
    code: 'invalid_credit_rules',
    field: first.path,
    issues,
  });
}
