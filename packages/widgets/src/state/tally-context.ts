import { createContext } from '@lit/context';
import type { CategorySetting, ViewFilters } from '@tally/core';
import type { DataSource, RangeValue } from '../data/data-source.js';

/** The theme a page asks for; `auto` follows the reader's colour-scheme preference. */
export type ThemeSetting = 'light' | 'dark' | 'auto';

/**
 * What a `<tally-provider>` shares with every widget inside it. A widget's own properties win
 * over these, so one widget can, say, show another range.
 */
export interface TallyState {
  source: DataSource | undefined;
  range: RangeValue;
  tz: string | undefined;
  filters: ViewFilters;
  locale: string | undefined;
  theme: ThemeSetting;
  /** The tenant's categories (labels and colours), in display order. */
  categories: readonly CategorySetting[];
  /** `YYYY-MM-DD`: no data before this local date. */
  dataFloor: string | undefined;
  /** Changes whenever the page asks every widget to fetch again. */
  revision: number;
}

/**
 * The context key of {@link TallyState}. A global symbol, so two copies of the package on one
 * page still find each other.
 */
export const tallyContext = createContext<TallyState | undefined>(Symbol.for('tally.state'));
