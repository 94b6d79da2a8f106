import type { CatalogEntry } from '../settings.js';

/**
 * Version of {@link DEFAULT_CATALOG}: the date its prices were last checked. A tenant's catalog
 * version is derived from it (see `PriceCatalog.version`).
 */
export const DEFAULT_CATALOG_VERSION = '2025-11-01';

const openai = (
  model: string,
  effectiveFrom: string,
  input: number,
  cached: number | undefined,
  output: number,
): CatalogEntry => ({
  model,
  provider: 'openai',
  effectiveFrom,
  inputPerMTok: input,
  outputPerMTok: output,
  ...(cached === undefined ? {} : { cachedInputPerMTok: cached }),
  // OpenAI's prompt caching writes at no extra charge.
  cacheWritePerMTok: input,
});

const anthropic = (
  model: string,
  effectiveFrom: string,
  input: number,
  output: number,
): CatalogEntry => ({
  model,
  provider: 'anthropic',
  effectiveFrom,
  inputPerMTok: input,
  outputPerMTok: output,
  // 5-minute cache writes cost 1.25× input, cache reads 0.1× input.
  cacheWritePerMTok: round6(input * 1.25),
  cachedInputPerMTok: round6(input * 0.1),
});

const google = (
  model: string,
  effectiveFrom: string,
  input: number,
  cached: number,
  output: number,
): CatalogEntry => ({
  model,
  provider: 'google',
  effectiveFrom,
  inputPerMTok: input,
  outputPerMTok: output,
  cachedInputPerMTok: cached,
});

/**
 * The price list core ships with: USD per million tokens for common OpenAI, Anthropic and Google
 * models, each from the date the price took effect, so an event is priced at the rate in force
 * at its timestamp. Standard (non-batch) text rates; Google's and Anthropic's long-context tiers
 * (prompts over 200k tokens) are not modelled. A tenant overrides or extends it through
 * `settings.catalog`.
 */
export const DEFAULT_CATALOG: readonly CatalogEntry[] = Object.freeze(
  [
    // Source: the providers' public API pricing pages, list prices as of 2025-11.
    openai('gpt-4o', '2024-05-13', 5, undefined, 15),
    openai('gpt-4o', '2024-10-01', 2.5, 1.25, 10),
    openai('gpt-4o-mini', '2024-07-18', 0.15, 0.075, 0.6),
    openai('gpt-4.1', '2025-04-14', 2, 0.5, 8),
    openai('gpt-4.1-mini', '2025-04-14', 0.4, 0.1, 1.6),
    openai('gpt-4.1-nano', '2025-04-14', 0.1, 0.025, 0.4),
    openai('o3', '2025-04-16', 10, 2.5, 40),
    openai('o3', '2025-06-10', 2, 0.5, 8),
    openai('o4-mini', '2025-04-16', 1.1, 0.275, 4.4),
    openai('gpt-5', '2025-08-07', 1.25, 0.125, 10),
    openai('gpt-5-mini', '2025-08-07', 0.25, 0.025, 2),
    openai('gpt-5-nano', '2025-08-07', 0.05, 0.005, 0.4),
    anthropic('claude-3-5-haiku', '2024-10-22', 0.8, 4),
    anthropic('claude-sonnet-4', '2025-05-22', 3, 15),
    anthropic('claude-opus-4', '2025-05-22', 15, 75),
    anthropic('claude-opus-4-1', '2025-08-05', 15, 75),
    anthropic('claude-sonnet-4-5', '2025-09-29', 3, 15),
    anthropic('claude-haiku-4-5', '2025-10-15', 1, 5),
    google('gemini-2.0-flash', '2025-02-05', 0.1, 0.025, 0.4),
    google('gemini-2.5-pro', '2025-06-17', 1.25, 0.125, 10),
    google('gemini-2.5-flash', '2025-06-17', 0.3, 0.03, 2.5),
    google('gemini-2.5-flash-lite', '2025-07-22', 0.1, 0.01, 0.4),
  ].map((entry) => Object.freeze(entry)),
);

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
