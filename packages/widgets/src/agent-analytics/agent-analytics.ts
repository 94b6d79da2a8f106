import type { StatKey } from '@tally/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import '../breakdown/breakdown.js';
import '../budget/budget.js';
import '../comparison/comparison.js';
import type { ComparisonColumn } from '../comparison/comparison.js';
import type { RangeValue } from '../data/data-source.js';
import '../date-range/date-range.js';
import '../distribution/distribution.js';
import { TallyFilterChangeEvent } from '../events/tally-events.js';
import '../health/health.js';
import type { GaugeScale } from '../health/health.js';
import '../latency-by-hour/latency-by-hour.js';
import '../patterns/patterns.js';
import '../stat-cards/stat-cards.js';
import { themeTokens } from '../theme/theme-tokens.js';
import { pageElementStyles } from '../usage-tab/page-element.styles.js';
import '../timeline/timeline.js';
import { TallyPageElement } from '../usage-tab/page-element.js';
import { agentAnalyticsStyles } from './agent-analytics.styles.js';

const OVERVIEW_STATS: readonly StatKey[] = [
  'activeUsers',
  'dau',
  'wau',
  'mau',
  'sessions',
  'activeAgents',
  'requests',
  'costUsd',
];
const ENGAGEMENT_STATS: readonly StatKey[] = ['avgSessionDurationMs', 'eventsPerSession'];
const COST_STATS: readonly StatKey[] = ['costPerEvent', 'costPerSession', 'costPerActiveUser'];
const TOKEN_STATS: readonly StatKey[] = [
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'inputTokenShare',
  'outputTokenShare',
  'tokensPerEvent',
];
const AGENT_COLUMNS: readonly ComparisonColumn[] = [
  'events',
  'sessions',
  'averageSessionDurationMs',
  'costUsd',
  'errorRate',
  'averageLatencyMs',
];
const TOKEN_COLUMNS: readonly ComparisonColumn[] = [
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'tokensPerEvent',
  'costUsd',
];

/** `month:YYYY-MM` of the month holding `now` and of the `count − 1` months before it (UTC). */
export function recentMonths(now: number, count: number): string[] {
  const date = new Date(now);
  return Array.from({ length: count }, (_, index) => {
    const month = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - index, 1));
    return `month:${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/**
 * @summary The company analytics page of AI agents, in one tag: an overview (active users, DAU /
 * WAU / MAU, sessions, active agents, events, cost, each against the previous period),
 * engagement (the DAU trend, average session duration and events per session, and their
 * distributions), the agents comparison (sortable; pressing an agent narrows the whole page to
 * it, pressing it again shows every agent) with the response time by hour of day and the usage
 * patterns (peak hours, response time at peak, off-peak and weekends), costs (by provider, over
 * time, the top five agents, per event / session / user, and this month's forecast), tokens
 * (prompt and completion totals and shares, tokens per event, tokens by agent and by model) and
 * health (uptime, error rates, latency percentiles, load and gauge dials). The range defaults to
 * this month.
 *
 * Works inside a `<tally-provider>` (sharing its range and filters) or alone with its own
 * `source` and attributes.
 *
 * @event tally-range-change - The reader chose another date range (`range`).
 * @event tally-filter-change - The reader narrowed the page to an agent, or back (`filters.agent`).
 *
 * @csspart base - The page.
 * @csspart header - The title, the date range and Refresh.
 * @csspart title - The page title.
 * @csspart refresh-button - The page's Refresh button.
 * @csspart scope - The "showing one agent" bar.
 * @csspart show-all-button - Its button.
 * @csspart section - A section (overview, engagement, agents, costs, tokens, health).
 *
 * @cssproperty [--tally-page-padding=0] - Space around the page.
 * @cssproperty [--tally-page-gap=16px] - Space between the page's blocks.
 * @cssproperty --tally-color-background - The page's background.
 * @cssproperty --tally-color-accent - Bars, links and the scope bar's border.
 * @cssproperty --tally-color-text - Text.
 * @cssproperty --tally-color-border - Borders.
 * @cssproperty --tally-font-family - The font.
 */
export class TallyAgentAnalytics extends TallyPageElement {
  static override styles = [themeTokens, pageElementStyles, agentAnalyticsStyles];

  static override properties: PropertyDeclarations = {
    costLimit: { attribute: 'cost-limit', type: Number },
    gaugeScales: { attribute: false },
  };

  /** The month's cost budget in USD for the forecast; the tenant's budget setting when unset. */
  declare costLimit: number | undefined;
  /** The health gauges' scales and thresholds, by event name (see `<tally-health>`). */
  declare gaugeScales: Readonly<Record<string, GaugeScale>>;

  protected override defaultRange: RangeValue = { preset: 'this-month' };

  constructor() {
    super();
    this.heading = 'Agent analytics';
    this.gaugeScales = {};
  }

  /** The agent the page is narrowed to, if one. */
  get agent(): string | undefined {
    const agent = this.effectiveFilters.agent;
    return typeof agent === 'string' ? agent : undefined;
  }

  /** Shows every agent again. */
  showAllAgents(): void {
    this.dispatchEvent(new TallyFilterChangeEvent({ agent: undefined }));
  }

  override render() {
    const section = this.blockHeadingLevel;
    const level = Math.min(6, section + 1);
    const presets = [
      'today',
      'this-week',
      ...recentMonths(this.now ?? Date.now(), 3),
      'this-month',
      'custom',
    ].filter((preset, index, all) => all.indexOf(preset) === index);
    const agent = this.agent;
    const title = (text: string) =>
      html`<div class="section-title" role="heading" aria-level=${section}>${text}</div>`;
    return html`<div class="page" part="base">
      ${this.renderPageHeader(presets)}
      ${
        agent === undefined
          ? nothing
          : html`<div class="scope" part="scope" role="status">
              <span>Showing agent <strong>${agent}</strong></span>
              <button
                type="button"
                class="button"
                part="show-all-button"
                @click=${() => this.showAllAgents()}
              >
                Show all agents
              </button>
            </div>`
      }
      <section class="grid" part="section" data-section="overview" aria-label="Overview">
        <tally-stat-cards
          class="wide"
          heading="Overview"
          heading-level=${section}
          .stats=${OVERVIEW_STATS}
          .now=${this.now}
        ></tally-stat-cards>
      </section>
      <section class="grid" part="section" data-section="engagement" aria-label="Engagement">
        <div class="wide">${title('Engagement')}</div>
        <tally-timeline
          heading="Daily active users"
          heading-level=${level}
          measure="activeUsers"
          granularity="day"
        ></tally-timeline>
        <tally-stat-cards
          heading="Sessions"
          heading-level=${level}
          .stats=${ENGAGEMENT_STATS}
        ></tally-stat-cards>
        <tally-distribution
          heading="Session duration"
          heading-level=${level}
          kind="duration"
        ></tally-distribution>
        <tally-distribution
          heading="Events per session"
          heading-level=${level}
          kind="events"
        ></tally-distribution>
      </section>
      <section class="grid" part="section" data-section="agents" aria-label="Agents">
        <tally-comparison
          class="wide"
          heading="Agents"
          heading-level=${section}
          by="agent"
          selectable
          .columns=${AGENT_COLUMNS}
        ></tally-comparison>
        <tally-latency-by-hour
          class="wide"
          heading="Response time by hour of day"
          heading-level=${level}
        ></tally-latency-by-hour>
        <tally-patterns
          class="wide"
          heading="Usage patterns"
          heading-level=${level}
        ></tally-patterns>
      </section>
      <section class="grid" part="section" data-section="costs" aria-label="Costs">
        <div class="wide">${title('Costs')}</div>
        <tally-stat-cards
          class="wide"
          heading="Cost per unit"
          heading-level=${level}
          .stats=${COST_STATS}
        ></tally-stat-cards>
        <tally-breakdown
          heading="Cost by provider"
          heading-level=${level}
          dimension="provider"
          measure="cost"
        ></tally-breakdown>
        <tally-breakdown
          heading="Top agents by cost"
          heading-level=${level}
          dimension="agent"
          measure="cost"
          top="5"
        ></tally-breakdown>
        <tally-timeline
          heading="Cost over time"
          heading-level=${level}
          measure="cost"
        ></tally-timeline>
        <tally-budget
          heading="Cost forecast"
          heading-level=${level}
          measure="cost"
          period="month"
          .limit=${this.costLimit}
        ></tally-budget>
      </section>
      <section class="grid table-first" part="section" data-section="tokens" aria-label="Tokens">
        <div class="wide">${title('Tokens')}</div>
        <tally-stat-cards
          class="wide"
          heading="Prompt and completion tokens"
          heading-level=${level}
          .stats=${TOKEN_STATS}
        ></tally-stat-cards>
        <tally-comparison
          heading="Tokens by agent"
          heading-level=${level}
          by="agent"
          sort-key="totalTokens"
          .columns=${TOKEN_COLUMNS}
        ></tally-comparison>
        <tally-breakdown
          heading="Tokens by model"
          heading-level=${level}
          dimension="model"
          measure="tokens"
        ></tally-breakdown>
      </section>
      <section class="grid" part="section" data-section="health" aria-label="Health">
        <tally-health
          class="wide"
          heading="Health"
          heading-level=${section}
          .gaugeScales=${this.gaugeScales}
        ></tally-health>
      </section>
    </div>`;
  }
}

if (!customElements.get('tally-agent-analytics')) {
  customElements.define('tally-agent-analytics', TallyAgentAnalytics);
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-agent-analytics': TallyAgentAnalytics;
  }
}
