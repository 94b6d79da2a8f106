import type { RecommendationsResult } from '@tally/core';
import { html, nothing } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { figureListStyles } from '../base/figure-list.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';
import { creditBlocksStyles } from './credit-blocks.styles.js';

/**
 * @summary Credit-saving recommendations (DESIGN §5): for an event name served by a premium model
 * and by a cheaper one that succeeds and rates as well, the suggested switch with the credits it
 * would have saved over the range; then the models ranked by credits per successful prompt, the
 * most credit-efficient first.
 *
 * @event tally-data-load - An answer arrived.
 * @event tally-data-error - The query failed.
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart refresh-button - Refresh.
 * @csspart recommendations - The list of switches.
 * @csspart efficiency - The rankings table.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - Loading.
 *
 * @cssproperty --tally-color-muted - Labels.
 * @cssproperty --tally-color-border - Row lines.
 */
export class TallyRecommendations extends DataElement<'recommendations'> {
  static override styles = [...baseStyles, figureListStyles, creditBlocksStyles];

  protected override defaultHeading(): string {
    return 'Recommendations';
  }

  protected viewQuery(): ViewQuery<'recommendations'> {
    return {
      view: 'recommendations',
      params: { range: this.effectiveRange, tz: this.effectiveTz, filters: this.effectiveFilters },
    };
  }

  protected isEmpty(result: RecommendationsResult): boolean {
    return result.efficiency.length === 0;
  }

  protected renderData(result: RecommendationsResult): unknown {
    const format = this.formatterFor(result.range.tz);
    return html`${
        result.recommendations.length === 0
          ? html`<p data-summary>No cheaper model serves the same work as well in this range.</p>`
          : html`<p data-summary>
                Estimated savings: ${format.number(result.totalCreditsSaved)}
                credits${
                  result.savingsShare === null
                    ? nothing
                    : ` (${format.percent(result.savingsShare)} of all credits)`
                }
              </p>
              <ul class="list" part="recommendations">
                ${result.recommendations.map(
                  (switchTo) =>
                    html`<li data-name=${switchTo.name}>
                      <strong>${switchTo.name}</strong>: switch from ${switchTo.current.model}
                      (${format.number(switchTo.current.multiplier)}×) to
                      ${switchTo.suggested.model}
                      (${format.number(switchTo.suggested.multiplier)}×), saving
                      <span data-saved>${format.number(switchTo.estimatedCreditsSaved)}</span>
                      credits
                    </li>`,
                )}
              </ul>`
      }
      <table part="efficiency">
        <caption class="visually-hidden">
          Most credit-efficient models
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">Rank</th>
            <th scope="col">Model</th>
            <th scope="col" class="num">Multiplier</th>
            <th scope="col" class="num">Credits per success</th>
          </tr>
        </thead>
        <tbody>
          ${result.efficiency.map(
            (model) =>
              html`<tr data-model=${model.model}>
                <td class="num">${model.rank ?? '—'}</td>
                <th scope="row">${model.model}</th>
                <td class="num">${format.number(model.multiplier)}×</td>
                <td class="num" data-column="creditsPerSuccess">
                  ${model.creditsPerSuccess === null ? '—' : format.number(model.creditsPerSuccess)}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

if (!customElements.get('tally-recommendations')) {
  customElements.define('tally-recommendations', TallyRecommendations);
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-recommendations': TallyRecommendations;
  }
}
