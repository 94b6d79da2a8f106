import { ContextProvider } from '@lit/context';
import type { ViewFilters } from '@tally/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { refreshIcon } from '../base/icons.js';
import '../date-range/date-range.js';
import { TallyElement } from '../base/tally-element.js';
import { stableKey } from '../data/stable-key.js';
import { TallyFilterChangeEvent, TallyRangeChangeEvent } from '../events/tally-events.js';
import { tallyContext, type TallyState } from '../state/tally-context.js';

/**
 * The base of the composed pages (`<tally-usage-tab>`, `<tally-bot-analytics>`): one tag that
 * shares its state with the building blocks in its shadow root, as a `<tally-provider>` would.
 *
 * Alone, the page holds the state: its date range and filter controls change the page's own
 * `range` and `filters`. Inside a `<tally-provider>`, the page follows the provider and lets
 * the controls' events reach it, so the rest of the host page follows too; only what the page
 * pins itself (its own `range`, or a filter key of its own `filters`) stays with the page.
 */
export abstract class TallyPageElement extends TallyElement {
  static override properties: PropertyDeclarations = {
    heading: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    now: { type: Number },
    pageRevision: { state: true },
  };

  /** The page's title. */
  declare heading: string;
  /** The heading level of the title (1–6); the blocks' titles are one level below. @default 2 */
  declare headingLevel: number;
  /** The current time, epoch ms, for the date picker and relative times; the clock's when unset. */
  declare now: number | undefined;
  /** Bumped by {@link refresh}; the blocks fetch again when it changes. */
  declare protected pageRevision: number;

  private readonly pageContext = new ContextProvider(this, { context: tallyContext });
  private providedKey: string | undefined;
  private providedSource: unknown;

  constructor() {
    super();
    this.heading = '';
    this.headingLevel = 2;
    this.pageRevision = 0;
    this.addEventListener(TallyRangeChangeEvent.type, this.onRangeChange);
    this.addEventListener(TallyFilterChangeEvent.type, this.onFilterChange);
  }

  /** Makes every block of the page fetch its data again. */
  refresh(): void {
    this.pageRevision += 1;
  }

  /** What the page shares with its blocks right now. */
  get pageState(): TallyState {
    return {
      source: this.effectiveSource,
      range: this.effectiveRange,
      tz: this.tz ?? this.shared?.tz ?? this.sourceSettings.timezone,
      filters: this.effectiveFilters,
      locale: this.effectiveLocale,
      theme: this.theme ?? this.shared?.theme ?? 'auto',
      categories: this.effectiveCategories,
      dataFloor: this.effectiveDataFloor,
      // Both only grow, so their sum changes whenever either asks for fresh data.
      revision: (this.shared?.revision ?? 0) + this.pageRevision,
    };
  }

  /** The heading level of the blocks' titles. */
  protected get blockHeadingLevel(): number {
    const level = Number.isInteger(this.headingLevel) ? this.headingLevel : 2;
    return Math.min(6, Math.max(1, level + 1));
  }

  /** The page title's level as `aria-level` takes it. */
  protected get pageHeadingLevel(): string {
    const level = Number.isInteger(this.headingLevel) ? this.headingLevel : 2;
    return String(Math.min(6, Math.max(1, level)));
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const state = this.pageState;
    // A new state object on every update would make every block re-render; share real changes only.
    const { source, ...rest } = state;
    const key = stableKey(rest);
    if (key !== this.providedKey || source !== this.providedSource) {
      this.providedKey = key;
      this.providedSource = source;
      this.pageContext.setValue(state);
    }
  }

  private readonly onRangeChange = (event: TallyRangeChangeEvent): void => {
    const pinned = this.range !== undefined;
    if (this.shared === undefined || pinned) {
      this.range = event.range;
      if (event.tz !== undefined) this.tz = event.tz;
    }
    // The page keeps a range it pins: the provider around it must not take this one.
    if (this.shared !== undefined && pinned) event.stopPropagation();
  };

  private readonly onFilterChange = (event: TallyFilterChangeEvent): void => {
    const own: Record<string, unknown> = { ...this.filters };
    const keys = Object.keys(event.filters);
    const mine = this.shared === undefined ? keys : keys.filter((key) => Object.hasOwn(own, key));
    if (mine.length === 0) return;
    const changes = event.filters as Record<string, unknown>;
    for (const key of mine) own[key] = changes[key];
    this.filters = own as ViewFilters;
    if (this.shared !== undefined && mine.length === keys.length) event.stopPropagation();
  };

  /**
   * The header the analytics pages share: the title, a date range offering `presets`, and a
   * Refresh button for every block.
   */
  protected renderPageHeader(presets: readonly string[]): unknown {
    return html`<div class="page-header" part="header">
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
      <div class="controls">
        <tally-date-range .presets=${presets} .now=${this.now}></tally-date-range>
        <button
          type="button"
          class="button"
          part="refresh-button"
          ?disabled=${this.effectiveSource === undefined}
          @click=${() => this.refresh()}
        >
          ${refreshIcon} Refresh
        </button>
      </div>
    </div>`;
  }
}
