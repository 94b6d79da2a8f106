import { ContextProvider, ContextRoot } from '@lit/context';
import type { CategorySetting, ViewFilters } from '@tally/core';
import { css, html, LitElement, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { DataSource, RangeValue, SourceSettings } from '../data/data-source.js';
import { TallyFilterChangeEvent, TallyRangeChangeEvent } from '../events/tally-events.js';
import { rangeConverter } from '../state/range-attribute.js';
import { tallyContext, type TallyState, type ThemeSetting } from '../state/tally-context.js';
import { ThemeController } from '../theme/theme-controller.js';
import { themeTokens } from '../theme/theme-tokens.js';

// Elements upgraded before their provider ask again once it arrives.
if (typeof document !== 'undefined') new ContextRoot().attach(document.documentElement);

/** Events a nested provider already applied, so an outer one leaves them alone. */
const handled = new WeakSet<Event>();

/**
 * @summary Shares a data source, date range, filters, time zone, locale, theme and category
 * colours with every Tally element inside it (through `@lit/context`), and applies the changes
 * its date range, search and user filter controls announce.
 *
 * @event tally-range-change - Heard from inside: the range is applied to every element.
 * @event tally-filter-change - Heard from inside: the filters are merged into the shared ones.
 *
 * The provider paints the theme's background behind its content (set
 * `--tally-color-background: transparent` to keep the page's).
 *
 * @slot - The page: any Tally elements and other content.
 * @cssproperty --tally-color-background - The background behind the widgets.
 */
export class TallyProvider extends LitElement {
  static override styles = [
    themeTokens,
    css`
      :host {
        display: block;
        background: var(--tally-color-background, var(--_bg));
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    source: { attribute: false },
    range: { converter: rangeConverter },
    tz: {},
    locale: {},
    theme: {},
    filters: { attribute: false },
    categories: { attribute: false },
    dataFloor: { attribute: 'data-floor' },
    revision: { state: true },
    settings: { state: true },
  };

  /** The data source of every element inside. */
  declare source: DataSource | undefined;
  /** The shared date range. @default { preset: '30d' } */
  declare range: RangeValue;
  /** IANA time zone; the tenant's, else the reader's. */
  declare tz: string | undefined;
  /** BCP 47 locale; the browser's when unset. */
  declare locale: string | undefined;
  /** `light`, `dark` or `auto`. @default 'auto' */
  declare theme: ThemeSetting;
  /** The shared filters (search, users, ...). */
  declare filters: ViewFilters;
  /** Category labels and colours; the tenant's when the source knows them. */
  declare categories: readonly CategorySetting[] | undefined;
  /** `YYYY-MM-DD`: the first day with data; the tenant's when the source knows it. */
  declare dataFloor: string | undefined;
  declare private revision: number;
  declare private settings: SourceSettings;
  private settingsFor: DataSource | undefined;

  private readonly context = new ContextProvider(this, { context: tallyContext });
  private readonly themes = new ThemeController(this);

  constructor() {
    super();
    this.range = { preset: '30d' };
    this.theme = 'auto';
    this.filters = {};
    this.revision = 0;
    this.settings = {};
    this.addEventListener(TallyRangeChangeEvent.type, (event) => {
      if (handled.has(event)) return;
      handled.add(event);
      this.range = event.range;
      if (event.tz !== undefined) this.tz = event.tz;
    });
    this.addEventListener(TallyFilterChangeEvent.type, (event) => {
      if (handled.has(event)) return;
      handled.add(event);
      this.filters = { ...this.filters, ...event.filters };
    });
  }

  /** Makes every element inside fetch its data again. */
  refresh(): void {
    this.revision += 1;
  }

  /** The state shared right now. */
  get state(): TallyState {
    return {
      source: this.source,
      range: this.range,
      tz: this.tz ?? this.settings.timezone,
      filters: this.filters,
      locale: this.locale,
      theme: this.theme,
      categories: this.categories ?? this.settings.categories ?? [],
      dataFloor: this.dataFloor ?? this.settings.dataFloor,
      revision: this.revision,
    };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.source !== this.settingsFor) {
      const source = this.source;
      this.settingsFor = source;
      this.settings = {};
      void Promise.resolve(source?.settings?.() ?? {})
        .catch(() => ({}))
        .then((settings) => {
          if (this.settingsFor === source) this.settings = settings;
        });
    }
    this.dataset.tallyTheme = this.themes.resolve(this.theme);
    this.context.setValue(this.state);
  }

  override render() {
    return html`<slot></slot>`;
  }
}

if (!customElements.get('tally-provider')) customElements.define('tally-provider', TallyProvider);

declare global {
  interface HTMLElementTagNameMap {
    'tally-provider': TallyProvider;
  }
}
