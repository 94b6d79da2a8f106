import type { ComplexAttributeConverter } from 'lit';
import type { RangeValue } from '../data/data-source.js';

/**
 * Reads a `range` attribute: a preset (`30d`, `month:2026-03`) or custom dates
 * `2026-03-01..2026-03-31` (both days included).
 */
export function parseRange(text: string | null | undefined): RangeValue | undefined {
  if (text === null || text === undefined || text.trim() === '') return undefined;
  const value = text.trim();
  const custom = /^(.+?)\.\.(.+)$/.exec(value);
  if (custom !== null) return { from: custom[1].trim(), to: custom[2].trim() };
  return { preset: value as RangeValue['preset'] };
}

/** Writes a range as the `range` attribute reads it. */
export function formatRange(range: RangeValue | undefined): string | null {
  if (range === undefined) return null;
  if (range.preset !== undefined) return range.preset;
  return `${range.from ?? ''}..${range.to ?? ''}`;
}

/** Lit's converter for `range` attributes. */
export const rangeConverter: ComplexAttributeConverter<RangeValue | undefined> = {
  fromAttribute: (value) => parseRange(value),
  toAttribute: (value) => formatRange(value),
};
