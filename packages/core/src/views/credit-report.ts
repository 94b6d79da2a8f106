import type { ResolvedRange } from '../time/types.js';
import { cellCount, ratio } from './aggregate-cells.js';
import { CREDIT_TIERS, creditTier, modelMultiplier, type CreditTier } from './credit-tier.js';
import type { ViewContext, ViewRequest } from './types.js';
import { openView } from './view-scope.js';

/** Credits charged for one model. */
export interface ModelCredits {
  /** The model; `null` for events without one (charged at 1×). */
  model: string | null;
  /** Its credit multiplier. */
  multiplier: number;
  /** Events. */
  events: number;
  /** Credits charged. */
  credits: number;
}

/** Credits charged for the models of one multiplier tier. */
export interface CreditTierUsage {
  /** premium (≥ 2×), standard ([1×, 2×)) or economy (< 1×). */
  tier: CreditTier;
  /** Credits charged. */
  credits: number;
  /** Events. */
  events: number;
  /** Share of all credits, 0–1; 0 when no credits were charged. */
  share: number;
  /** Its models, most credits first (ties by name, events without a model last). */
  models: ModelCredits[];
}

/** The credit report over a range, by default the current month. */
export interface CreditReportResult {
  /** The resolved range. */
  range: ResolvedRange;
  /** Credits used. */
  creditsUsed: number;
  /** Events. */
  events: number;
  /** Credits per event; `null` without events. */
  averageCreditsPerEvent: number | null;
  /** Credits included in the plan (`settings.planCredits`); `null` when not set. */
  planCredits: number | null;
  /** Credits bought on top of the plan (`settings.additionalCredits`); 0 when not set. */
  additionalCredits: number;
  /** Plan credits consumed: `min(used, plan)`; `null` without plan credits. */
  planCreditsUsed: number | null;
  /** Additional credits consumed once the plan's are gone; `null` without plan credits. */
  additionalCreditsUsed: number | null;
  /** `plan + additional − used` (negative once overdrawn); `null` without plan credits. */
  remaining: number | null;
  /** Premium, standard and economy, in that order. */
  tiers: CreditTierUsage[];
}

/**
 * The monthly credit report: credits used against the plan's and the additional credits,
 * credits per event, and the breakdown by model multiplier tier. Asks for `this-month` unless
 * a range is given.
 *
 * @example
 * ```ts
 * const report = await creditReport({ engine, now, settings: { planCredits: 15_000 } });
 * report.tiers[0]; // { tier: 'premium', credits: 8250, share: 0.64, ... }
 * ```
 */
export async function creditReport(
  context: ViewContext,
  request: ViewRequest = {},
): Promise<CreditReportResult> {
  const { range, filters } = await openView(context, request, false, 'this-month');
  const result = await context.engine.aggregate({
    range: { from: range.from, to: range.to },
    filters,
    groupBy: ['model'],
    measures: [{ op: 'count' }, { op: 'sum', field: 'credits' }],
  });
  const models: ModelCredits[] = result.rows.map((row) => {
    const model = row.key[0] === null || row.key[0] === undefined ? null : String(row.key[0]);
    return {
      model,
      multiplier: modelMultiplier(model, context.settings),
      events: cellCount(row.values[0]),
      credits: cellCount(row.values[1]),
    };
  });
  models.sort(
    (a, b) =>
      b.credits - a.credits ||
      (a.model === null ? 1 : 0) - (b.model === null ? 1 : 0) ||
      (String(a.model) < String(b.model) ? -1 : String(a.model) > String(b.model) ? 1 : 0),
  );
  const creditsUsed = models.reduce((sum, model) => sum + model.credits, 0);
  const events = models.reduce((sum, model) => sum + model.events, 0);
  const tiers = CREDIT_TIERS.map((tier) => {
    const members = models.filter((model) => creditTier(model.multiplier) === tier);
    const credits = members.reduce((sum, model) => sum + model.credits, 0);
    return {
      tier,
      credits,
      events: members.reduce((sum, model) => sum + model.events, 0),
      share: ratio(credits, creditsUsed) ?? 0,
      models: members,
    };
  });
  const plan = context.settings?.planCredits ?? null;
  const additional = context.settings?.additionalCredits ?? 0;
  return {
    range,
    creditsUsed,
    events,
    averageCreditsPerEvent: ratio(creditsUsed, events),
    planCredits: plan,
    additionalCredits: additional,
    planCreditsUsed: plan === null ? null : Math.min(creditsUsed, plan),
    additionalCreditsUsed:
      plan === null ? null : Math.min(Math.max(creditsUsed - plan, 0), additional),
    remaining: plan === null ? null : plan + additional - creditsUsed,
    tiers,
  };
}
