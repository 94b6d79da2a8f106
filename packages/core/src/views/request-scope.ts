import type { EngineFilters } from '../query.js';
import { resolveRange } from '../time/resolve-range.js';
import type { Preset, ResolvedRange } from '../time/types.js';
import { toEngineFilters } from './filters.js';
import type { ViewContext, ViewRequest } from './types.js';

/** What every view starts from: the request's range resolved and its filters translated. */
export interface RequestScope {
  /** The resolved range. */
  range: ResolvedRange;
  /** The request's filters as engine filters. */
  filters: EngineFilters;
}

/**
 * Resolves a view request's range and translates its filters; the roster is read only when a
 * `search` filter needs user names and emails.
 */
export async function requestScope(
  context: ViewContext,
  request: ViewRequest | undefined,
  defaultPreset?: Preset,
): Promise<RequestScope> {
  const range = resolveRange(request?.range, {
    now: context.now,
    settings: context.settings,
    ...(defaultPreset === undefined ? {} : { defaultPreset }),
  });
  const roster = request?.filters?.search === undefined ? [] : await context.engine.roster();
  return { range, filters: toEngineFilters(request?.filters, roster) };
}
