import type { CreditReportResult, CreditTier } from '@tally/core';
import { html } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { figureListStyles } from '../base/figure-list.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';
import { creditBlocksStyles } from './credit-blocks.styles.js';

/** Each multiplier tier's name and its rule. */
export const CREDIT_TIER_LABELS: Readonly<Record<CreditTier, string>> = {
  premium: 'Premium (≥ 2×)',
  standard: 'Standard (1×)',
  economy: 'Economy (< 1×)',
};

/**
 * @summary The monthly credit report (DESIGN §5): credits used, plan credits, additional credits,
 * average credits per prompt and remaining credits, and the credits by multiplier tier (premium
 * ≥ 2×, standard 1×, economy < 1×) with their shares. It covers the month holding now unless
 * the element is given its own `range`.
 *
 * @event tally-data-load - An answer arrived.
 * @event tally-data-error - The query failed.
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart refresh-button - Refresh.
 * @csspart figures - The figures.
 * @csspart tiers - The tiers table.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - Loading.
 *
 * @cssproperty --tally-color-muted - Labels.
 * @cssproperty --tally-color-border - Row lines.
 */
export class TallyCreditReport extends DataElement<'credit-report'> {
  static override styles = [...baseStyles, figureListStyles, creditBlocksStyles];

  protected override defaultHeading(): string {
    return 'Monthly credit report';
  }

  protected viewQuery(): ViewQuery<'credit-report'> {
    const params: ViewQuery<'credit-report'>['params'] = {
      tz: this.effectiveTz,
      filters: this.effectiveFilters,
    };
    // The report is of the month; only a range set on the element itself replaces it.
    if (this.range !== undefined) params.range = this.range;
    return { view: 'credit-report', params };
  }

  protected isEmpty(result: CreditReportResult): boolean {
    return result.events === 0 && result.planCredits === null;
  }

  protected renderData(result: CreditReportResult): unknown {
    const format = this.formatterFor(result.range.tz);
    const number = (value: number | null) => (value === null ? '—' : format.number(value));
    const figures: [string, string, string][] = [
      ['creditsUsed', 'Credits used', number(result.creditsUsed)],
      ['planCredits', 'Plan credits', number(result.planCredits)],
      ['additionalCredits', 'Additional credits', number(result.additionalCredits)],
      ['average', 'Average per prompt', number(result.averageCreditsPerEvent)],
      ['remaining', 'Remaining', number(result.remaining)],
    ];
    return html`<dl class="figures" part="figures">
        ${figures.map(
          ([key, label, value]) =>
            html`<div>
              <dt>${label}</dt>
              <dd data-figure=${key}>${value}</dd>
            </div>`,
        )}
      </dl>
      <table part="tiers">
        <caption class="visually-hidden">
          Credits by multiplier tier
        </caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col" class="num">Prompts</th>
            <th scope="col" class="num">Credits</th>
            <th scope="col" class="num">Share</th>
          </tr>
        </thead>
        <tbody>
          ${result.tiers.map(
            (tier) =>
              html`<tr data-tier=${tier.tier}>
                <th scope="row">${CREDIT_TIER_LABELS[tier.tier]}</th>
                <td class="num" data-column="events">${format.number(tier.events)}</td>
                <td class="num" data-column="credits">${format.number(tier.credits)}</td>
                <td class="num" data-column="share">${format.percent(tier.share)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

if (!customElements.get('tally-credit-report')) {
  customElements.define('tally-credit-report', TallyCreditReport);
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-credit-report': TallyCreditReport;
  }
}
