import { TallyError, describeValue, fieldError } from '../errors.js';
import type { NormalizedTokens } from '../event.js';
import type { CatalogEntry } from '../settings.js';

/** Highest rate a catalog entry may carry, in USD per million tokens ($1 a token). */
export const MAX_RATE_PER_MTOK = 1_000_000;

/**
 * An entry's rates per token, split into whole nanodollars and the picodollar remainder (0–999)
 * so a cost can be summed exactly without ever leaving safe integers.
 */
export interface TokenRates {
  inputNanos: number;
  inputPicos: number;
  cachedInputNanos: number;
  cachedInputPicos: number;
  cacheWriteNanos: number;
  cacheWritePicos: number;
  outputNanos: number;
  outputPicos: number;
  reasoningNanos: number;
  reasoningPicos: number;
}

const RATE_FIELDS = [
  'inputPerMTok',
  'outputPerMTok',
  'cachedInputPerMTok',
  'cacheWritePerMTok',
  'reasoningPerMTok',
] as const;

const TOKEN_FIELDS = ['input', 'output', 'cachedInput', 'cacheWrite', 'reasoning'] as const;

/**
 * Converts an entry's USD-per-million-token rates to {@link TokenRates}, filling the defaults
 * (cached input and cache writes at the input rate, reasoning at the output rate). Each rate is
 * taken to the nearest picodollar per token, i.e. 6 decimals of USD per million tokens.
 */
export function toTokenRates(entry: CatalogEntry, field = 'entry'): TokenRates {
  for (const key of RATE_FIELDS) {
    const rate = entry[key];
    if (rate === undefined && key !== 'inputPerMTok' && key !== 'outputPerMTok') continue;
    if (!isRate(rate)) {
      throw fieldError(
        'invalid_catalog',
        `${field}.${key}`,
        `must be a non-negative number of at most ${MAX_RATE_PER_MTOK} (got ${describeValue(rate)})`,
      );
    }
  }
  const input = picosPerToken(entry.inputPerMTok);
  const output = picosPerToken(entry.outputPerMTok);
  const cachedInput = picosPerToken(entry.cachedInputPerMTok, input);
  const cacheWrite = picosPerToken(entry.cacheWritePerMTok, input);
  const reasoning = picosPerToken(entry.reasoningPerMTok, output);
  return {
    inputNanos: Math.floor(input / 1000),
    inputPicos: input % 1000,
    cachedInputNanos: Math.floor(cachedInput / 1000),
    cachedInputPicos: cachedInput % 1000,
    cacheWriteNanos: Math.floor(cacheWrite / 1000),
    cacheWritePicos: cacheWrite % 1000,
    outputNanos: Math.floor(output / 1000),
    outputPicos: output % 1000,
    reasoningNanos: Math.floor(reasoning / 1000),
    reasoningPicos: reasoning % 1000,
  };
}

/**
 * The cost of `tokens` at `rates` in integer nanodollars. Cached reads and cache writes are
 * priced at their own rates and taken out of plain input, reasoning is taken out of plain output,
 * so nothing is counted twice; a plain bucket never goes below zero. The buckets are summed
 * exactly in picodollars and rounded once, half up, to whole nanodollars.
 */
export function costFromRates(tokens: NormalizedTokens, rates: TokenRates): number {
  assertTokens(tokens);
  const { input, output, cachedInput, cacheWrite, reasoning } = tokens;
  const plainInput = Math.max(0, input - cachedInput - cacheWrite);
  const plainOutput = Math.max(0, output - reasoning);
  const whole =
    plainInput * rates.inputNanos +
    cachedInput * rates.cachedInputNanos +
    cacheWrite * rates.cacheWriteNanos +
    plainOutput * rates.outputNanos +
    reasoning * rates.reasoningNanos;
  // Each product is at most 999 × tokens, so this stays a safe integer for any real event.
  const picos =
    plainInput * rates.inputPicos +
    cachedInput * rates.cachedInputPicos +
    cacheWrite * rates.cacheWritePicos +
    plainOutput * rates.outputPicos +
    reasoning * rates.reasoningPicos;
  const remainder = picos % 1000;
  const total = whole + (picos - remainder) / 1000 + (remainder >= 500 ? 1 : 0);
  if (!Number.isSafeInteger(total)) {
    throw new TallyError(
      `tokens: the cost is too large to store as nanodollars (got ${describeValue(total)})`,
      { code: 'invalid_event', field: 'tokens' },
    );
  }
  return total;
}

/**
 * The cost of `tokens` at catalog `entry`, in integer nanodollars (1e-9 USD), exact for rates
 * with up to 6 decimals. See {@link costFromRates} for how buckets are split and rounded.
 *
 * @example
 * ```ts
 * // gpt-4o at $2.50 / $1.25 cached / $10: 800k plain + 200k cached input, 500k output = $7.25
 * costNanos(
 *   { input: 1_000_000, cachedInput: 200_000, cacheWrite: 0, output: 500_000, reasoning: 0 },
 *   { model: 'gpt-4o', provider: 'openai', effectiveFrom: '2024-10-01',
 *     inputPerMTok: 2.5, cachedInputPerMTok: 1.25, outputPerMTok: 10 },
 * ); // 7_250_000_000
 * ```
 */
export function costNanos(tokens: NormalizedTokens, entry: CatalogEntry): number {
  return costFromRates(tokens, toTokenRates(entry));
}

/**
 * Converts an app-supplied `costUsd` to integer nanodollars, rounding the decimal value as
 * written to the nearest nanodollar (halves up), so `0.0000000015` is 2 and `0.1` is exactly
 * 100,000,000 without binary floating-point drift.
 */
export function usdToNanos(usd: number, field = 'costUsd'): number {
  if (typeof usd !== 'number' || !Number.isFinite(usd) || usd < 0) {
    throw fieldError(
      'invalid_event',
      field,
      `must be a non-negative finite number (got ${describeValue(usd)})`,
    );
  }
  if (usd === 0) return 0;
  // The shortest decimal that round-trips is what the app wrote; shift its point by 9 places.
  const [mantissa = '', exponent = '0'] = usd.toString().split('e');
  const [integer = '', fraction = ''] = mantissa.split('.');
  const digits = integer + fraction;
  const point = integer.length + Number(exponent) + 9;
  let nanos: number;
  if (point <= 0) nanos = point === 0 && digits[0]! >= '5' ? 1 : 0;
  else if (point >= digits.length) nanos = Number(digits + '0'.repeat(point - digits.length));
  else nanos = Number(digits.slice(0, point)) + (digits[point]! >= '5' ? 1 : 0);
  if (!Number.isSafeInteger(nanos)) {
    throw fieldError(
      'invalid_event',
      field,
      `must be at most ${Number.MAX_SAFE_INTEGER / 1e9} USD (got ${describeValue(usd)})`,
    );
  }
  return nanos;
}

function isRate(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= MAX_RATE_PER_MTOK;
}

/** USD per million tokens is micro-dollars per token, so picodollars per token = rate × 1e6. */
function picosPerToken(rate: number | undefined, fallback = 0): number {
  return rate === undefined ? fallback : Math.round(rate * 1e6);
}

function assertTokens(tokens: NormalizedTokens): void {
  if (typeof tokens !== 'object' || tokens === null) {
    throw fieldError('invalid_event', 'tokens', `must be an object (got ${describeValue(tokens)})`);
  }
  // Checked without a loop: this runs for every priced event at ingest.
  const { input, output, cachedInput, cacheWrite, reasoning } = tokens;
  if (isCount(input) && isCount(output) && isCount(cachedInput)) {
    if (isCount(cacheWrite) && isCount(reasoning)) return;
  }
  for (const key of TOKEN_FIELDS) {
    if (!isCount(tokens[key])) {
      throw fieldError(
        'invalid_event',
        `tokens.${key}`,
        `must be a non-negative integer (got ${describeValue(tokens[key])})`,
      );
    }
  }
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
