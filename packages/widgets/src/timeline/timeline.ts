import type { Chart } from 'chart.js';
import type {
  BucketSize,
  Granularity,
  TimelineMeasure,
  TimelineResult,
  ViewDimension,
} from '@tally/core';
import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';
import { registerBarChart } from '../charts/bar-chart.js';
import { chartColors } from '../charts/chart-colors.js';
import { MEASURE_NOUNS, writeMeasure } from '../charts/measure-format.js';
import type { Formatter } from '../format/formatter.js';
import { labelFor, paletteFor } from '../theme/palette.js';
import { timelineStyles } from './timeline.styles.js';

const GRANULARITY_LABELS: Record<string, string> = {
  auto: 'Automatic',
  hour: 'Hourly',
  day: 'Daily',
  week: 'Weekly',
  month: 'Monthly',
};

/**
 * @summary Bars over time (DESIGN §5 timeline): the bucket chosen automatically and shown next to
 * the title ("Interval: 4h"), a granularity override, and optional stacking by a dimension. A
 * text summary describes the chart, and its numbers are also in a data table.
 *
 * @event tally-data-load - An answer arrived.
 * @event tally-data-error - The query failed.
 * @event change - The reader picked another granularity (`granularity`).
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart title - The title.
 * @csspart interval - The interval note.
 * @csspart granularity - The granularity picker.
 * @csspart refresh-button - Refresh.
 * @csspart summary - The text summary.
 * @csspart canvas - The chart.
 * @csspart legend - The series legend.
 * @csspart data-table - The table of the numbers.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - Loading.
 *
 * @cssproperty [--tally-chart-height=240px] - The chart's height.
 * @cssproperty --tally-color-accent - The bars when not stacked.
 * @cssproperty --tally-color-grid - Grid lines.
 * @cssproperty --tally-color-muted - Axis labels.
 */
export class TallyTimeline extends DataElement<'timeline'> {
  static override styles = [...baseStyles, timelineStyles];

  static override properties: PropertyDeclarations = {
    measure: {},
    splitBy: { attribute: 'split-by' },
    granularity: {},
    top: { type: Number },
  };

  /** What to plot. @default 'events' */
  declare measure: TimelineMeasure;
  /** A dimension to stack the bars by (`category`, `model`, `user`, ...). */
  declare splitBy: ViewDimension | undefined;
  /** `auto`, `hour`, `day`, `week` or `month`. @default 'auto' */
  declare granularity: Granularity | 'auto';
  /** Series shown before the rest fold into "other". @default 8 */
  declare top: number | undefined;

  private chart: Chart<'bar'> | undefined;
  private drawnTheme: string | undefined;

  constructor() {
    super();
    this.heading = 'Requests over time';
    this.measure = 'events';
    this.granularity = 'auto';
  }

  protected viewQuery(): ViewQuery<'timeline'> {
    return {
      view: 'timeline',
      params: {
        range: this.effectiveRange,
        tz: this.effectiveTz,
        filters: this.effectiveFilters,
        measure: this.measure,
        ...(this.granularity === 'auto' ? {} : { granularity: this.granularity }),
        ...(this.splitBy === undefined ? {} : { splitBy: this.splitBy }),
        ...(this.top === undefined ? {} : { top: this.top }),
      },
    };
  }

  protected isEmpty(result: TimelineResult): boolean {
    return result.buckets.every((bucket) => !bucket.total);
  }

  protected override renderTitleExtra(): unknown {
    const interval = this.data?.interval;
    return interval === undefined
      ? nothing
      : html`<span class="title-extra" part="interval">Interval: ${interval}</span>`;
  }

  protected override renderActions(): unknown {
    return html`<label class="granularity">
      <span class="visually-hidden">Interval</span>
      <select part="granularity" @change=${this.onGranularity}>
        ${Object.entries(GRANULARITY_LABELS).map(
          ([value, label]) =>
            html`<option value=${value} ?selected=${value === this.granularity}>${label}</option>`,
        )}
      </select>
    </label>`;
  }

  protected override renderSkeleton(): unknown {
    return html`<div class="bars-skeleton" aria-hidden="true">
      ${[40, 65, 30, 80, 55, 70, 45, 90, 60, 35, 75, 50].map(
        (height) => html`<div class="skeleton" style="height:${height}%"></div>`,
      )}
    </div>`;
  }

  protected renderData(result: TimelineResult): unknown {
    const format = this.formatterFor(result.range.tz);
    const series = this.seriesOf(result);
    const summary = this.summaryOf(result, format);
    return html`
      <p class="summary" part="summary">${summary}</p>
      <div class="chart-box">
        <canvas part="canvas" role="img" aria-label=${summary}></canvas>
      </div>
      ${
        series.length > 1
          ? html`<ul class="legend" part="legend" aria-label="Series">
              ${series.map(
                (item) =>
                  html`<li>
                    <span class="swatch" style="background:${item.color}"></span>${item.label}
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <details class="data-table" part="data-table">
        <summary>Show data table</summary>
        <table>
          <caption class="visually-hidden">
            ${this.headingText}: ${MEASURE_NOUNS[result.measure]} per ${result.interval}
          </caption>
          <thead>
            <tr>
              <th scope="col">Start</th>
              <th scope="col" class="num">Total</th>
              ${series.length > 1 ? series.map((item) => html`<th scope="col" class="num">${item.label}</th>`) : nothing}
            </tr>
          </thead>
          <tbody>
            ${result.buckets.map(
              (bucket) =>
                html`<tr>
                  <th scope="row">${this.bucketLabel(bucket.start, result.size, format, true)}</th>
                  <td class="num">${writeMeasure(result.measure, bucket.total, format)}</td>
                  ${
                    series.length > 1
                      ? series.map(
                          (item) =>
                            html`<td class="num">
                              ${writeMeasure(result.measure, bucket.series?.[item.key] ?? 0, format)}
                            </td>`,
                        )
                      : nothing
                  }
                </tr>`,
            )}
          </tbody>
        </table>
      </details>
    `;
  }

  private seriesOf(result: TimelineResult): { key: string; label: string; color: string }[] {
    if (result.series.length === 0) {
      return [{ key: '', label: MEASURE_NOUNS[result.measure] ?? result.measure, color: '' }];
    }
    const categories = this.effectiveCategories;
    const colors = paletteFor(
      result.series.map((item) => item.key),
      this.resolvedTheme,
      result.splitBy === 'category' ? categories : [],
    );
    return result.series.map((item) => ({
      key: item.key,
      label:
        item.name ?? (result.splitBy === 'category' ? labelFor(item.key, categories) : item.key),
      color: colors.get(item.key) as string,
    }));
  }

  private summaryOf(result: TimelineResult, format: Formatter): string {
    const noun = MEASURE_NOUNS[result.measure] ?? result.measure;
    const first = result.buckets[0];
    const last = result.buckets.at(-1);
    if (first === undefined || last === undefined) return `No ${noun} in this range.`;
    const additive = result.measure !== 'latencyP95' && result.measure !== 'activeUsers';
    const total = result.buckets.reduce((sum, bucket) => sum + (bucket.total ?? 0), 0);
    const span = `from ${format.dateTime(first.start)} to ${format.dateTime(last.end)}, per ${result.interval}`;
    const head = additive
      ? `${writeMeasure(result.measure, total, format)} ${noun} ${span}.`
      : `${noun} ${span}.`;
    const peak =
      result.peak === null
        ? ''
        : ` Peak: ${writeMeasure(result.measure, result.peak.total, format)} in the ${result.interval} from ${format.dateTime(result.peak.start)}.`;
    return `${head.charAt(0).toUpperCase()}${head.slice(1)}${peak}`;
  }

  private bucketLabel(start: number, size: BucketSize, format: Formatter, long = false): string {
    if (size === '1M') return format.month(start);
    if (size === '1d' || size === '1w') return long ? format.date(start) : format.shortDate(start);
    return long ? format.dateTime(start) : `${format.shortDate(start)} ${format.time(start)}`;
  }

  private readonly onGranularity = (event: Event): void => {
    this.granularity = (event.target as HTMLSelectElement).value as Granularity | 'auto';
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const canvas = this.renderRoot.querySelector('canvas');
    if (
      canvas === null ||
      this.data === undefined ||
      (this.status !== 'ready' && this.status !== 'loading')
    ) {
      this.chart?.destroy();
      this.chart = undefined;
      return;
    }
    if (this.chart !== undefined && this.chart.canvas !== canvas) {
      this.chart.destroy();
      this.chart = undefined;
    }
    if (!changed.has('data') && this.chart !== undefined && this.drawnTheme === this.resolvedTheme)
      return;
    this.draw(canvas, this.data);
  }

  private draw(canvas: HTMLCanvasElement, result: TimelineResult): void {
    const format = this.formatterFor(result.range.tz);
    const colors = chartColors(this);
    const accent =
      getComputedStyle(this).getPropertyValue('--tally-color-accent').trim() ||
      getComputedStyle(this).getPropertyValue('--_accent').trim();
    const series = this.seriesOf(result);
    const stacked = result.series.length > 0;
    const data = {
      labels: result.buckets.map((bucket) => this.bucketLabel(bucket.start, result.size, format)),
      datasets: stacked
        ? series.map((item) => ({
            label: item.label,
            data: result.buckets.map((bucket) => bucket.series?.[item.key] ?? 0),
            backgroundColor: item.color,
          }))
        : [
            {
              label: series[0].label,
              data: result.buckets.map((bucket) => bucket.total ?? 0),
              backgroundColor: accent,
            },
          ],
    };
    const axis = { color: colors.muted, font: { family: getComputedStyle(this).fontFamily } };
    const options = {
      animation: false as const,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: {
          stacked,
          grid: { display: false },
          ticks: { ...axis, maxRotation: 0, autoSkipPadding: 12 },
          border: { color: colors.grid },
        },
        y: {
          stacked,
          beginAtZero: true,
          grid: { color: colors.grid },
          border: { display: false },
          ticks: {
            ...axis,
            callback: (value: string | number) =>
              writeMeasure(result.measure, Number(value), format, true),
          },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: { dataset: { label?: string }; parsed: { y: number | null } }) =>
              ` ${item.dataset.label ?? ''}: ${writeMeasure(result.measure, item.parsed.y, format)}`,
          },
        },
      },
    };
    if (this.chart === undefined) {
      const ChartType = registerBarChart();
      this.chart = new ChartType(canvas, { type: 'bar', data, options });
    } else {
      this.chart.data = data;
      this.chart.options = options;
      this.chart.update('none');
    }
    this.drawnTheme = this.resolvedTheme;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }
}

if (!customElements.get('tally-timeline')) customElements.define('tally-timeline', TallyTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'tally-timeline': TallyTimeline;
  }
}
