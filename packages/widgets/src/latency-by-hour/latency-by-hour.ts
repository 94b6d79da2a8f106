import type { HourOfDayLatency, PatternsResult } from '@tally/core';
import { html } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';
import type { Formatter } from '../format/formatter.js';
import { latencyByHourStyles } from './latency-by-hour.styles.js';

/** `HH:00`, the start of a local hour. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/**
 * @summary Response time by hour of day (DESIGN §5 patterns): the mean latency of each local
 * hour over every day of the range, as 24 columns with a text summary (the slowest and fastest
 * hours) and a data table of the same numbers.
 *
 * @event tally-data-load - An answer arrived.
 * @event tally-data-error - The query failed.
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart refresh-button - Refresh.
 * @csspart summary - The text summary.
 * @csspart chart - The columns.
 * @csspart column - An hour.
 * @csspart data-table - The data table.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - Loading.
 *
 * @cssproperty --tally-color-accent - The columns.
 * @cssproperty [--tally-chart-height=140px] - The chart's height.
 */
export class TallyLatencyByHour extends DataElement<'patterns'> {
  static override styles = [...baseStyles, latencyByHourStyles];

  protected override defaultHeading(): string {
    return 'Response time by hour of day';
  }

  protected viewQuery(): ViewQuery<'patterns'> {
    return {
      view: 'patterns',
      params: { range: this.effectiveRange, tz: this.effectiveTz, filters: this.effectiveFilters },
    };
  }

  protected isEmpty(result: PatternsResult): boolean {
    return result.latencyByHour.every((hour) => hour.averageLatencyMs === null);
  }

  protected override emptyHint(): string {
    return 'No response times in this range — widen it.';
  }

  protected renderData(result: PatternsResult): unknown {
    const format = this.formatterFor(result.range.tz);
    const hours = result.latencyByHour;
    const top = Math.max(1, ...hours.map((hour) => hour.averageLatencyMs ?? 0));
    const summary = summaryOf(hours, format);
    return html`<p class="summary" part="summary">${summary}</p>
      <div class="columns" part="chart" role="img" aria-label=${summary}>
        ${hours.map(
          (hour) =>
            html`<div
              class="column ${hour.averageLatencyMs === null ? 'none' : ''}"
              part="column"
              style="height:${((hour.averageLatencyMs ?? 0) / top) * 100}%"
              title=${`${hourLabel(hour.hour)}: ${writeLatency(hour, format)}`}
            ></div>`,
        )}
      </div>
      <div class="hours" aria-hidden="true">
        ${[0, 3, 6, 9, 12, 15, 18, 21].map((hour) => html`<span>${hourLabel(hour)}</span>`)}
      </div>
      <details class="data-table" part="data-table">
        <summary>Show data table</summary>
        <table>
          <caption class="visually-hidden">
            ${this.headingText}
          </caption>
          <thead>
            <tr>
              <th scope="col">Hour</th>
              <th scope="col" class="num">Average response time</th>
              <th scope="col" class="num">Timed events</th>
            </tr>
          </thead>
          <tbody>
            ${hours.map(
              (hour) =>
                html`<tr data-hour=${hour.hour}>
                  <th scope="row">${hourLabel(hour.hour)}</th>
                  <td class="num" data-column="averageLatencyMs">${writeLatency(hour, format)}</td>
                  <td class="num" data-column="latencyEvents">
                    ${format.number(hour.latencyEvents, 0)}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </details>`;
  }
}

function writeLatency(hour: HourOfDayLatency, format: Formatter): string {
  return hour.averageLatencyMs === null ? '—' : format.duration(hour.averageLatencyMs);
}

function summaryOf(hours: readonly HourOfDayLatency[], format: Formatter): string {
  const timed = hours.filter((hour) => hour.averageLatencyMs !== null);
  if (timed.length === 0) return 'No response times in this range.';
  const slowest = timed.reduce((best, hour) =>
    (hour.averageLatencyMs ?? 0) > (best.averageLatencyMs ?? 0) ? hour : best,
  );
  const fastest = timed.reduce((best, hour) =>
    (hour.averageLatencyMs ?? 0) < (best.averageLatencyMs ?? 0) ? hour : best,
  );
  return (
    `Average response time by hour of day. Slowest: ${hourLabel(slowest.hour)} ` +
    `(${writeLatency(slowest, format)}); fastest: ${hourLabel(fastest.hour)} ` +
    `(${writeLatency(fastest, format)}).`
  );
}

if (!customElements.get('tally-latency-by-hour')) {
  customElements.define('tally-latency-by-hour', TallyLatencyByHour);
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-latency-by-hour': TallyLatencyByHour;
  }
}
