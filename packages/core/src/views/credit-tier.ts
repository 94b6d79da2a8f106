import { multiplierFor, type CreditTier } from '../pricing/credits.js';
import type { TenantSettings } from '../settings.js';

export { tierOf as creditTier, type CreditTier } from '../pricing/credits.js';

/** The credit tiers, most expensive first: premium (≥ 2×), standard ([1×, 2×)), economy (< 1×). */
export const CREDIT_TIERS: readonly CreditTier[] = ['premium', 'standard', 'economy'];

/** The lowest multiplier of a `premium` model. */
export const PREMIUM_MULTIPLIER = 2;

/**
 * A model's credit multiplier under the tenant's credit rules, matched the way credits were
 * charged (case-insensitive, dated snapshots take their base model's); 1 when not configured or
 * when the event has no model.
 */
export function modelMultiplier(model: string | null, settings?: TenantSettings): number {
  return multiplierFor(model ?? undefined, settings?.credits);
}
