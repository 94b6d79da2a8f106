import type { BreakdownMeasure, BreakdownResult, BreakdownRow, ViewDimension } from '@tally/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';
import { MEASURE_NOUNS, writeMeasure } from '../charts/measure-format.js';
import '../donut/donut.js';
import type { DonutSlice } from '../donut/donut.js';
import type { Formatter } from '../format/formatter.js';
import { labelFor, paletteFor } from '../theme/palette.js';
import { breakdownStyles } from './breakdown.styles.js';

const TITLES: Record<string, string> = {
  category: 'By category',
  name: 'Top features',
  model: 'Top models',
  provider: 'Top providers',
  agent: 'Top agents',
  source: 'Top sources',
  endpoint: 'Top endpoints',
  country: 'Top countries',
  user: 'Top users',
  userId: 'Top users',
};

/**
 * @summary A measure by one dimension (DESIGN §5 breakdown) as a ranked bar list or a donut: the
 * top N values plus "other", each with its share. The donut's numbers are also in a table.
 *
 * @event tally-data-load - An answer arrived.
 * @event tally-data-error - The query failed.
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart refresh-button - Refresh.
 * @csspart list - The ranked bar list.
 * @csspart item - One value.
 * @csspart bar - A value's bar.
 * @csspart donut - The donut.
 * @csspart data-table - The donut's table.
 * @csspart summary - The text summary.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - Loading.
 *
 * @cssproperty --tally-color-accent - The bars.
 * @cssproperty --tally-donut-size - The donut's size.
 */
export class TallyBreakdown extends DataElement<'breakdown'> {
  static override styles = [...baseStyles, breakdownStyles];

  static override properties: PropertyDeclarations = {
    dimension: {},
    measure: {},
    top: { type: Number },
    mode: {},
  };

  /** The dimension to break down by. @default 'category' */
  declare dimension: ViewDimension;
  /** What to measure. @default 'events' */
  declare measure: BreakdownMeasure;
  /** Values shown before the rest fold into "other". @default 5 */
  declare top: number;
  /** `bars` (a ranked list) or `donut`. @default 'bars' */
  declare mode: 'bars' | 'donut';

  constructor() {
    super();
    this.dimension = 'category';
    this.measure = 'events';
    this.top = 5;
    this.mode = 'bars';
  }

  protected override defaultHeading(): string {
    return TITLES[this.dimension] ?? `By ${this.dimension}`;
  }

  protected viewQuery(): ViewQuery<'breakdown'> {
    return {
      view: 'breakdown',
      params: {
        range: this.effectiveRange,
        tz: this.effectiveTz,
        filters: this.effectiveFilters,
        dimension: this.dimension,
        measure: this.measure,
        top: this.top,
      },
    };
  }

  protected isEmpty(result: BreakdownResult): boolean {
    return result.rows.length === 0 || result.rows.every((row) => row.value === 0);
  }

  protected renderData(result: BreakdownResult): unknown {
    const format = this.formatterFor(result.range.tz);
    const categories = result.dimension === 'category' ? this.effectiveCategories : [];
    const colors = paletteFor(
      result.rows.map((row) => row.key),
      this.resolvedTheme,
      categories,
    );
    const label = (row: BreakdownRow) => this.labelOf(row, categories);
    const summary = `${this.headingText} by ${MEASURE_NOUNS[result.measure] ?? result.measure}: ${result.rows
      .map(
        (row) =>
          `${label(row)} ${writeMeasure(result.measure, row.value, format)}${row.share === null ? '' : ` (${format.percent(row.share)})`}`,
      )
      .join(', ')}.`;
    if (this.mode === 'donut') return this.renderDonut(result, colors, label, summary, format);
    const top = result.rows.reduce((max, row) => Math.max(max, row.value), 0);
    return html`<p class="visually-hidden" part="summary">${summary}</p>
      <table class="bars" part="list">
        <caption class="visually-hidden">
          ${this.headingText}
        </caption>
        <thead class="visually-hidden">
          <tr>
            <th scope="col">${this.dimension}</th>
            <th scope="col" class="num">${MEASURE_NOUNS[result.measure] ?? result.measure}</th>
            <th scope="col" class="num">Share</th>
          </tr>
        </thead>
        <tbody>
          ${result.rows.map(
            (row) =>
              html`<tr part="item" data-key=${row.key}>
                <th scope="row" class="key">
                  <span class="key-text">${label(row)}</span>
                  <span class="bar" part="bar" aria-hidden="true"
                    ><span style="width:${top === 0 ? 0 : (row.value / top) * 100}%"></span
                  ></span>
                </th>
                <td class="num value">${writeMeasure(result.measure, row.value, format)}</td>
                <td class="num share muted">
                  ${row.share === null ? '—' : format.percent(row.share)}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${result.unpricedEvents ? html`<p class="note muted">${format.number(result.unpricedEvents)} unpriced events are not in the cost.</p>` : nothing}`;
  }

  private renderDonut(
    result: BreakdownResult,
    colors: Map<string, string>,
    label: (row: BreakdownRow) => string,
    summary: string,
    format: Formatter,
  ): unknown {
    const slices: DonutSlice[] = result.rows.map((row) => ({
      key: row.key,
      label: label(row),
      value: row.value,
      color: colors.get(row.key) as string,
    }));
    return html`<div class="donut-layout">
      <tally-donut
        part="donut"
        .slices=${slices}
        .formatValue=${(value: number) => writeMeasure(result.measure, value, format)}
        summary=${summary}
        theme=${this.resolvedTheme}
      ></tally-donut>
      <table part="data-table">
        <caption class="visually-hidden">
          ${this.headingText}
        </caption>
        <thead>
          <tr>
            <th scope="col">${TITLES[this.dimension] ? this.dimension : 'Value'}</th>
            <th scope="col" class="num">${MEASURE_NOUNS[result.measure] ?? result.measure}</th>
            <th scope="col" class="num">Share</th>
          </tr>
        </thead>
        <tbody>
          ${result.rows.map(
            (row) =>
              html`<tr data-key=${row.key}>
                <th scope="row">
                  <span class="swatch" style="background:${colors.get(row.key)}"></span>
                  ${label(row)}
                </th>
                <td class="num value">${writeMeasure(result.measure, row.value, format)}</td>
                <td class="num share">${row.share === null ? '—' : format.percent(row.share)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private labelOf(row: BreakdownRow, categories: Parameters<typeof labelFor>[1]): string {
    if (row.kind === 'other') return `Other (${row.groups})`;
    if (row.name) return row.name;
    return labelFor(row.key, categories);
  }
}

if (!customElements.get('tally-breakdown'))
  customElements.define('tally-breakdown', TallyBreakdown);

declare global {
  interface HTMLElementTagNameMap {
    'tally-breakdown': TallyBreakdown;
  }
}
