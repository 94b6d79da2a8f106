import type { ComparisonResult, ComparisonRow } from '@tally/core';
import { css, html } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { figureListStyles } from '../base/figure-list.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';
import { subtotalOf } from '../comparison/comparison-groups.js';

/** The model with the lowest (or highest) mean response time; ties go to the name first in order. */
export function extremeModel(
  rows: readonly ComparisonRow[],
  pick: 'fastest' | 'slowest',
): ComparisonRow | null {
  let best: ComparisonRow | null = null;
  for (const row of rows) {
    if (row.averageLatencyMs === null) continue;
    const better =
      best === null ||
      (pick === 'fastest'
        ? row.averageLatencyMs < (best.averageLatencyMs ?? 0)
        : row.averageLatencyMs > (best.averageLatencyMs ?? 0)) ||
      (row.averageLatencyMs === best.averageLatencyMs && row.value < best.value);
    if (better) best = row;
  }
  return best;
}

/**
 * @summary Response times across models (DESIGN §5 comparison): the mean response time of every
 * timed event, and the fastest and slowest model with their means.
 *
 * @event tally-data-load - An answer arrived.
 * @event tally-data-error - The query failed.
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart refresh-button - Refresh.
 * @csspart figures - The figures.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - Loading.
 *
 * @cssproperty --tally-color-muted - Labels.
 */
export class TallyResponseTimes extends DataElement<'comparison'> {
  static override styles = [
    ...baseStyles,
    figureListStyles,
    css`
      .figures {
        margin: 0;
      }
    `,
  ];

  protected override defaultHeading(): string {
    return 'Response times';
  }

  protected viewQuery(): ViewQuery<'comparison'> {
    return {
      view: 'comparison',
      params: {
        range: this.effectiveRange,
        tz: this.effectiveTz,
        filters: this.effectiveFilters,
        by: 'model',
      },
    };
  }

  protected isEmpty(result: ComparisonResult): boolean {
    return result.rows.every((row) => row.averageLatencyMs === null);
  }

  protected override emptyHint(): string {
    return 'No response times in this range — widen it.';
  }

  protected renderData(result: ComparisonResult): unknown {
    const format = this.formatterFor(result.range.tz);
    const average = subtotalOf(result.rows).averageLatencyMs ?? null;
    const model = (row: ComparisonRow | null) =>
      row === null ? '—' : `${row.value} (${format.duration(row.averageLatencyMs ?? 0)})`;
    const figures: [string, string, string][] = [
      ['average', 'Average', average === null ? '—' : format.duration(average)],
      ['fastest', 'Fastest model', model(extremeModel(result.rows, 'fastest'))],
      ['slowest', 'Slowest model', model(extremeModel(result.rows, 'slowest'))],
    ];
    return html`<dl class="figures" part="figures">
      ${figures.map(
        ([key, label, value]) =>
          html`<div>
            <dt>${label}</dt>
            <dd data-figure=${key}>${value}</dd>
          </div>`,
      )}
    </dl>`;
  }
}

if (!customElements.get('tally-response-times')) {
  customElements.define('tally-response-times', TallyResponseTimes);
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-response-times': TallyResponseTimes;
  }
}
