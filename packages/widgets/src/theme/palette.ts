import type { CategorySetting } from '@tally/core';

/** A resolved theme: what `theme="auto"` becomes once the page's colour scheme is known. */
export type ThemeName = 'light' | 'dark';

/** A colour for each theme. */
export interface ThemedColor {
  light: string;
  dark: string;
}

/**
 * The default category colours (DESIGN §8): chat blue, flow orange, research green, documents
 * red. Light colours carry white text and dark colours carry near-black text at 4.5:1 or more
 * (WCAG AA), and each stands 3:1 or more off its theme's background.
 */
export const CATEGORY_COLORS: Readonly<Record<string, ThemedColor>> = {
  chat: { light: '#1a66d6', dark: '#6cb6ff' },
  flow: { light: '#b35000', dark: '#f0883e' },
  research: { light: '#1a7f37', dark: '#57c96b' },
  documents: { light: '#cf222e', dark: '#ff7b72' },
};

/**
 * Colours for further categories, in order: distinct in hue and lightness so that they stay
 * apart for the common colour-vision deficiencies, with the same contrast guarantees.
 */
export const EXTRA_COLORS: readonly ThemedColor[] = [
  { light: '#8a3ffc', dark: '#c297ff' },
  { light: '#00756a', dark: '#3cc7b5' },
  { light: '#a8537c', dark: '#e38fc0' },
  { light: '#6e6e00', dark: '#d9c45a' },
  { light: '#0072b2', dark: '#56b4e9' },
];

/** The colour of `uncategorized`, `unknown` and `other`. */
export const NEUTRAL_COLOR: ThemedColor = { light: '#5a6472', dark: '#a1a9b3' };

/** The text colour to write on a palette colour in each theme. */
export const TEXT_ON_PALETTE: ThemedColor = { light: '#ffffff', dark: '#0d1117' };

const NEUTRAL_KEYS = new Set(['uncategorized', 'unknown', 'other']);

/**
 * Picks each key's colour: the tenant's configured colour first, then the default for known
 * categories, then the extra sequence in order of appearance, grey for the catch-all keys.
 */
export function paletteFor(
  keys: readonly string[],
  theme: ThemeName,
  configured: readonly CategorySetting[] = [],
): Map<string, string> {
  const colors = new Map<string, string>();
  const custom = new Map(
    configured.filter((entry) => entry.color).map((entry) => [entry.id, entry.color as string]),
  );
  let next = 0;
  for (const key of keys) {
    if (colors.has(key)) continue;
    const chosen =
      custom.get(key) ??
      CATEGORY_COLORS[key]?.[theme] ??
      (NEUTRAL_KEYS.has(key) ? NEUTRAL_COLOR[theme] : undefined);
    if (chosen !== undefined) {
      colors.set(key, chosen);
    } else {
      colors.set(key, EXTRA_COLORS[next % EXTRA_COLORS.length][theme]);
      next += 1;
    }
  }
  return colors;
}

/** A category's display label: the tenant's label, else the id. */
export function labelFor(key: string, configured: readonly CategorySetting[] = []): string {
  return configured.find((entry) => entry.id === key)?.label ?? key;
}
