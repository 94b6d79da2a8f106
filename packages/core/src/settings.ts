/** A price in the catalog: USD per million tokens, effective from a date. */
export interface CatalogEntry {
  model: string;
  provider: string;
  /** ISO-8601 date or date-time (UTC) from which this price applies. */
  effectiveFrom: string;
  inputPerMTok: number;
  outputPerMTok: number;
  /** Rate for cached prompt reads; defaults to `inputPerMTok`. */
  cachedInputPerMTok?: number;
  /** Rate for prompt cache writes; defaults to `inputPerMTok`. */
  cacheWritePerMTok?: number;
  /** Rate for reasoning tokens; defaults to `outputPerMTok`. */
  reasoningPerMTok?: number;
}

/** Credit rules: `credits = base(name) × multiplier(model)`, each 1 unless configured. */
export interface CreditRules {
  /** Base credits per event name. */
  base?: Record<string, number>;
  /** Multiplier per model, e.g. 2 for a premium model, 0.5 for an economy one. */
  multipliers?: Record<string, number>;
}

/** A feature category and how it is shown. */
export interface CategorySetting {
  id: string;
  label?: string;
  /** CSS colour of the category's bar segment. */
  color?: string;
}

/** A spending limit over a calendar period. */
export interface BudgetSetting {
  /** What is limited. */
  measure: 'credits' | 'cost';
  /** The limit: credits, or USD for `cost`. */
  limit: number;
  /** The calendar period the limit applies to. */
  period: 'month' | 'week';
}

/** A tenant's settings that core needs. Everything is optional. */
export interface TenantSettings {
  /** IANA time zone for days, weeks and months. @default 'UTC' */
  timezone?: string;
  /** The earliest date with data (`YYYY-MM-DD`, local to `timezone`): ranges are clamped to it. */
  dataFloor?: string;
  /** Catalog entries that override or extend the default catalog. */
  catalog?: CatalogEntry[];
  /** Use only `catalog`, not the default catalog. @default false */
  replaceCatalog?: boolean;
  credits?: CreditRules;
  categories?: CategorySetting[];
  /** Credits included in the plan per month. */
  planCredits?: number;
  /** Credits bought on top of the plan this month. */
  additionalCredits?: number;
  budget?: BudgetSetting;
  /** First day of the week: 1 = Monday … 7 = Sunday. @default 1 */
  weekStartsOn?: number;
}
