import { describeValue, fieldError } from '../errors.js';
import type { NormalizedTokens } from '../event.js';
import type { CatalogEntry, TenantSettings } from '../settings.js';
import { catalogVersion } from './catalog-version.js';
import { costFromRates } from './cost.js';
import { DEFAULT_CATALOG } from './default-catalog.js';
import { snapshotBase } from './model-name.js';
import { validateCatalog, type ResolvedCatalogEntry } from './validate-catalog.js';

/** One model's prices from one provider, oldest first. */
interface Timeline {
  starts: number[];
  prices: ResolvedCatalogEntry[];
}

/** Every price of one model: per provider, and the only provider's when there is just one. */
interface ModelPrices {
  byProvider: Map<string, Timeline>;
  only: Timeline | undefined;
}

/** Distinct model strings remembered between lookups; a hostile stream cannot grow it further. */
const MAX_CACHED_MODELS = 1024;

let defaultEntries: ResolvedCatalogEntry[] | undefined;

/**
 * The price list an event is costed against: the default catalog, overridden or extended by a
 * tenant's `settings.catalog` (an entry with the same model, provider and `effectiveFrom`
 * replaces the default one; any other is added), or only the tenant's entries when
 * `settings.replaceCatalog` is set. Built once per tenant; lookups are a map hit and a binary
 * search, fast enough to price every event at ingest.
 *
 * @example
 * ```ts
 * const catalog = new PriceCatalog(settings);
 * catalog.priceAt('gpt-4o-2024-08-06', 'openai', Date.UTC(2025, 0, 1))?.inputPerMTok; // 2.5
 * ```
 */
export class PriceCatalog {
  /**
   * Identifies the prices this catalog holds, stored with every event it prices: the default
   * catalog's date (`2025-11-01`), that date plus a hash of the tenant's entries
   * (`2025-11-01+3f9a0c21`), or `custom+<hash>` for a replaced catalog. The entry used for an
   * event follows from the version and the event's time, so a stored cost can be explained
   * and re-derived.
   */
  readonly version: string;
  /** Every entry in force, by provider, model and `effectiveFrom`. */
  readonly entries: readonly CatalogEntry[];
  readonly #models = new Map<string, ModelPrices>();
  readonly #lookups = new Map<string, ModelPrices | null>();

  /**
   * Builds the catalog for a tenant.
   *
   * @throws {TallyError} `invalid_catalog` naming the first bad field (`catalog[3].inputPerMTok`)
   *   when the tenant's entries are invalid, or `replaceCatalog` is not a boolean.
   */
  constructor(settings: Pick<TenantSettings, 'catalog' | 'replaceCatalog'> = {}) {
    const replace = settings.replaceCatalog ?? false;
    if (typeof replace !== 'boolean') {
      throw fieldError(
        'invalid_catalog',
        'replaceCatalog',
        `must be a boolean (got ${describeValue(replace)})`,
      );
    }
    const tenant = settings.catalog === undefined ? [] : validateCatalog(settings.catalog);
    const merged = new Map<string, ResolvedCatalogEntry>();
    for (const price of [...(replace ? [] : resolvedDefaults()), ...tenant]) {
      merged.set(`${price.modelKey}\u0000${price.providerKey}\u0000${price.from}`, price);
    }
    const sorted = [...merged.values()].sort(
      (a, b) =>
        compare(a.providerKey, b.providerKey) || compare(a.modelKey, b.modelKey) || a.from - b.from,
    );
    for (const price of sorted) this.#add(price);
    this.version = catalogVersion(tenant, replace);
    this.entries = Object.freeze(sorted.map((price) => price.entry));
  }

  /**
   * The entry in force for `model` at `timestampMs`: the one with the greatest `effectiveFrom`
   * at or before it. Models match case-insensitively, and a dated snapshot
   * (`gpt-4o-2024-08-06`, `claude-sonnet-4-5-20250929`) falls back to its base model. With a
   * `provider`, only that provider's prices count; without one, the model must be priced by a
   * single provider, otherwise the answer is `undefined` rather than a guess.
   */
  priceAt(
    model: string,
    provider: string | undefined,
    timestampMs: number,
  ): CatalogEntry | undefined {
    return this.#find(model, provider, timestampMs)?.entry;
  }

  /**
   * The cost of `tokens` in integer nanodollars at the price {@link priceAt} finds, or
   * `undefined` when there is none. The hot path of ingest pricing.
   */
  costAt(
    model: string,
    provider: string | undefined,
    timestampMs: number,
    tokens: NormalizedTokens,
  ): number | undefined {
    const price = this.#find(model, provider, timestampMs);
    return price && costFromRates(tokens, price.rates);
  }

  #add(price: ResolvedCatalogEntry): void {
    let prices = this.#models.get(price.modelKey);
    if (!prices) {
      prices = { byProvider: new Map(), only: undefined };
      this.#models.set(price.modelKey, prices);
    }
    let timeline = prices.byProvider.get(price.providerKey);
    if (!timeline) {
      timeline = { starts: [], prices: [] };
      prices.byProvider.set(price.providerKey, timeline);
    }
    timeline.starts.push(price.from);
    timeline.prices.push(price);
    prices.only = prices.byProvider.size === 1 ? timeline : undefined;
  }

  #find(
    model: string,
    provider: string | undefined,
    timestampMs: number,
  ): ResolvedCatalogEntry | undefined {
    if (typeof model !== 'string') return undefined;
    const prices = this.#modelPrices(model);
    if (!prices) return undefined;
    let timeline: Timeline | undefined;
    if (provider === undefined) timeline = prices.only;
    else if (typeof provider === 'string') {
      timeline = prices.byProvider.get(provider) ?? prices.byProvider.get(provider.toLowerCase());
    }
    if (!timeline) return undefined;
    const { starts } = timeline;
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (starts[middle]! <= timestampMs) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found < 0 ? undefined : timeline.prices[found];
  }

  #modelPrices(model: string): ModelPrices | undefined {
    const cached = this.#lookups.get(model);
    if (cached !== undefined) return cached ?? undefined;
    const key = model.toLowerCase();
    let prices = this.#models.get(key);
    if (!prices) {
      const base = snapshotBase(key);
      prices = base === undefined ? undefined : this.#models.get(base);
    }
    if (this.#lookups.size >= MAX_CACHED_MODELS) this.#lookups.clear();
    this.#lookups.set(model, prices ?? null);
    return prices;
  }
}

function resolvedDefaults(): ResolvedCatalogEntry[] {
  defaultEntries ??= validateCatalog(DEFAULT_CATALOG, 'DEFAULT_CATALOG');
  return defaultEntries;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
