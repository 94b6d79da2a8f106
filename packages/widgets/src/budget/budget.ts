import type { BudgetResult, BudgetSetting, BudgetStatus } from '@tally/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';
import type { Formatter } from '../format/formatter.js';
import { budgetStyles } from './budget.styles.js';

/** The words of each budget status. */
export const BUDGET_STATUS_LABELS: Readonly<Record<BudgetStatus, string>> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  over: 'Over budget',
};

/**
 * @summary The budget of a period (DESIGN §5 budget and forecast): budget, used, remaining,
 * projected end of period, the last 7 days and their change on the 7 before, and status, with usage on a bar that marks the 75 / 90 / 100 %
 * thresholds and the projection. Without a limit it shows the usage and the projection only.
 *
 * Alone, it measures the calendar `period` holding now; give it a `range` to measure that range.
 *
 * @event tally-data-load - An answer arrived.
 * @event tally-data-error - The query failed.
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart refresh-button - Refresh.
 * @csspart figures - The figures.
 * @csspart bar - The bar.
 * @csspart fill - The used part.
 * @csspart threshold - A threshold mark.
 * @csspart projection - The projection mark.
 * @csspart status - The status.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - Loading.
 *
 * @cssproperty --tally-color-accent - The used part while on track.
 * @cssproperty [--tally-budget-color-at-risk=#b35900] - The used part when at risk.
 * @cssproperty --tally-color-negative - The used part once over.
 * @cssproperty [--tally-budget-bar-height=12px] - The bar's height.
 */
export class TallyBudget extends DataElement<'budget'> {
  static override styles = [...baseStyles, budgetStyles];

  static override properties: PropertyDeclarations = {
    measure: {},
    limit: { type: Number },
    period: {},
  };

  /** What is limited: `credits`, or `cost` in USD; the tenant's budget setting when unset. */
  declare measure: BudgetSetting['measure'] | undefined;
  /** The limit (credits, or USD for `cost`); the tenant's when unset. */
  declare limit: number | undefined;
  /** The calendar period holding now: `month` or `week`; the tenant's when unset. */
  declare period: BudgetSetting['period'] | undefined;

  protected override defaultHeading(): string {
    return 'Budget';
  }

  protected viewQuery(): ViewQuery<'budget'> {
    const params: ViewQuery<'budget'>['params'] = {
      tz: this.effectiveTz,
      filters: this.effectiveFilters,
    };
    // Only a range set on the element is the budget period; a page's range is not.
    if (this.range !== undefined) params.range = this.range;
    if (this.measure !== undefined) params.measure = this.measure;
    if (this.period !== undefined) params.period = this.period;
    if (typeof this.limit === 'number' && Number.isFinite(this.limit)) params.limit = this.limit;
    return { view: 'budget', params };
  }

  protected isEmpty(result: BudgetResult): boolean {
    return result.used === 0 && result.limit === null;
  }

  protected override emptyHint(): string {
    return 'Nothing used in this period, and no budget is set.';
  }

  protected renderData(result: BudgetResult): unknown {
    const format = this.formatterFor(result.range.tz);
    const amount = (value: number) => writeAmount(result.measure, value, format);
    const { limit } = result;
    const scale = Math.max(limit ?? 0, result.used, result.projected) || 1;
    const at = (value: number) => `${Math.min(100, (value / scale) * 100)}%`;
    const status = result.status;
    return html`<dl class="figures" part="figures">
        <div>
          <dt>Budget</dt>
          <dd data-figure="limit">${limit === null ? '—' : amount(limit)}</dd>
        </div>
        <div>
          <dt>Used</dt>
          <dd data-figure="used">${amount(result.used)}</dd>
        </div>
        <div>
          <dt>Remaining</dt>
          <dd data-figure="remaining">
            ${result.remaining === null ? '—' : amount(result.remaining)}
          </dd>
        </div>
        <div>
          <dt>Projected end of period</dt>
          <dd data-figure="projected">${amount(result.projected)}</dd>
        </div>
        <div>
          <dt>Last 7 days</dt>
          <dd data-figure="lastSevenDays">${amount(result.lastSevenDays)}</dd>
        </div>
        <div>
          <dt>Week over week</dt>
          <dd data-figure="weekOverWeek">
            ${result.weekOverWeek === null ? '—' : format.change(result.weekOverWeek)}
          </dd>
        </div>
      </dl>
      <div
        class="track"
        part="bar"
        role="meter"
        aria-label=${`${this.headingText}: used`}
        aria-valuemin="0"
        aria-valuemax=${String(limit ?? scale)}
        aria-valuenow=${String(result.used)}
        aria-valuetext=${
          result.share === null
            ? amount(result.used)
            : `${amount(result.used)} of ${amount(limit ?? 0)} (${format.percent(result.share)})`
        }
      >
        <div class="fill ${status ?? ''}" part="fill" style="width:${at(result.used)}"></div>
        <div
          class="projection"
          part="projection"
          style="left:${at(result.projected)}"
          title=${`Projected: ${amount(result.projected)}`}
        ></div>
        ${result.thresholds.map(
          (threshold) =>
            html`<div
              class="mark"
              part="threshold"
              data-share=${String(threshold.share)}
              data-crossed=${threshold.crossed ? 'true' : 'false'}
              style="left:${at(threshold.amount)}"
              title=${`${format.percent(threshold.share, 0)}: ${amount(threshold.amount)}${threshold.crossedOn ? `, reached ${threshold.crossedOn}` : ''}`}
            >
              <span aria-hidden="true">${format.percent(threshold.share, 0)}</span>
            </div>`,
        )}
      </div>
      ${
        status === null
          ? nothing
          : html`<p class="status ${status}" part="status" data-status=${status}>
              ${BUDGET_STATUS_LABELS[status]}
            </p>`
      }`;
  }
}

function writeAmount(measure: BudgetSetting['measure'], value: number, format: Formatter): string {
  return measure === 'cost' ? format.usd(value) : format.number(value);
}

if (!customElements.get('tally-budget')) {
  customElements.define('tally-budget', TallyBudget);
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-budget': TallyBudget;
  }
}
