/** The theme colours a chart draws with, read from the element's tokens. */
export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  background: string;
}

/**
 * Reads the chart colours from the `--tally-*` tokens in effect on `element` (the page's values,
 * else the theme's defaults), so charts follow theme changes like the rest of the element.
 */
export function chartColors(element: Element): ChartColors {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) =>
    style.getPropertyValue(`--tally-color-${name}`).trim() ||
    style.getPropertyValue(`--_${fallback}`).trim() ||
    '#808080';
  return {
    text: read('text', 'text'),
    muted: read('muted', 'muted'),
    grid: read('grid', 'grid'),
    background: read('surface', 'raised'),
  };
}
