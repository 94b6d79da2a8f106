import { html } from 'lit';
import '../breakdown/breakdown.js';
import '../budget/budget.js';
import '../comparison/comparison.js';
import type { ComparisonColumn } from '../comparison/comparison.js';
import type { RangeValue } from '../data/data-source.js';
import '../date-range/date-range.js';
import '../patterns/patterns.js';
import '../response-times/response-times.js';
import { themeTokens } from '../theme/theme-tokens.js';
import { pageElementStyles } from '../usage-tab/page-element.styles.js';
import '../timeline/timeline.js';
import { TallyPageElement } from '../usage-tab/page-element.js';
import { agentAnalyticsStyles } from '../agent-analytics/agent-analytics.styles.js';
import './credit-report.js';
import './recommendations.js';

const PRESETS = ['today', 'yesterday', '7d', '30d', '3m', '6m', 'custom'];
const MODEL_USAGE_COLUMNS: readonly ComparisonColumn[] = [
  'multiplier',
  'events',
  'credits',
  'creditsPerEvent',
];
const MODEL_QUALITY_COLUMNS: readonly ComparisonColumn[] = [
  'averageLatencyMs',
  'successRate',
  'creditsPerEvent',
  'averageRating',
];
const USER_COLUMNS: readonly ComparisonColumn[] = [
  'events',
  'topModel',
  'credits',
  'creditsPerEvent',
];

/**
 * @summary The credits and models page, in one tag: usage by model grouped under providers
 * (multiplier, prompts, credits, credits per prompt, with subtotals and the total), usage by
 * user (prompts, top model, credits, credits per prompt), credits over time (hour / day / week /
 * month) with the peak day and hour, the most active weekdays, response times at peak, off-peak
 * and weekend hours and week-by-week totals, usage by event name and by user with shares, the
 * response times (average, fastest and slowest model) and the model comparison (response time,
 * success rate, credits per prompt, rating), the monthly credit report (plan, additional, remaining, tiers),
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
 * @csspart section - A section (models, timeline, usage, response-times, credits,
 * recommendations).
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
  static override styles = [themeTokens, pageElementStyles, agentAnalyticsStyles];

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
          group-by="provider"
          show-total
          sort-key="credits"
          .columns=${MODEL_USAGE_COLUMNS}
        ></tally-comparison>
        <tally-comparison
          class="wide"
          heading="Usage by user"
          heading-level=${level}
          by="user"
          sort-key="credits"
          .columns=${USER_COLUMNS}
        ></tally-comparison>
      </section>
      <section class="grid" part="section" data-section="timeline" aria-label="Timeline">
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
          heading="Credits by event name"
          heading-level=${level}
          dimension="name"
          measure="credits"
          top="10"
        ></tally-breakdown>
        <tally-breakdown
          heading="Credits by user"
          heading-level=${level}
          dimension="user"
          measure="credits"
          top="10"
        ></tally-breakdown>
      </section>
      <section
        class="grid"
        part="section"
        data-section="response-times"
        aria-label="Response times"
      >
        <tally-response-times heading-level=${level}></tally-response-times>
        <tally-comparison
          class="wide"
          heading="Model comparison"
          heading-level=${level}
          by="model"
          sort-key="creditsPerEvent"
          .columns=${MODEL_QUALITY_COLUMNS}
        ></tally-comparison>
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
