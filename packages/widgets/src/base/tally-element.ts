import { ContextConsumer } from '@lit/context';
import { LitElement, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { CategorySetting, ViewFilters } from '@tally/core';
import type { DataSource, RangeValue, SourceSettings } from '../data/data-source.js';
import { HttpSource } from '../data/http-source.js';
import { Formatter } from '../format/formatter.js';
import { rangeConverter } from '../state/range-attribute.js';
import { tallyContext, type TallyState, type ThemeSetting } from '../state/tally-context.js';
import type { ThemeName } from '../theme/palette.js';
import { ThemeController } from '../theme/theme-controller.js';

const settingsBySource = new WeakMap<DataSource, Promise<SourceSettings>>();

/** The source's settings, asked once per source. */
function settingsOf(source: DataSource): Promise<SourceSettings> {
  let settings = settingsBySource.get(source);
  if (settings === undefined) {
    settings = Promise.resolve(source.settings?.() ?? {}).catch(() => ({}));
    settingsBySource.set(source, settings);
  }
  return settings;
}

/** The reader's own time zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

/**
 * The base of every Tally element: reads the shared state of an enclosing `<tally-provider>`
 * and lets the element's own properties win over it, so each element also works alone.
 */
export class TallyElement extends LitElement {
  static override properties: PropertyDeclarations = {
    source: { attribute: false },
    endpoint: {},
    token: {},
    range: { converter: rangeConverter },
    tz: { reflect: false },
    locale: {},
    theme: {},
    filters: { attribute: false },
    categories: { attribute: false },
    dataFloor: { attribute: 'data-floor' },
    shared: { state: true },
    sourceSettings: { state: true },
  };

  /** Where the data comes from; the provider's when unset. */
  declare source: DataSource | undefined;
  /**
   * The Tally server's URL: with `token`, the element reads from it through an `HttpSource` when
   * no `source` is given (one tag and a token is a whole embedding).
   */
  declare endpoint: string | undefined;
  /** A read token for `endpoint`, minted by the host's backend. */
  declare token: string | undefined;
  /** The date range; the provider's when unset, else the last 30 days. */
  declare range: RangeValue | undefined;
  /** IANA time zone; the provider's, the tenant's, or the reader's. */
  declare tz: string | undefined;
  /** BCP 47 locale for numbers and dates; the provider's or the browser's. */
  declare locale: string | undefined;
  /** `light`, `dark` or `auto`; the provider's, else `auto`. */
  declare theme: ThemeSetting | undefined;
  /** Filters on top of the provider's (these keys win). */
  declare filters: ViewFilters | undefined;
  /** Category labels and colours; the provider's or the tenant's. */
  declare categories: readonly CategorySetting[] | undefined;
  /** `YYYY-MM-DD`: the first day with data; the provider's or the tenant's. */
  declare dataFloor: string | undefined;

  declare protected shared: TallyState | undefined;
  declare protected sourceSettings: SourceSettings;

  /** The range used when neither the element nor a provider names one. */
  protected defaultRange: RangeValue = { preset: '30d' };

  private readonly themes = new ThemeController(this);
  private formatterCache: Formatter | undefined;
  private settingsFor: DataSource | undefined;

  constructor() {
    super();
    this.sourceSettings = {};
    new ContextConsumer(this, {
      context: tallyContext,
      subscribe: true,
      callback: (state) => {
        this.shared = state;
      },
    });
  }

  /** The data source in effect: its own, the provider's, or one for `endpoint` and `token`. */
  get effectiveSource(): DataSource | undefined {
    return this.source ?? this.shared?.source ?? this.attributeSource();
  }

  private attributeSourceKey: string | undefined;
  private attributeSourceValue: DataSource | undefined;

  private attributeSource(): DataSource | undefined {
    if (!this.endpoint || !this.token) return undefined;
    const key = `${this.endpoint}\n${this.token}`;
    if (key !== this.attributeSourceKey) {
      this.attributeSourceKey = key;
      this.attributeSourceValue = new HttpSource({ endpoint: this.endpoint, token: this.token });
    }
    return this.attributeSourceValue;
  }

  /** The range in effect. */
  get effectiveRange(): RangeValue {
    return this.range ?? this.shared?.range ?? this.defaultRange;
  }

  /** The time zone in effect. */
  get effectiveTz(): string {
    return this.tz ?? this.shared?.tz ?? this.sourceSettings.timezone ?? browserTimeZone();
  }

  /** The locale in effect (`undefined`: the browser's). */
  get effectiveLocale(): string | undefined {
    return this.locale ?? this.shared?.locale;
  }

  /** The provider's filters with this element's on top. */
  get effectiveFilters(): ViewFilters {
    const merged: Record<string, unknown> = { ...this.shared?.filters, ...this.filters };
    for (const key of Object.keys(merged)) {
      const value = merged[key];
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
        delete merged[key];
      }
    }
    return merged as ViewFilters;
  }

  /** Category settings in effect. */
  get effectiveCategories(): readonly CategorySetting[] {
    if (this.categories !== undefined) return this.categories;
    if (this.shared !== undefined && this.shared.categories.length > 0)
      return this.shared.categories;
    return this.sourceSettings.categories ?? [];
  }

  /** The data floor in effect. */
  get effectiveDataFloor(): string | undefined {
    return this.dataFloor ?? this.shared?.dataFloor ?? this.sourceSettings.dataFloor;
  }

  /** The theme being drawn. */
  get resolvedTheme(): ThemeName {
    return this.themes.resolve(this.theme ?? this.shared?.theme);
  }

  /** Formats numbers and dates in the locale and zone in effect. */
  protected formatterFor(timeZone: string = this.effectiveTz): Formatter {
    const locale = this.effectiveLocale;
    if (
      this.formatterCache === undefined ||
      this.formatterCache.locale !== locale ||
      this.formatterCache.timeZone !== timeZone
    ) {
      this.formatterCache = new Formatter(locale, timeZone);
    }
    return this.formatterCache;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.dataset.tallyTheme = this.resolvedTheme;
    const source = this.effectiveSource;
    if (source !== this.settingsFor) {
      this.settingsFor = source;
      if (source === undefined) {
        this.sourceSettings = {};
      } else {
        void settingsOf(source).then((settings) => {
          if (this.settingsFor === source) this.sourceSettings = settings;
        });
      }
    }
  }
}
