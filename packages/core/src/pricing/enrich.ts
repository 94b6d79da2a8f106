import type { NormalizedEvent, PricingState, StoredEvent } from '../event.js';
import type { TenantSettings } from '../settings.js';
import { PriceCatalog } from './catalog.js';
import { usdToNanos } from './cost.js';
import { creditsFor, validateCreditRules } from './credits.js';

let defaultCatalog: PriceCatalog | undefined;
const tenantCatalogs = new WeakMap<TenantSettings, PriceCatalog>();

/**
 * Prices and credits one event at ingest (DESIGN §3), returning the event to store:
 * - an app-supplied `costUsd` wins: pricing `app`, the amount rounded to the nearest nanodollar;
 * - else tokens with `input + output > 0` are priced from the catalog entry in force at the
 *   event's timestamp: pricing `catalog`, with the catalog's `catalogVersion`;
 * - tokens without a model, or with a model the catalog has no price for at that time:
 *   pricing `unpriced`, cost 0, so every cost figure can say what it leaves out;
 * - no tokens (or all zero) and no `costUsd`: pricing `none`, cost 0.
 * Credits are the app-supplied `credits`, else the tenant's credit rules.
 *
 * The catalog is built once per `settings` object and reused, so treat settings as immutable;
 * pass a `catalog` to choose it yourself, or use {@link createEnricher} for batches.
 *
 * @example
 * ```ts
 * const stored = enrichEvent(event, settings);
 * stored.costNanos; // 7_250_000_000 for 1M gpt-4o input (200k cached) + 500k output
 * ```
 */
export function enrichEvent(
  event: NormalizedEvent,
  settings?: TenantSettings,
  catalog: PriceCatalog = catalogFor(settings),
): StoredEvent {
  return enrich(event, catalog, settings?.credits);
}

/**
 * Builds a tenant's catalog and checks its credit rules once, and returns a function that
 * enriches events like {@link enrichEvent}: the fast path for bulk ingest.
 *
 * @throws {TallyError} `invalid_catalog` or `invalid_credit_rules` when the settings are invalid.
 * @example
 * ```ts
 * const enrich = createEnricher(settings);
 * const stored = events.map(enrich);
 * ```
 */
export function createEnricher(settings?: TenantSettings): (event: NormalizedEvent) => StoredEvent {
  const catalog = catalogFor(settings);
  const rules = validateCreditRules(settings?.credits);
  return (event) => enrich(event, catalog, rules);
}

function enrich(
  event: NormalizedEvent,
  catalog: PriceCatalog,
  rules: TenantSettings['credits'],
): StoredEvent {
  let costNanos = 0;
  let pricing: PricingState = 'none';
  let priced = false;
  const { tokens } = event;
  if (event.costUsd !== undefined) {
    costNanos = usdToNanos(event.costUsd);
    pricing = 'app';
  } else if (tokens !== null && tokens !== undefined && tokens.input + tokens.output > 0) {
    const cost =
      event.model === undefined
        ? undefined
        : catalog.costAt(event.model, event.provider, event.timestamp, tokens);
    priced = cost !== undefined;
    costNanos = cost ?? 0;
    pricing = priced ? 'catalog' : 'unpriced';
  }
  // Listing the new fields before the spread and assigning them after keeps V8 on its fast
  // object-clone path; spreading first and adding fields is many times slower per event.
  const stored: StoredEvent = { costNanos: 0, pricing: 'none', credits: 0, ...event };
  stored.costNanos = costNanos;
  stored.pricing = pricing;
  stored.credits = creditsFor(event, rules);
  if (priced) stored.catalogVersion = catalog.version;
  else if ('catalogVersion' in stored) delete stored.catalogVersion;
  return stored;
}

function catalogFor(settings: TenantSettings | undefined): PriceCatalog {
  const usesDefault =
    settings === undefined ||
    (settings.catalog === undefined && (settings.replaceCatalog ?? false) === false);
  if (usesDefault) {
    defaultCatalog ??= new PriceCatalog();
    return defaultCatalog;
  }
  let catalog = tenantCatalogs.get(settings);
  if (!catalog) {
    catalog = new PriceCatalog(settings);
    tenantCatalogs.set(settings, catalog);
  }
  return catalog;
}
