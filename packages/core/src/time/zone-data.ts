import { describeValue, fieldError } from '../errors.js';
import { wallClockMs } from './civil-date.js';

/** A validated time zone with what the fast paths need. */
export interface Zone {
  /** The canonical name `Intl` resolved it to. */
  name: string;
  /** The constant UTC offset of `UTC` and `Etc/GMT±N`, which skip `Intl`; otherwise `null`. */
  fixedOffsetMs: number | null;
  /** Formats an instant into numeric local fields; one per zone, because building one is slow. */
  formatter: Intl.DateTimeFormat;
}

/** Local wall-clock fields of an instant, without the weekday. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Keyed by the name as given, so case variants each cost one entry; cleared rather than grown
// without bound when a caller feeds many distinct spellings.
const zones = new Map<string, Zone>();
const MAX_CACHED_ZONES = 512;

const UTC_NAMES = /^(?:Etc\/)?(?:UTC|UCT|GMT|GMT[+-]?0|Universal|Zulu|Greenwich)$/;
const ETC_GMT = /^Etc\/GMT([+-])(\d{1,2})$/;

/**
 * The {@link Zone} for an IANA time zone name, validated and cached.
 *
 * @throws TallyError `tz: unknown time zone "Mars/Base"` (named after `field`).
 */
export function zoneOf(tz: unknown, field = 'tz'): Zone {
  if (typeof tz === 'string') {
    const cached = zones.get(tz);
    if (cached !== undefined) return cached;
  }
  if (typeof tz !== 'string' || tz.trim() === '') {
    throw fieldError(
      'invalid_time_zone',
      field,
      `must be an IANA time zone name like "Europe/Paris" (got ${describeValue(tz)})`,
    );
  }
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw fieldError('invalid_time_zone', field, `unknown time zone ${describeValue(tz)}`);
  }
  const name = formatter.resolvedOptions().timeZone;
  const zone: Zone = { name, fixedOffsetMs: fixedOffsetOf(name), formatter };
  if (zones.size >= MAX_CACHED_ZONES) zones.clear();
  zones.set(tz, zone);
  return zone;
}

/** The local wall clock of an instant (`ms` must be finite). */
export function wallClockOf(zone: Zone, ms: number): WallClock {
  if (zone.fixedOffsetMs !== null) {
    const date = new Date(ms + zone.fixedOffsetMs);
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
    };
  }
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of zone.formatter.formatToParts(ms)) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'minute':
      case 'second':
        clock[part.type] = Number(part.value);
        break;
      case 'hour':
        // Some older engines render midnight as 24 even with h23.
        clock.hour = Number(part.value) % 24;
        break;
      default:
        break;
    }
  }
  return clock;
}

/** The zone's UTC offset at an instant, in ms (local = UTC + offset). */
export function offsetMsAt(zone: Zone, ms: number): number {
  if (zone.fixedOffsetMs !== null) return zone.fixedOffsetMs;
  const clock = wallClockOf(zone, ms);
  const wall = wallClockMs(
    clock.year,
    clock.month,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  // The formatted clock has whole seconds, so compare it with the instant's whole second.
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

function fixedOffsetOf(name: string): number | null {
  if (UTC_NAMES.test(name)) return 0;
  const match = ETC_GMT.exec(name);
  if (match === null) return null;
  // POSIX-style sign: Etc/GMT+5 is five hours behind UTC.
  const hours = Number(match[2]);
  return (match[1] === '+' ? -hours : hours) * 3_600_000;
}
