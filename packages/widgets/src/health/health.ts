import type { HealthResult, HealthStatus } from '@tally/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';
import type { Formatter } from '../format/formatter.js';
import '../gauge/gauge.js';
import { healthStyles } from './health.styles.js';

/** How one gauge's dial is drawn: its scale and thresholds. */
export interface GaugeScale {
  /** The scale's low end. @default 0 */
  min?: number;
  /** The scale's high end. @default the highest reading in the range */
  max?: number;
  /** Readings from this value up are a warning. */
  warning?: number;
  /** Readings from this value up are critical. */
  critical?: number;
}

/** The words of each health marker. */
export const HEALTH_STATUS_LABELS: Readonly<Record<HealthStatus, string>> = {
  good: 'Good',
  acceptable: 'Acceptable',
  bad: 'Bad',
};

type Uptime = HealthResult['uptime']['last24Hours'];
type Incident = Uptime['incidents'][number];

/**
 * @summary System health (DESIGN §5 health): uptime over 24 hours, 7 and 30 days with the
 * incidents (the most recent five with start, end and duration, and a "Show all" toggle); the error rate now, over the last hour, 24 hours and 7 days; latency p50 / p95 / p99;
 * the current load and the day's peak; and gauge readings (such as `queue.depth`) when such
 * events exist, each as a `<tally-gauge>` dial of the latest reading with the highest beside it. Each rate carries a good / acceptable / bad marker, in words as well as colour.
 *
 * @event tally-data-load - An answer arrived.
 * @event tally-data-error - The query failed.
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart refresh-button - Refresh.
 * @csspart group - One group of figures (uptime, error rate, latency, load, gauges).
 * @csspart marker - A good / acceptable / bad marker.
 * @csspart incidents - The list of the most recent incidents (start, end, duration).
 * @csspart incidents-more - How many older incidents are not shown ("and 37 more").
 * @csspart incidents-toggle - "Show all" / "Show fewer" of the incidents.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - Loading.
 *
 * @cssproperty --tally-color-positive - Good markers.
 * @cssproperty --tally-color-negative - Bad markers.
 * @cssproperty --tally-color-muted - Group titles.
 */
export class TallyHealth extends DataElement<'health'> {
  static override styles = [...baseStyles, healthStyles];

  static override properties: PropertyDeclarations = {
    gauges: { attribute: false },
    gaugeScales: { attribute: false },
    incidentLimit: { attribute: 'incident-limit', type: Number },
    showAllIncidents: { state: true },
  };

  /** Event names whose `value` is a gauge reading. @default ['queue.depth'] */
  declare gauges: string[];
  /** Each gauge's scale and thresholds, by event name; unset scales run from 0 to the highest reading. */
  declare gaugeScales: Readonly<Record<string, GaugeScale>>;
  /** How many of the most recent incidents show before "Show all". @default 5 */
  declare incidentLimit: number;
  /** Whether every incident shows (the "Show all" toggle). */
  declare protected showAllIncidents: boolean;

  constructor() {
    super();
    this.gauges = ['queue.depth'];
    this.gaugeScales = {};
    this.incidentLimit = 5;
    this.showAllIncidents = false;
  }

  protected override defaultHeading(): string {
    return 'Health';
  }

  protected viewQuery(): ViewQuery<'health'> {
    return {
      view: 'health',
      params: {
        range: this.effectiveRange,
        tz: this.effectiveTz,
        filters: this.effectiveFilters,
        gauges: this.gauges,
      },
    };
  }

  protected isEmpty(result: HealthResult): boolean {
    return (
      result.errorRate.last7Days.requests === 0 &&
      result.latency.samples === 0 &&
      result.uptime.last30Days.minutes === 0 &&
      result.gauges.every((gauge) => gauge.readings === 0)
    );
  }

  protected renderData(result: HealthResult): unknown {
    const format = this.formatterFor(result.range.tz);
    const percent = (value: number | null) => (value === null ? '—' : format.percent(value, 2));
    const duration = (value: number | null) => (value === null ? '—' : format.duration(value));
    const uptimes: [string, string, Uptime][] = [
      ['last24Hours', '24 hours', result.uptime.last24Hours],
      ['last7Days', '7 days', result.uptime.last7Days],
      ['last30Days', '30 days', result.uptime.last30Days],
    ];
    const rates = [
      ['now', 'Now (5 min)', result.errorRate.now],
      ['lastHour', 'Last hour', result.errorRate.lastHour],
      ['last24Hours', 'Last 24 hours', result.errorRate.last24Hours],
      ['last7Days', 'Last 7 days', result.errorRate.last7Days],
    ] as const;
    const { latency, load } = result;
    const incidents = result.uptime.last30Days.incidents;
    const peak =
      load.peakToday === null ? '—' : `${format.number(load.peakToday.requestsPerMinute)} / min`;
    const gauges = result.gauges.filter((gauge) => gauge.readings > 0);
    return html`<div class="groups">
      <section class="group" part="group" data-group="uptime" aria-label="Uptime">
        <p class="group-title" aria-hidden="true">Uptime</p>
        <dl>
          ${uptimes.map(
            ([key, label, window]) =>
              html`<div data-window=${key}>
                <dt>${label}</dt>
                <dd>
                  <span class="value">${percent(window.uptime)}</span>${marker(window.status)}
                </dd>
              </div>`,
          )}
        </dl>
        ${this.renderIncidents(incidents, format)}
      </section>
      <section class="group" part="group" data-group="error-rate" aria-label="Error rate">
        <p class="group-title" aria-hidden="true">Error rate</p>
        <dl>
          ${rates.map(
            ([key, label, window]) =>
              html`<div data-window=${key}>
                <dt>${label}</dt>
                <dd>
                  <span class="value">${percent(window.errorRate)}</span>${marker(window.status)}
                </dd>
              </div>`,
          )}
        </dl>
      </section>
      <section class="group" part="group" data-group="latency" aria-label="Response time">
        <p class="group-title" aria-hidden="true">Response time</p>
        <dl>
          <div data-window="p50">
            <dt>p50</dt>
            <dd><span class="value">${duration(latency.p50Ms)}</span></dd>
          </div>
          <div data-window="p95">
            <dt>p95</dt>
            <dd><span class="value">${duration(latency.p95Ms)}</span>${marker(latency.status)}</dd>
          </div>
          <div data-window="p99">
            <dt>p99</dt>
            <dd><span class="value">${duration(latency.p99Ms)}</span></dd>
          </div>
        </dl>
      </section>
      <section class="group" part="group" data-group="load" aria-label="Load">
        <p class="group-title" aria-hidden="true">Load</p>
        <dl>
          <div data-window="current">
            <dt>Now</dt>
            <dd><span class="value">${format.number(load.requestsPerMinute)} / min</span></dd>
          </div>
          <div data-window="peak">
            <dt>Today's peak</dt>
            <dd><span class="value">${peak}</span></dd>
          </div>
        </dl>
        ${gauges.length === 0 ? nothing : this.renderGauges(gauges, format)}
      </section>
    </div>`;
  }

  /** The most recent incidents (newest first), the count of the others and a "Show all" toggle. */
  private renderIncidents(incidents: readonly Incident[], format: Formatter): unknown {
    if (incidents.length === 0) return html`<p class="incidents-none">No incidents in 30 days.</p>`;
    const newest = [...incidents].sort((a, b) => b.start - a.start);
    const limit = Math.max(0, Math.floor(this.incidentLimit));
    const hidden = this.showAllIncidents ? 0 : Math.max(0, newest.length - limit);
    const shown = newest.slice(0, newest.length - hidden);
    const total = newest.length;
    return html`<p class="incidents-title" id="incidents-title">
        ${format.number(total)} ${total === 1 ? 'incident' : 'incidents'} in 30 days
      </p>
      <ol class="incidents" id="incidents" part="incidents" aria-labelledby="incidents-title">
        ${shown.map((incident) => renderIncident(incident, format))}
      </ol>
      ${
        newest.length > limit
          ? html`<p class="incidents-more">
              ${
                hidden > 0
                  ? html`<span part="incidents-more">and ${format.number(hidden)} more</span>`
                  : nothing
              }
              <button
                type="button"
                class="link-button"
                part="incidents-toggle"
                aria-expanded=${this.showAllIncidents ? 'true' : 'false'}
                aria-controls="incidents"
                @click=${() => {
                  this.showAllIncidents = !this.showAllIncidents;
                }}
              >
                ${this.showAllIncidents ? 'Show fewer' : `Show all ${format.number(total)}`}
              </button>
            </p>`
          : nothing
      }`;
  }

  private renderGauges(gauges: HealthResult['gauges'], format: Formatter): unknown {
    return html`<p class="group-title" aria-hidden="true">Gauges</p>
      <div class="gauges" data-group="gauges">
        ${gauges.map((gauge) => {
          const scale = this.gaugeScales[gauge.name] ?? {};
          const max = scale.max ?? Math.max(gauge.max ?? 0, scale.critical ?? 0, 1);
          return html`<div class="gauge" data-gauge=${gauge.name}>
            <tally-gauge
              .value=${gauge.latest}
              .min=${scale.min ?? 0}
              .max=${max}
              .warning=${scale.warning}
              .critical=${scale.critical}
              .label=${gauge.name}
              .locale=${this.effectiveLocale}
              .theme=${this.resolvedTheme}
            ></tally-gauge>
            <p>
              <span class="visually-hidden">Latest </span
              ><span class="value"
                >${gauge.latest === null ? '—' : format.number(gauge.latest)}</span
              >
              <span class="max">max ${gauge.max === null ? '—' : format.number(gauge.max)}</span>
            </p>
          </div>`;
        })}
      </div>`;
  }
}

/** One incident: its start, its end (its time alone on the same day) and how long it lasted. */
function renderIncident(incident: Incident, format: Formatter): unknown {
  const sameDay = format.date(incident.start) === format.date(incident.end);
  return html`<li data-start=${incident.start}>
    <time class="start" datetime=${new Date(incident.start).toISOString()}
      >${format.dateTime(incident.start)}</time
    >
    –
    ${
      incident.ongoing
        ? html`<span class="end">ongoing</span>`
        : html`<time class="end" datetime=${new Date(incident.end).toISOString()}
            >${sameDay ? format.time(incident.end) : format.dateTime(incident.end)}</time
          >`
    }
    <span class="duration">(${format.duration(incident.minutes * 60_000)})</span>
  </li>`;
}

function marker(status: HealthStatus | null): unknown {
  if (status === null) return nothing;
  return html`<span class="marker ${status}" part="marker" data-status=${status}
    >${HEALTH_STATUS_LABELS[status]}</span
  >`;
}

if (!customElements.get('tally-health')) {
  customElements.define('tally-health', TallyHealth);
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-health': TallyHealth;
  }
}
