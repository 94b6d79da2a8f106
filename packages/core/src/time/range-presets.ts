import { describeValue, fieldError } from '../errors.js';
import type { Interval } from '../query.js';
import { addDays, addMonths, wallClockMs, weekdayOf, type CivilDate } from './civil-date.js';
import type { Preset } from './types.js';
import { instantOfWall } from './zone.js';
import { wallClockOf, type Zone } from './zone-data.js';

/** Every fixed preset name; `month:YYYY-MM` comes on top. */
export const PRESETS: readonly Preset[] = [
  'today',
  'yesterday',
  '7d',
  '30d',
  '90d',
  '180d',
  '3m',
  '6m',
  'this-week',
  'this-month',
];

const DAY_PRESETS: Partial<Record<Preset, number>> = { '7d': 7, '30d': 30, '90d': 90, '180d': 180 };
const MONTH_PRESETS: Partial<Record<Preset, number>> = { '3m': 3, '6m': 6 };
const MONTH_PRESET = /^month:(\d{4})-(\d{2})$/;

/**
 * Checks a preset name, returning it typed.
 *
 * @throws TallyError naming `range.preset` for an unknown name or a malformed month.
 */
export function readPreset(value: unknown): Preset {
  if (typeof value === 'string' && (PRESETS as readonly string[]).includes(value)) {
    return value as Preset;
  }
  if (typeof value === 'string' && value.startsWith('month:')) {
    const match = MONTH_PRESET.exec(value);
    const month = match === null ? 0 : Number(match[2]);
    if (match === null || month < 1 || month > 12 || Number(match[1]) < 1900) {
      throw fieldError(
        'invalid_range',
        'range.preset',
        `must be month:YYYY-MM with a month from 01 to 12, like month:2026-02 (got ${describeValue(value)})`,
      );
    }
    return value as Preset;
  }
  throw fieldError(
    'invalid_range',
    'range.preset',
    `must be one of ${PRESETS.join(', ')} or month:YYYY-MM (got ${describeValue(value)})`,
  );
}

/**
 * The interval a preset names at `now` in a zone; every end is a local day start, and every
 * range ends with today except `yesterday` and `month:YYYY-MM`. See `resolveRange` for the
 * definitions.
 */
export function presetInterval(
  preset: Preset,
  now: number,
  zone: Zone,
  weekStartsOn: number,
): Interval {
  const clock = wallClockOf(zone, now);
  const today: CivilDate = { year: clock.year, month: clock.month, day: clock.day };
  const tomorrow = addDays(today, 1);
  const start = (date: CivilDate): number =>
    instantOfWall(zone, wallClockMs(date.year, date.month, date.day));
  const endOfToday = start(tomorrow);

  const days = DAY_PRESETS[preset];
  if (days !== undefined) return { from: start(addDays(today, 1 - days)), to: endOfToday };
  const months = MONTH_PRESETS[preset];
  if (months !== undefined) return { from: start(addMonths(tomorrow, -months)), to: endOfToday };
  switch (preset) {
    case 'today':
      return { from: start(today), to: endOfToday };
    case 'yesterday':
      return { from: start(addDays(today, -1)), to: start(today) };
    case 'this-week':
      return {
        from: start(addDays(today, -((weekdayOf(today) - weekStartsOn + 7) % 7))),
        to: endOfToday,
      };
    case 'this-month':
      return { from: start({ ...today, day: 1 }), to: endOfToday };
    default: {
      const match = MONTH_PRESET.exec(readPreset(preset));
      if (match === null) {
        throw fieldError(
          'invalid_range',
          'range.preset',
          `is unknown (got ${describeValue(preset)})`,
        );
      }
      const first: CivilDate = { year: Number(match[1]), month: Number(match[2]), day: 1 };
      return { from: start(first), to: start(addMonths(first, 1)) };
    }
  }
}
