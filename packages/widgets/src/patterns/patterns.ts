import type { PatternsResult } from '@tally/core';
import { css, html, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { figureListStyles } from '../base/figure-list.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';

/** 1 January 2024 was a Monday: weekday `n` (1 = Monday) is `n − 1` days later. */
const A_MONDAY = Date.UTC(2024, 0, 1);

/** The name of weekday `weekday` (1 = Monday … 7 = Sunday) in `locale`. */
export function weekdayName(weekday: number, locale: string | undefined): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    A_MONDAY + (weekday - 1) * 86_400_000,
  );
}

/**
 * @summary When usage happens (DESIGN §5 patterns): the peak day and peak hour, the most active
 * weekdays, the average response time at peak hours (weekdays 9–18), off-peak and at weekends,
 * and the events and credits of each week.
 *
 * @event tally-data-load - An answer arrived.
 * @event tally-data-error - The query failed.
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart refresh-button - Refresh.
 * @csspart figures - The peak and latency figures.
 * @csspart weeks - The week-by-week table.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - Loading.
 *
 * @cssproperty --tally-color-muted - Labels.
 * @cssproperty --tally-color-border - Row lines.
 */
export class TallyPatterns extends DataElement<'patterns'> {
  static override styles = [
    ...baseStyles,
    figureListStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 4px 8px;
        text-align: left;
        border-bottom: 1px solid var(--tally-color-border, var(--_border));
      }
      th {
        color: var(--tally-color-muted, var(--_muted));
        font-weight: 600;
      }
      .num {
        text-align: right;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    showWeeks: { attribute: 'show-weeks', type: Boolean },
  };

  /** Whether the week-by-week table shows. @default false */
  declare showWeeks: boolean;

  constructor() {
    super();
    this.showWeeks = false;
  }

  protected override defaultHeading(): string {
    return 'Usage patterns';
  }

  protected viewQuery(): ViewQuery<'patterns'> {
    return {
      view: 'patterns',
      params: { range: this.effectiveRange, tz: this.effectiveTz, filters: this.effectiveFilters },
    };
  }

  protected isEmpty(result: PatternsResult): boolean {
    return result.peakDay === null;
  }

  protected renderData(result: PatternsResult): unknown {
    const format = this.formatterFor(result.range.tz);
    const locale = this.effectiveLocale;
    const latency = (value: number | null) => (value === null ? '—' : format.duration(value));
    const hour = (value: number) => `${String(value).padStart(2, '0')}:00`;
    const figures: [string, string, string][] = [
      [
        'peakDay',
        'Peak day',
        result.peakDay === null
          ? '—'
          : `${result.peakDay.date} (${format.number(result.peakDay.events)} events)`,
      ],
      [
        'peakHour',
        'Peak hour',
        result.peakHour === null
          ? '—'
          : `${hour(result.peakHour.hour)}–${hour((result.peakHour.hour + 1) % 24)}`,
      ],
      [
        'weekdays',
        'Most active weekdays',
        result.mostActiveWeekdays
          .slice(0, 3)
          .map((weekday) => weekdayName(weekday, locale))
          .join(', ') || '—',
      ],
      ['peak', 'Response time, peak hours', latency(result.latency.peak.averageLatencyMs)],
      ['offPeak', 'Off-peak', latency(result.latency.offPeak.averageLatencyMs)],
      ['weekend', 'Weekend', latency(result.latency.weekend.averageLatencyMs)],
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
      ${
        this.showWeeks
          ? html`<table part="weeks">
              <caption class="visually-hidden">
                Week by week
              </caption>
              <thead>
                <tr>
                  <th scope="col">Week of</th>
                  <th scope="col" class="num">Events</th>
                  <th scope="col" class="num">Credits</th>
                </tr>
              </thead>
              <tbody>
                ${result.weeks.map(
                  (week) =>
                    html`<tr data-week=${String(week.start)}>
                      <th scope="row">${format.date(week.start)}</th>
                      <td class="num" data-column="events">${format.number(week.events)}</td>
                      <td class="num" data-column="credits">${format.number(week.credits)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : ''
      }`;
  }
}

if (!customElements.get('tally-patterns')) {
  customElements.define('tally-patterns', TallyPatterns);
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-patterns': TallyPatterns;
  }
}
