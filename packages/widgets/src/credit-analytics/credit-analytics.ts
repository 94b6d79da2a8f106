import { html } from 'lit';
import '../breakdown/breakdown.js';
import '../budget/budget.js';
import '../comparison/comparison.js';
import type { ComparisonColumn } from '../comparison/comparison.js';
import type { RangeValue } from '../data/data-source.js';
import '../date-range/date-range.js';
import '../patterns/patterns.js';
import { themeTokens } from '../theme/theme-tokens.js';
import '../timeline/timeline.js';
import { TallyPageElement } from '../usage-tab/page-element.js';
import { agentAnalyticsStyles } from '../agent-analytics/agent-analytics.styles.js';
import './credit-report.js';
import './recommendations.js';

const PRESETS = ['today', 'yesterday', '7d', '30d', '3m', '6m', 'custom'];
const MODEL_COLUMNS: readonly ComparisonColumn[] = [
  'multiplier',
  'events',
  'credits',
  'creditsPerEvent',
  'averageLatencyMs',
  'successRate',
  'averageRating',
];

/**
 * @summary The credits and models page, in one tag: usage by model (multiplier, prompts, credits,
 * credits per prompt, response time, success rate and rating), credits over time with the peak
 * day and hour, the most active weekdays, response times at peak, off-peak and weekend hours
 * and week-by-week totals, usage by user and by event name with shares, the monthly credit report (plan, additional, remaining, tiers),
 * the budget with its 75 / 90 / 100 % thresholds and projection, and the recommendations with
 * their estimated savings and the most credit-efficient models. The range defaults to 30 days.
 *
 * Works inside a `<tally-provider>` (sharing its range and filters) or alone with its own
 * `source` and attributes.
 *
 * @event tally-range-change - The reader chose another date range (`range`).
 *
 * @csspart base - The page.
 * @csspart header - The title, the date range and Refresh.
 * @csspart title - The page title.
 * @csspart refresh-button - The page's Refresh button.
 * @csspart section - A section (models, usage, credits, recommendations).
 *
 * @cssproperty [--tally-page-padding=0] - Space around the page.
 * @cssproperty [--tally-page-gap=16px] - Space between the page's blocks.
 * @cssproperty --tally-color-background - The page's background.
 * @cssproperty --tally-color-accent - Bars and links.
 * @cssproperty --tally-color-text - Text.
 * @cssproperty --tally-color-border - Borders.
 * @cssproperty --tally-font-family - The font.
 */
export class TallyCreditAnalytics extends TallyPageElement {
  static override styles = [themeTokens, agentAnalyticsStyles];

  protected override defaultRange: RangeValue = { preset: '30d' };

  constructor() {
    super();
    this.heading = 'Credits and models';
  }

  override render() {
    const level = this.blockHeadingLevel;
    return html`<div class="page" part="base">
      ${this.renderPageHeader(PRESETS)}
      <section class="grid" part="section" data-section="models" aria-label="Models">
        <tally-comparison
          class="wide"
          heading="Usage by model"
          heading-level=${level}
          by="model"
          sort-key="credits"
          .columns=${MODEL_COLUMNS}
        ></tally-comparison>
        <tally-timeline
          class="wide"
          heading="Credits over time"
          heading-level=${level}
          measure="credits"
        ></tally-timeline>
        <tally-patterns
          class="wide"
          heading="When credits are used"
          heading-level=${level}
          show-weeks
        ></tally-patterns>
      </section>
      <section class="grid" part="section" data-section="usage" aria-label="Usage">
        <tally-breakdown
          heading="Credits by user"
          heading-level=${level}
          dimension="user"
          measure="credits"
          top="10"
        ></tally-breakdown>
        <tally-breakdown
          heading="Credits by event name"
          heading-level=${level}
          dimension="name"
          measure="credits"
          top="10"
        ></tally-breakdown>
      </section>
      <section class="grid" part="section" data-section="credits" aria-label="Credits">
        <tally-credit-report heading-level=${level}></tally-credit-report>
        <tally-budget
          heading="Credit budget"
          heading-level=${level}
          measure="credits"
          period="month"
        ></tally-budget>
      </section>
      <section
        class="grid"
        part="section"
        data-section="recommendations"
        aria-label="Recommendations"
      >
        <tally-recommendations class="wide" heading-level=${level}></tally-recommendations>
      </section>
    </div>`;
  }
}

if (!customElements.get('tally-credit-analytics')) {
  customElements.define('tally-credit-analytics', TallyCreditAnalytics);
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-credit-analytics': TallyCreditAnalytics;
  }
}
