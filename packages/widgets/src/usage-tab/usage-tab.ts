import type { StatKey } from '@tally/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { themeTokens } from '../theme/theme-tokens.js';
import '../breakdown/breakdown.js';
import '../date-range/date-range.js';
import '../leaderboard/leaderboard.js';
import '../search/search.js';
import '../stat-cards/stat-cards.js';
import '../table/table.js';
import '../user-filter/user-filter.js';
import { TallyPageElement } from './page-element.js';
import { TallyTabChangeEvent, type UsageTabName } from './tab-change-event.js';
import './top-users.js';
import { usageTabStyles } from './usage-tab.styles.js';

const TABS: readonly { name: UsageTabName; label: string }[] = [
  { name: 'leaderboard', label: 'Leaderboard' },
  { name: 'metrics', label: 'Metrics' },
];

const CREDIT_STATS: StatKey[] = ['credits', 'requests'];
const CREDIT_LABELS: Partial<Record<StatKey, string>> = {
  credits: 'Credits used',
  requests: 'Events',
};

/**
 * @summary The "Usage" page of a product's settings, in one tag: a Leaderboard tab (the
 * default) ranking users by events, and a Metrics tab with credit usage and event count, credits
 * by category, the top three users, and the per-user breakdown table (a column per feature,
 * sortable, downloadable as CSV). Both tabs share the date range (last 30, 90 or 180 days, or
 * custom), the search and the user filter.
 *
 * The page shows what its data source may see: with an admin's token, everyone; with a
 * member's token, the server scopes every query to that member, and the page shows their own
 * figures. Works inside a `<tally-provider>` (sharing its range and filters) or alone.
 *
 * @event tally-tab-change - The reader switched tabs (`tab`: `leaderboard` or `metrics`).
 * @event tally-range-change - The reader chose another date range (`range`).
 * @event tally-filter-change - The reader searched or chose users (`filters`).
 * @event tally-export-finish - The per-user table was downloaded (`format`, `filename`, `blob`).
 *
 * @csspart base - The page.
 * @csspart header - The title and the filters.
 * @csspart title - The page title.
 * @csspart toolbar - The shared filters.
 * @csspart tabs - The tab list.
 * @csspart tab - A tab.
 * @csspart tab-active - The selected tab.
 * @csspart panel - A tab's panel.
 * @csspart cards - The Metrics tab's summary cards.
 *
 * @cssproperty [--tally-page-padding=0] - Space around the page.
 * @cssproperty [--tally-page-gap=16px] - Space between the page's blocks.
 * @cssproperty --tally-color-background - The page's background.
 * @cssproperty --tally-color-accent - The selected tab's underline, links and bars.
 * @cssproperty --tally-color-text - Text.
 * @cssproperty --tally-color-muted - Secondary text.
 * @cssproperty --tally-color-border - Borders.
 * @cssproperty --tally-font-family - The font.
 */
export class TallyUsageTab extends TallyPageElement {
  static override styles = [themeTokens, usageTabStyles];

  static override properties: PropertyDeclarations = {
    tab: { reflect: true },
    columns: {},
    visited: { state: true },
  };

  /** The tab shown. @default 'leaderboard' */
  declare tab: UsageTabName;
  /** The per-user table's count columns: each event `name` (feature) or each `category`. @default 'name' */
  declare columns: 'name' | 'category';
  /** Tabs shown at least once: their blocks stay, so switching back is instant. */
  declare private visited: ReadonlySet<UsageTabName>;

  constructor() {
    super();
    this.heading = 'Usage';
    this.tab = 'leaderboard';
    this.columns = 'name';
    this.visited = new Set();
  }

  /** Shows a tab, as if the reader had chosen it. */
  select(tab: UsageTabName): void {
    if (!TABS.some((item) => item.name === tab) || tab === this.tab) return;
    this.tab = tab;
    this.dispatchEvent(new TallyTabChangeEvent(tab));
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const tab = this.currentTab;
    if (!this.visited.has(tab)) this.visited = new Set([...this.visited, tab]);
  }

  private get currentTab(): UsageTabName {
    return TABS.some((item) => item.name === this.tab) ? this.tab : 'leaderboard';
  }

  override render() {
    const current = this.currentTab;
    const level = this.blockHeadingLevel;
    return html`<div class="page" part="base">
      <div class="page-header" part="header">
        ${
          this.heading
            ? html`<div
                class="page-title"
                part="title"
                role="heading"
                aria-level=${this.pageHeadingLevel}
              >
                ${this.heading}
              </div>`
            : nothing
        }
        <div class="toolbar" part="toolbar" role="group" aria-label="Filters">
          <tally-date-range
            .presets=${['30d', '90d', '180d', 'custom']}
            .now=${this.now}
          ></tally-date-range>
          <tally-search hide-label></tally-search>
          <tally-user-filter></tally-user-filter>
        </div>
      </div>
      <div role="tablist" aria-label="Usage views" part="tabs" @keydown=${this.onTabKey}>
        ${TABS.map(
          ({ name, label }) =>
            html`<button
              type="button"
              role="tab"
              id=${`tab-${name}`}
              part=${name === current ? 'tab tab-active' : 'tab'}
              aria-selected=${name === current ? 'true' : 'false'}
              aria-controls=${`panel-${name}`}
              tabindex=${name === current ? '0' : '-1'}
              data-tab=${name}
              @click=${() => this.select(name)}
            >
              ${label}
            </button>`,
        )}
      </div>
      <div
        role="tabpanel"
        id="panel-leaderboard"
        aria-labelledby="tab-leaderboard"
        part="panel"
        tabindex="0"
        ?hidden=${current !== 'leaderboard'}
      >
        ${
          this.visited.has('leaderboard')
            ? html`<tally-leaderboard heading-level=${level}></tally-leaderboard>`
            : nothing
        }
      </div>
      <div
        role="tabpanel"
        id="panel-metrics"
        aria-labelledby="tab-metrics"
        part="panel"
        tabindex="0"
        ?hidden=${current !== 'metrics'}
      >
        ${this.visited.has('metrics') ? this.renderMetrics(level) : nothing}
      </div>
    </div>`;
  }

  private renderMetrics(level: number): unknown {
    return html`<div class="cards" part="cards">
        <tally-stat-cards
          heading="Credit usage"
          heading-level=${level}
          .stats=${CREDIT_STATS}
          .labels=${CREDIT_LABELS}
          .now=${this.now}
        ></tally-stat-cards>
        <tally-breakdown
          heading="Credits by category"
          heading-level=${level}
          dimension="category"
          measure="credits"
          mode="donut"
          top="6"
        ></tally-breakdown>
        <tally-top-users heading-level=${level} limit="3"></tally-top-users>
      </div>
      <tally-table
        kind="per-user"
        heading="Per-user breakdown"
        heading-level=${level}
        count-by=${this.columns === 'category' ? 'category' : 'name'}
        .exportFormats=${['csv']}
      ></tally-table>`;
  }

  private readonly onTabKey = (event: KeyboardEvent): void => {
    const index = TABS.findIndex((item) => item.name === this.currentTab);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    const { name } = TABS[next];
    this.select(name);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-tab="${name}"]`)?.focus(),
    );
  };
}

if (!customElements.get('tally-usage-tab')) customElements.define('tally-usage-tab', TallyUsageTab);

declare global {
  interface HTMLElementTagNameMap {
    'tally-usage-tab': TallyUsageTab;
  }
}
