import type { RosterUser } from '../event.js';
import type { EngineFilters } from '../query.js';
import { resolveRange } from '../time/resolve-range.js';
import type { Preset, ResolvedRange } from '../time/types.js';
import { toEngineFilters } from './filters.js';
import type { ViewContext, ViewRequest } from './types.js';

/** A view request opened for querying: its range resolved, its filters translated. */
export interface OpenedView {
  /** The resolved range. */
  range: ResolvedRange;
  /** The request's filters as engine filters. */
  filters: EngineFilters;
  /** The roster, when asked for or needed by a `search` filter; else empty. */
  roster: RosterUser[];
}

/**
 * Resolves a view request's range (from `defaultPreset` when it names none) and translates its
 * filters, reading the roster when the view needs it (`withRoster`) or a `search` filter does.
 */
export async function openView(
  context: ViewContext,
  request: ViewRequest | undefined,
  withRoster = false,
  defaultPreset?: Preset,
): Promise<OpenedView> {
  const range = resolveRange(request?.range, {
    now: context.now,
    settings: context.settings,
    ...(defaultPreset === undefined ? {} : { defaultPreset }),
  });
  const roster =
    withRoster || request?.filters?.search !== undefined ? await context.engine.roster() : [];
  return { range, filters: toEngineFilters(request?.filters, roster), roster };
}
