import { describeValue, fieldError, TallyError } from '../errors.js';
import type { Interval } from '../query.js';
import type { TenantSettings } from '../settings.js';
import { clampToFloor } from './clamp-to-floor.js';
import { presetInterval, readPreset } from './range-presets.js';
import { checkBounds, parseRangeValue } from './range-value.js';
import { readWeekStartsOn } from './read-week-starts-on.js';
import type { Preset, RangeInput, ResolvedRange } from './types.js';
import { parseLocalDate } from './zone.js';
import { zoneOf, type Zone } from './zone-data.js';

/** Options of {@link resolveRange}. */
export interface ResolveRangeOptions {
  /** The current time, epoch ms: presets are relative to it. */
  now: number;
  /** The tenant's time zone, data floor and first day of the week. */
  settings?: TenantSettings;
  /** The preset used when the input names no range. @default '30d' */
  defaultPreset?: Preset;
}

/** The longest range accepted: 1,830 days, which holds any five calendar years. */
export const MAX_RANGE_DAYS = 1830;
const MAX_RANGE_MS = MAX_RANGE_DAYS * 86_400_000;

/**
 * Turns a preset or custom range into a half-open `[from, to)` in epoch ms in a time zone,
 * clamped to the tenant's data floor (decision record 0003).
 *
 * The zone is `input.tz`, else `settings.timezone`, else `UTC`. "Today" is the local date of
 * `now`, and every day starts at local midnight (or, when midnight is skipped by DST, at the
 * day's first instant). Presets:
 *
 * - `today`: today. `yesterday`: the day before.
 * - `7d`, `30d`, `90d`, `180d`: the last N local calendar days, today included:
 *   `[midnight of today − (N − 1) days, next midnight)`.
 * - `3m`, `6m`: `[midnight of (tomorrow − N calendar months), next midnight)`, the day clamped to
 *   the month's end: on 2026-05-15, `3m` is 2026-02-16 to 2026-05-15 inclusive, and on
 *   2026-05-31 it is 2026-03-01 to 2026-05-31.
 * - `this-week`: the week so far, from its first day (`settings.weekStartsOn`, Monday by
 *   default) through today. `this-month`: the 1st of this month through today. Neither
 *   reaches into days that have not happened, so no timeline ends in zeros that are not data.
 * - `month:YYYY-MM`: that whole calendar month, from the 1st to the 1st of the next month.
 *
 * Custom ranges give `from` and `to` as epoch ms or ISO-8601 (see below); with only `from`,
 * `to` is the end of today. A date-only `to` means the end of that day, so `from` and `to`
 * `2026-03-01` are that one day; a date-time without an offset is local wall time in the zone.
 * A range may not be longer than {@link MAX_RANGE_DAYS} days, which protects the query engines
 * from scanning unbounded history by accident.
 *
 * A {@link ResolvedRange} given back (e.g. from an earlier answer) keeps its zone, preset and
 * `requested` interval and is only validated and clamped again; its `now` is not re-applied.
 *
 * Data floor: `settings.dataFloor` (a local date) starts at its local midnight. A range that
 * starts before it starts at the floor instead; one that ends at or before it becomes the empty
 * `[floor, floor)`. Either way `clamped` is true, and `requested` keeps the unclamped interval.
 *
 * @throws TallyError naming `range.from`, `range.to`, `range.preset`, `tz` or the setting.
 * @example
 * ```ts
 * resolveRange({ preset: '7d', tz: 'Europe/Paris' }, { now: Date.UTC(2026, 2, 10, 12) });
 * // { from: Date.UTC(2026, 2, 3, 23), to: Date.UTC(2026, 2, 10, 23), tz: 'Europe/Paris',
 * //   preset: '7d', clamped: false, floor: null, requested: { from, to } }
 * ```
 */
export function resolveRange(
  input: RangeInput | ResolvedRange | undefined,
  options: ResolveRangeOptions,
): ResolvedRange {
  const { now, settings = {} } = options;
  if (typeof now !== 'number') {
    throw fieldError(
      'invalid_range',
      'now',
      `must be epoch milliseconds (got ${describeValue(now)})`,
    );
  }
  checkBounds(now, 'now');
  if (input !== undefined && (typeof input !== 'object' || input === null)) {
    throw new TallyError(
      `range: must be an object with a preset or from/to (got ${describeValue(input)})`,
      { code: 'invalid_range', field: 'range' },
    );
  }
  const zone =
    input?.tz !== undefined
      ? zoneOf(input.tz, 'tz')
      : zoneOf(
          settings.timezone ?? 'UTC',
          settings.timezone === undefined ? 'tz' : 'settings.timezone',
        );
  const floor =
    settings.dataFloor === undefined
      ? null
      : parseLocalDate(settings.dataFloor, zone.name, 'settings.dataFloor');

  let preset: Preset | 'custom';
  let requested: Interval;
  if (input !== undefined && 'requested' in input && input.requested !== undefined) {
    preset = input.preset === 'custom' ? 'custom' : readPreset(input.preset);
    requested = readResolved(input.requested);
  } else {
    const given = (input ?? {}) as RangeInput;
    if (given.from === undefined && given.to === undefined) {
      preset = readPreset(given.preset ?? options.defaultPreset ?? '30d');
      const weekStartsOn = readWeekStartsOn(settings.weekStartsOn, 'settings.weekStartsOn');
      requested = presetInterval(preset, now, zone, weekStartsOn);
    } else {
      if (given.preset !== undefined) {
        throw fieldError(
          'invalid_range',
          'range.preset',
          `cannot be combined with range.from or range.to; give one or the other (got ${describeValue(given.preset)} with from/to)`,
        );
      }
      preset = 'custom';
      requested = readCustom(given, now, zone);
    }
  }
  checkOrder(requested);
  const clamped = clampToFloor(requested, floor);
  return {
    from: clamped.from,
    to: clamped.to,
    tz: zone.name,
    preset,
    clamped: clamped.clamped,
    floor,
    requested,
  };
}

function readCustom(input: RangeInput, now: number, zone: Zone): Interval {
  if (input.from === undefined) {
    throw fieldError(
      'invalid_range',
      'range.from',
      `is required with range.to (got undefined with ${describeValue(input.to)})`,
    );
  }
  const from = parseRangeValue(input.from, zone, 'range.from', false);
  const to =
    input.to === undefined
      ? presetInterval('today', now, zone, 1).to
      : parseRangeValue(input.to, zone, 'range.to', true);
  return { from, to };
}

function readResolved(requested: unknown): Interval {
  const { from, to } = (typeof requested === 'object' && requested !== null ? requested : {}) as {
    from?: unknown;
    to?: unknown;
  };
  for (const [field, value] of [
    ['range.from', from],
    ['range.to', to],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw fieldError(
        'invalid_range',
        field,
        `must be a finite number of epoch milliseconds in a resolved range (got ${describeValue(value)})`,
      );
    }
    checkBounds(value, field);
  }
  return { from: from as number, to: to as number };
}

function checkOrder({ from, to }: Interval): void {
  if (from >= to) {
    throw fieldError(
      'invalid_range',
      'range.from',
      `must be before range.to (got ${new Date(from).toISOString()} >= ${new Date(to).toISOString()})`,
    );
  }
  if (to - from > MAX_RANGE_MS) {
    const days = Math.ceil((to - from) / 86_400_000);
    throw fieldError(
      'invalid_range',
      'range.to',
      `must be at most ${MAX_RANGE_DAYS} days (five years) after range.from, to keep queries bounded (got ${days} days)`,
    );
  }
}
