import type { ViewFilters } from '@tally/core';
import { html, type PropertyDeclarations } from 'lit';
import '../breakdown/breakdown.js';
import type { RangeValue } from '../data/data-source.js';
import '../date-range/date-range.js';
import '../stat-cards/stat-cards.js';
import '../table/table.js';
import { themeTokens } from '../theme/theme-tokens.js';
import { pageElementStyles } from '../usage-tab/page-element.styles.js';
import '../timeline/timeline.js';
import { TallyPageElement } from '../usage-tab/page-element.js';
import { botAnalyticsStyles } from './bot-analytics.styles.js';

const PRESETS = ['today', '7d', '30d', '90d', 'custom'];
const REQUEST_COLUMNS = ['time', 'endpoint', 'ip', 'country', 'region', 'city', 'browser'];
const TOKEN_COLUMNS = ['time', 'source', 'input', 'output', 'total'];

/**
 * @summary The analytics page of one bot, in one tag: nine stat cards (requests, unique IPs,
 * unique conversations, last request, input / output / total tokens, positive / negative
 * feedback), requests over time, the top endpoints and countries, the requests table (filter by
 * endpoint, country and IP; export) and the token usages table (filter by source; export). The
 * range defaults to the last 7 days; Refresh fetches everything again.
 *
 * Works inside a `<tally-provider>` (sharing its range; set the provider's `range="7d"` for the
 * same default) or alone with its own `source` and attributes.
 *
 * @event tally-range-change - The reader chose another date range (`range`).
 * @event tally-export-finish - A table was exported (`format`, `filename`, `blob`).
 * @event tally-export-error - An export failed (`format`, `error`).
 *
 * @csspart base - The page.
 * @csspart header - The title, the date range and Refresh.
 * @csspart title - The page title.
 * @csspart refresh-button - The page's Refresh button.
 * @csspart charts - The grid of the chart blocks.
 *
 * @cssproperty [--tally-page-padding=0] - Space around the page.
 * @cssproperty [--tally-page-gap=16px] - Space between the page's blocks.
 * @cssproperty --tally-color-background - The page's background.
 * @cssproperty --tally-color-accent - Bars and links.
 * @cssproperty --tally-color-text - Text.
 * @cssproperty --tally-color-muted - Secondary text.
 * @cssproperty --tally-color-border - Borders.
 * @cssproperty --tally-font-family - The font.
 */
export class TallyBotAnalytics extends TallyPageElement {
  static override styles = [themeTokens, pageElementStyles, botAnalyticsStyles];

  static override properties: PropertyDeclarations = {
    agent: {},
  };

  /** The bot whose traffic is shown (the events' `agent`); every event when unset. */
  declare agent: string | undefined;

  protected override defaultRange: RangeValue = { preset: '7d' };

  constructor() {
    super();
    this.heading = 'Analytics';
  }

  /** The provider's filters, the page's own, and the bot. */
  override get effectiveFilters(): ViewFilters {
    const filters = super.effectiveFilters;
    return this.agent ? { ...filters, agent: this.agent } : filters;
  }

  override render() {
    const level = this.blockHeadingLevel;
    return html`<div class="page" part="base">
      ${this.renderPageHeader(PRESETS)}
      <tally-stat-cards
        heading="Overview"
        heading-level=${level}
        .now=${this.now}
      ></tally-stat-cards>
      <div class="charts" part="charts">
        <tally-timeline
          class="wide"
          heading="Requests over time"
          heading-level=${level}
        ></tally-timeline>
        <tally-breakdown
          heading="Top endpoints"
          heading-level=${level}
          dimension="endpoint"
        ></tally-breakdown>
        <tally-breakdown
          heading="Top countries"
          heading-level=${level}
          dimension="country"
        ></tally-breakdown>
      </div>
      <tally-table
        kind="requests"
        heading="Requests"
        heading-level=${level}
        page-size="10"
        .showColumns=${REQUEST_COLUMNS}
        .filterColumns=${['endpoint', 'country', 'ip']}
      ></tally-table>
      <tally-table
        kind="tokens"
        heading="Token usages"
        heading-level=${level}
        page-size="10"
        .showColumns=${TOKEN_COLUMNS}
        .filterColumns=${['source']}
      ></tally-table>
    </div>`;
  }
}

if (!customElements.get('tally-bot-analytics')) {
  customElements.define('tally-bot-analytics', TallyBotAnalytics);
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-bot-analytics': TallyBotAnalytics;
  }
}
