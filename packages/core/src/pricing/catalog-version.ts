import { DEFAULT_CATALOG_VERSION } from './default-catalog.js';
import type { ResolvedCatalogEntry } from './validate-catalog.js';

/**
 * The version string of a catalog: {@link DEFAULT_CATALOG_VERSION} alone for the default
 * catalog, `<default version>+<hash>` when a tenant overrides or extends it, and `custom+<hash>`
 * when a tenant replaces it. The hash is a short FNV-1a digest of the tenant's entries in a
 * canonical form (sorted, names lower-cased, dates as instants, rates as resolved per token), so
 * it changes when the prices do, not when the config file is merely reordered or reformatted.
 *
 * @example
 * ```ts
 * catalogVersion([], false); // '2025-11-01'
 * catalogVersion(tenantEntries, false); // '2025-11-01+3f9a0c21'
 * ```
 */
export function catalogVersion(
  tenantEntries: readonly ResolvedCatalogEntry[],
  replace: boolean,
): string {
  if (!replace && tenantEntries.length === 0) return DEFAULT_CATALOG_VERSION;
  const canonical = tenantEntries.map(canonicalEntry).sort().join('\n');
  return `${replace ? 'custom' : DEFAULT_CATALOG_VERSION}+${fnv1a(canonical)}`;
}

function canonicalEntry({ modelKey, providerKey, from, rates }: ResolvedCatalogEntry): string {
  const prices = [
    rates.inputNanos,
    rates.inputPicos,
    rates.cachedInputNanos,
    rates.cachedInputPicos,
    rates.cacheWriteNanos,
    rates.cacheWritePicos,
    rates.outputNanos,
    rates.outputPicos,
    rates.reasoningNanos,
    rates.reasoningPicos,
  ];
  return [modelKey, providerKey, from, ...prices].join('\u0000');
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
