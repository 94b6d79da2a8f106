/** Red, green and blue, 0–255. */
export type Rgb = readonly [number, number, number];

/** Reads `#rgb`, `#rrggbb` and `rgb()` / `rgba()` colours; `null` for anything else. */
export function parseColor(color: string): Rgb | null {
  const text = color.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text);
  if (hex !== null) {
    const digits =
      hex[1].length === 3 ? [...hex[1]].map((digit) => digit + digit).join('') : hex[1];
    const value = parseInt(digits, 16);
    return [value >> 16, (value >> 8) & 255, value & 255];
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(text);
  if (rgb !== null) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}

/** WCAG 2 relative luminance. */
export function luminance([red, green, blue]: Rgb): number {
  const channel = (value: number) => {
    const share = value / 255;
    return share <= 0.03928 ? share / 12.92 : ((share + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue);
}

/** WCAG 2 contrast ratio of two colours, from 1 to 21; `null` when either cannot be read. */
export function contrastRatio(first: string, second: string): number | null {
  const a = parseColor(first);
  const b = parseColor(second);
  if (a === null || b === null) return null;
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Near-black or white, whichever reads better on `background` (for tenant colours). */
export function textColorOn(background: string): string {
  const dark = contrastRatio(background, '#0d1117') ?? 0;
  const light = contrastRatio(background, '#ffffff') ?? 0;
  return light >= dark ? '#ffffff' : '#0d1117';
}
