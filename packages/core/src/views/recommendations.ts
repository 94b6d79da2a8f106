import { sortedRows } from './sorted-rows.js';
import type { ResolvedRange } from '../time/types.js';
import { cellCount, cellNumber, ratio } from './aggregate-cells.js';
import { PREMIUM_MULTIPLIER, creditTier, modelMultiplier, type CreditTier } from './credit-tier.js';
import type { ViewContext, ViewRequest } from './types.js';
import { openView } from './view-scope.js';

/**
 * When a cheaper model is suggested: the expensive model's multiplier is at least
 * `minimumMultiplier`; the cheaper one's multiplier is lower, its success rate at most
 * `successRateTolerance` (2 percentage points) below, and, when both have ratings, its average
 * rating at most `ratingTolerance` below.
 */
export const RECOMMENDATION_RULES = {
  minimumMultiplier: PREMIUM_MULTIPLIER,
  successRateTolerance: 0.02,
  ratingTolerance: 0.2,
} as const;

// Rates and averages are floating-point: 0.98 vs 1 must count as exactly 2 points apart.
const EPSILON = 1e-9;

/** How one model served one event name over the range. */
export interface ModelServing {
  /** The model. */
  model: string;
  /** Its credit multiplier. */
  multiplier: number;
  /** Events of this name it served. */
  events: number;
  /** Credits charged for them. */
  credits: number;
  /** Credits per event. */
  creditsPerEvent: number;
  /** `ok / (ok + error)`; `null` when no event has a status. */
  successRate: number | null;
  /** Mean rating; `null` without ratings. */
  averageRating: number | null;
}

/** A suggested model switch for one event name. */
export interface ModelSwitch {
  /** The event name, e.g. `doc.summarize`. */
  name: string;
  /** The expensive model serving it now. */
  current: ModelServing;
  /** The cheaper model to switch to. */
  suggested: ModelServing;
  /**
   * Credits the range would have cost less: `current.events × (current.creditsPerEvent −
   * suggested.creditsPerEvent)`.
   */
  estimatedCreditsSaved: number;
}

/** A model's credit efficiency. */
export interface ModelEfficiency {
  /**
   * Rank by credits per successful event, cheapest first, equal values sharing a rank (1, 2, 2,
   * 4); `null` without successful events.
   */
  rank: number | null;
  /** The model. */
  model: string;
  /** Its credit multiplier. */
  multiplier: number;
  /** Its credit tier. */
  tier: CreditTier;
  /** Events. */
  events: number;
  /** Events with status `ok`. */
  successfulEvents: number;
  /** Credits charged. */
  credits: number;
  /** Credits per event. */
  creditsPerEvent: number;
  /** Credits per successful event; `null` without successful events. */
  creditsPerSuccess: number | null;
}

/** Credit-saving recommendations (DESIGN §5). */
export interface RecommendationsResult {
  /** The resolved range. */
  range: ResolvedRange;
  /** Suggested switches, largest saving first (ties by name, then model). */
  recommendations: ModelSwitch[];
  /** Sum of the estimated savings. */
  totalCreditsSaved: number;
  /** All credits charged in the range. */
  totalCredits: number;
  /** `totalCreditsSaved ÷ totalCredits`; `null` when nothing was charged. */
  savingsShare: number | null;
  /** Models ranked by credits per successful event, cheapest first; unranked ones last. */
  efficiency: ModelEfficiency[];
}

/**
 * Suggests cheaper models: for an event name served by a model with a multiplier of 2× or more
 * and also by a cheaper model of similar quality (see {@link RECOMMENDATION_RULES}), the switch
 * with the credits it would have saved over the range. Each expensive model and name gets at
 * most one suggestion: the qualifying model saving the most. Also ranks models by credits per
 * successful event.
 *
 * @example
 * ```ts
 * const { recommendations } = await recommendations({ engine, now, settings });
 * recommendations[0]; // { name: 'email.reply', current: { model: 'gpt-4o', ... }, suggested: { model: 'claude-3-5-sonnet', ... }, estimatedCreditsSaved: 850 }
 * ```
 */
export async function recommendations(
  context: ViewContext,
  request: ViewRequest = {},
): Promise<RecommendationsResult> {
  const { range, filters } = await openView(context, request);
  const result = await context.engine.aggregate({
    range: { from: range.from, to: range.to },
    filters,
    groupBy: ['name', 'model'],
    measures: [
      { op: 'count' },
      { op: 'sum', field: 'credits' },
      { op: 'count', where: { status: ['ok'] } },
      { op: 'count', where: { status: ['error'] } },
      { op: 'avg', field: 'rating' },
    ],
  });

  let totalCredits = 0;
  const byName = new Map<string, ModelServing[]>();
  const byModel = new Map<string, { events: number; credits: number; ok: number }>();
  for (const row of sortedRows(result)) {
    const events = cellCount(row.values[0]);
    const credits = cellCount(row.values[1]);
    totalCredits += credits;
    const [name, model] = row.key;
    if (model === null || model === undefined) continue;
    const ok = cellCount(row.values[2]);
    const errors = cellCount(row.values[3]);
    const totals = byModel.get(String(model)) ?? { events: 0, credits: 0, ok: 0 };
    totals.events += events;
    totals.credits += credits;
    totals.ok += ok;
    byModel.set(String(model), totals);
    if (name === null || name === undefined) continue;
    const servings = byName.get(String(name)) ?? [];
    servings.push({
      model: String(model),
      multiplier: modelMultiplier(String(model), context.settings),
      events,
      credits,
      creditsPerEvent: ratio(credits, events) ?? 0,
      successRate: ratio(ok, ok + errors),
      averageRating: cellNumber(row.values[4]),
    });
    byName.set(String(name), servings);
  }

  const switches: ModelSwitch[] = [];
  for (const [name, servings] of byName) {
    for (const current of servings) {
      const best = bestSwitch(name, current, servings);
      if (best !== null) switches.push(best);
    }
  }
  switches.sort(
    (a, b) =>
      b.estimatedCreditsSaved - a.estimatedCreditsSaved ||
      compareText(a.name, b.name) ||
      compareText(a.current.model, b.current.model),
  );
  const totalCreditsSaved = switches.reduce((sum, entry) => sum + entry.estimatedCreditsSaved, 0);
  return {
    range,
    recommendations: switches,
    totalCreditsSaved,
    totalCredits,
    savingsShare: totalCredits === 0 ? null : totalCreditsSaved / totalCredits,
    efficiency: efficiencyRanking(byModel, context),
  };
}

function bestSwitch(
  name: string,
  current: ModelServing,
  servings: readonly ModelServing[],
): ModelSwitch | null {
  if (current.multiplier < RECOMMENDATION_RULES.minimumMultiplier) return null;
  let best: ModelSwitch | null = null;
  for (const candidate of servings) {
    if (candidate.multiplier >= current.multiplier || !similarQuality(current, candidate)) continue;
    const saved = current.events * (current.creditsPerEvent - candidate.creditsPerEvent);
    if (saved <= 0) continue;
    if (
      best === null ||
      saved > best.estimatedCreditsSaved ||
      (saved === best.estimatedCreditsSaved &&
        compareText(candidate.model, best.suggested.model) < 0)
    ) {
      best = { name, current, suggested: candidate, estimatedCreditsSaved: saved };
    }
  }
  return best;
}

/**
 * Success rates must be known for both models (a switch needs evidence); ratings are compared
 * only when both models have them.
 */
function similarQuality(current: ModelServing, candidate: ModelServing): boolean {
  if (current.successRate === null || candidate.successRate === null) return false;
  if (
    candidate.successRate <
    current.successRate - RECOMMENDATION_RULES.successRateTolerance - EPSILON
  ) {
    return false;
  }
  if (current.averageRating === null || candidate.averageRating === null) return true;
  return (
    candidate.averageRating >=
    current.averageRating - RECOMMENDATION_RULES.ratingTolerance - EPSILON
  );
}

function efficiencyRanking(
  byModel: Map<string, { events: number; credits: number; ok: number }>,
  context: ViewContext,
): ModelEfficiency[] {
  const rows: ModelEfficiency[] = [...byModel].map(([model, totals]) => {
    const multiplier = modelMultiplier(model, context.settings);
    return {
      rank: null,
      model,
      multiplier,
      tier: creditTier(multiplier),
      events: totals.events,
      successfulEvents: totals.ok,
      credits: totals.credits,
      creditsPerEvent: ratio(totals.credits, totals.events) ?? 0,
      creditsPerSuccess: ratio(totals.credits, totals.ok),
    };
  });
  rows.sort(
    (a, b) =>
      (a.creditsPerSuccess ?? Infinity) - (b.creditsPerSuccess ?? Infinity) ||
      compareText(a.model, b.model),
  );
  rows.forEach((row, index) => {
    if (row.creditsPerSuccess === null) return;
    const previous = rows[index - 1];
    row.rank =
      previous !== undefined && previous.creditsPerSuccess === row.creditsPerSuccess
        ? previous.rank
        : index + 1;
  });
  return rows;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
