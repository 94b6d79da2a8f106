import type { Stat, StatKey, StatsResult } from '@tally/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';
import type { Formatter } from '../format/formatter.js';
import { statCardsStyles } from './stat-cards.styles.js';
import { BOT_STATS, STAT_DISPLAY, type StatKind } from './stat-labels.js';

/**
 * @summary Stat cards (DESIGN §5 stats): each value compact on the card with the exact figure in
 * its tooltip, its change against the previous period coloured by whether up is good, and "last
 * request" as a relative time.
 *
 * @event tally-data-load - An answer arrived.
 * @event tally-data-error - The query failed.
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart refresh-button - Refresh.
 * @csspart cards - The card grid.
 * @csspart card - One card.
 * @csspart label - A card's label.
 * @csspart value - A card's value.
 * @csspart change - A card's change line.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - Loading.
 *
 * @cssproperty [--tally-stat-min-width=150px] - The narrowest a card gets.
 * @cssproperty --tally-color-positive - An improvement.
 * @cssproperty --tally-color-negative - A decline.
 */
export class TallyStatCards extends DataElement<'stats'> {
  static override styles = [...baseStyles, statCardsStyles];

  static override properties: PropertyDeclarations = {
    stats: {
      converter: {
        fromAttribute: (value: string | null) =>
          (value ?? '')
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
      },
    },
    labels: { attribute: false },
    now: { type: Number },
  };

  /** The stats to show, in order. @default the nine cards of a bot analytics page */
  declare stats: StatKey[];
  /** Labels that replace the defaults, by stat. */
  declare labels: Partial<Record<StatKey, string>>;
  /** The time "last request" is measured from; the clock's when unset. */
  declare now: number | undefined;

  constructor() {
    super();
    this.heading = 'Overview';
    this.stats = [...BOT_STATS];
    this.labels = {};
  }

  protected viewQuery(): ViewQuery<'stats'> {
    return {
      view: 'stats',
      params: {
        range: this.effectiveRange,
        tz: this.effectiveTz,
        filters: this.effectiveFilters,
        stats: this.stats,
      },
    };
  }

  protected isEmpty(result: StatsResult): boolean {
    return Object.values(result.stats).every(
      (stat) => stat === undefined || stat.value === null || stat.value === 0,
    );
  }

  protected override renderSkeleton(): unknown {
    return html`<div class="cards" aria-hidden="true">
      ${this.stats.map(
        () =>
          html`<div class="card">
            <div class="skeleton" style="width:60%"></div>
            <div class="skeleton" style="width:40%;height:24px;margin-top:10px"></div>
          </div>`,
      )}
    </div>`;
  }

  protected renderData(result: StatsResult): unknown {
    const format = this.formatterFor(result.range.tz);
    return html`<div class="cards" part="cards">
      ${this.stats.map((key, index) => this.renderCard(key, index, result.stats[key], format))}
    </div>`;
  }

  private renderCard(
    key: StatKey,
    index: number,
    stat: Stat | undefined,
    format: Formatter,
  ): unknown {
    const display = STAT_DISPLAY[key] ?? { label: key, kind: 'count' as StatKind };
    const label = this.labels[key] ?? display.label;
    const id = `stat-${index}`;
    const value = stat?.value ?? null;
    const shown = writeValue(value, display.kind, format, true, this.now ?? Date.now());
    const exact = writeValue(value, display.kind, format, false, this.now ?? Date.now());
    return html`<div
      class="card"
      part="card"
      role="group"
      aria-labelledby=${id}
      tabindex="0"
      data-stat=${key}
    >
      <div class="label" part="label" id=${id}>${label}</div>
      <div class="value ${display.kind === 'time' ? 'time' : ''}" part="value" title=${exact}>
        <span aria-hidden="true">${shown}</span>
        <span class="exact" role="tooltip">${exact}</span>
      </div>
      ${this.renderChange(stat, display.kind, format)}
    </div>`;
  }

  private renderChange(stat: Stat | undefined, kind: StatKind, format: Formatter): unknown {
    if (stat === undefined || kind === 'time') return nothing;
    if (stat.previous === null || stat.delta === null) {
      return html`<div class="change muted" part="change">No previous period</div>`;
    }
    const direction = stat.delta > 0 ? 'up' : stat.delta < 0 ? 'down' : 'flat';
    const tone =
      direction === 'flat' || stat.better === null
        ? 'neutral'
        : direction === stat.better
          ? 'good'
          : 'bad';
    const amount =
      stat.change !== null
        ? format.change(stat.change)
        : `${stat.delta > 0 ? '+' : ''}${writeValue(stat.delta, kind, format, false, 0)}`;
    const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■';
    const verdict = tone === 'good' ? 'better' : tone === 'bad' ? 'worse' : '';
    return html`<div class="change ${tone}" part="change" data-tone=${tone}>
      <span aria-hidden="true">${arrow}</span> ${amount}
      <span class="muted"
        >vs previous
        period${verdict ? html`<span class="visually-hidden"> (${verdict})</span>` : nothing}</span
      >
    </div>`;
  }
}

/** A stat value in words: compact for the card, or exact for the tooltip and screen readers. */
export function writeValue(
  value: number | null,
  kind: StatKind,
  format: Formatter,
  compact: boolean,
  now: number,
): string {
  if (value === null) return '—';
  switch (kind) {
    case 'count':
      return compact && Math.abs(value) >= 10_000 ? format.compact(value) : format.number(value, 0);
    case 'decimal':
      return compact && Math.abs(value) >= 10_000 ? format.compact(value) : format.number(value, 2);
    case 'usd':
      return format.usd(value, compact && Math.abs(value) >= 10_000);
    case 'percent':
      return format.percent(value, compact ? 1 : 2);
    case 'duration':
      return format.duration(value);
    case 'time':
      return compact ? format.relativeTime(value, now) : format.dateTime(value);
  }
}

if (!customElements.get('tally-stat-cards'))
  customElements.define('tally-stat-cards', TallyStatCards);

declare global {
  interface HTMLElementTagNameMap {
    'tally-stat-cards': TallyStatCards;
  }
}
