import { expect } from 'chai';
import { TallyError } from '../errors.js';
import type { TenantSettings } from '../settings.js';
import { resolveRange } from './resolve-range.js';
import type { Preset, RangeInput } from './types.js';

/** Epoch ms of a UTC reading, month 1–12. */
const utc = (year: number, month: number, day: number, hour = 0, minute = 0): number =>
  Date.UTC(year, month - 1, day, hour, minute);

const NEW_YORK = 'America/New_York';
// Wednesday 2026-03-11, 11:30 EDT; New York switched to EDT (−4) on Sunday 2026-03-08.
const NOW = utc(2026, 3, 11, 15, 30);
const NY = { now: NOW, settings: { timezone: NEW_YORK } };
const END_OF_TODAY = utc(2026, 3, 12, 4);

function caught(action: () => unknown): TallyError {
  try {
    action();
  } catch (error) {
    if (TallyError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a TallyError');
}

function interval(preset: Preset, settings: TenantSettings = NY.settings): [number, number] {
  const range = resolveRange({ preset }, { now: NOW, settings });
  return [range.from, range.to];
}

describe('resolveRange', () => {
  describe('presets at Wednesday 2026-03-11 11:30 in New York', () => {
    it('today is local midnight to the next one', () => {
      expect(interval('today')).to.deep.equal([utc(2026, 3, 11, 4), END_OF_TODAY]);
    });

    it('yesterday is the local day before', () => {
      expect(interval('yesterday')).to.deep.equal([utc(2026, 3, 10, 4), utc(2026, 3, 11, 4)]);
    });

    it('Nd is the last N local days, today included', () => {
      // 7d starts Thursday 2026-03-05, still EST, so it spans 167 hours.
      expect(interval('7d')).to.deep.equal([utc(2026, 3, 5, 5), END_OF_TODAY]);
      expect(interval('30d')).to.deep.equal([utc(2026, 2, 10, 5), END_OF_TODAY]);
      expect(interval('90d')).to.deep.equal([utc(2025, 12, 12, 5), END_OF_TODAY]);
      // 2025-09-13 was in EDT.
      expect(interval('180d')).to.deep.equal([utc(2025, 9, 13, 4), END_OF_TODAY]);
    });

    it('3m and 6m start N calendar months before tomorrow', () => {
      expect(interval('3m')).to.deep.equal([utc(2025, 12, 12, 5), END_OF_TODAY]);
      expect(interval('6m')).to.deep.equal([utc(2025, 9, 12, 4), END_OF_TODAY]);
    });

    it('this-week runs from the first day of the week through today', () => {
      expect(interval('this-week')).to.deep.equal([utc(2026, 3, 9, 4), END_OF_TODAY]);
      expect(interval('this-week', { timezone: NEW_YORK, weekStartsOn: 7 })).to.deep.equal([
        utc(2026, 3, 8, 5),
        END_OF_TODAY,
      ]);
      // A week starting on Wednesday starts today.
      expect(interval('this-week', { timezone: NEW_YORK, weekStartsOn: 3 })).to.deep.equal([
        utc(2026, 3, 11, 4),
        END_OF_TODAY,
      ]);
    });

    it('this-month runs from the 1st through today', () => {
      expect(interval('this-month')).to.deep.equal([utc(2026, 3, 1, 5), END_OF_TODAY]);
    });

    it('month:YYYY-MM is that whole calendar month', () => {
      expect(interval('month:2026-02')).to.deep.equal([utc(2026, 2, 1, 5), utc(2026, 3, 1, 5)]);
      expect(interval('month:2026-03')).to.deep.equal([utc(2026, 3, 1, 5), utc(2026, 4, 1, 4)]);
      expect(interval('month:2025-12')).to.deep.equal([utc(2025, 12, 1, 5), utc(2026, 1, 1, 5)]);
    });

    it('reports the preset, zone and an unclamped range', () => {
      expect(resolveRange({ preset: '7d' }, NY)).to.deep.equal({
        from: utc(2026, 3, 5, 5),
        to: END_OF_TODAY,
        tz: NEW_YORK,
        preset: '7d',
        clamped: false,
        floor: null,
        requested: { from: utc(2026, 3, 5, 5), to: END_OF_TODAY },
      });
    });
  });

  it('clamps 3m to the end of a shorter month', () => {
    // Tomorrow is 2026-05-31; three months before is "2026-02-31", clamped to 02-28.
    const late = resolveRange({ preset: '3m' }, { now: utc(2026, 5, 30, 12) });
    expect([late.from, late.to]).to.deep.equal([utc(2026, 2, 28), utc(2026, 5, 31)]);
    // On the last day of May, tomorrow is June 1st and 3m is exactly March to May.
    const last = resolveRange({ preset: '3m' }, { now: utc(2026, 5, 31, 12) });
    expect([last.from, last.to]).to.deep.equal([utc(2026, 3, 1), utc(2026, 6, 1)]);
  });

  it('defaults to 30d, or the given default preset', () => {
    expect(resolveRange(undefined, NY)).to.include({ preset: '30d', from: utc(2026, 2, 10, 5) });
    expect(resolveRange({}, { ...NY, defaultPreset: '7d' })).to.include({ preset: '7d' });
  });

  it('takes the zone from the input, else the settings, else UTC', () => {
    expect(resolveRange({ preset: 'today' }, { now: NOW })).to.include({
      tz: 'UTC',
      from: utc(2026, 3, 11),
    });
    expect(resolveRange({ preset: 'today', tz: 'Asia/Kathmandu' }, NY)).to.include({
      from: utc(2026, 3, 10, 18, 15),
      to: utc(2026, 3, 11, 18, 15),
    });
    expect(resolveRange({ preset: 'today', tz: 'america/new_york' }, { now: NOW }).tz).to.equal(
      NEW_YORK,
    );
  });

  describe('custom ranges', () => {
    const custom = (input: RangeInput): [number, number] => {
      const range = resolveRange(input, NY);
      expect(range.preset).to.equal('custom');
      return [range.from, range.to];
    };

    it('accepts epoch milliseconds', () => {
      expect(custom({ from: 1000, to: 5000.7 })).to.deep.equal([1000, 5000]);
    });

    it('reads ISO date-times with offsets as instants', () => {
      expect(
        custom({ from: '2026-03-01T09:00:00+05:30', to: '2026-03-02T00:00:00-08:00' }),
      ).to.deep.equal([utc(2026, 3, 1, 3, 30), utc(2026, 3, 2, 8)]);
      expect(custom({ from: '2026-03-01T09:00:00.250Z', to: '2026-03-01T10:00Z' })).to.deep.equal([
        utc(2026, 3, 1, 9) + 250,
        utc(2026, 3, 1, 10),
      ]);
    });

    it('reads a date-only from as local midnight and a date-only to as the end of that day', () => {
      expect(custom({ from: '2026-03-01', to: '2026-03-07' })).to.deep.equal([
        utc(2026, 3, 1, 5),
        utc(2026, 3, 8, 5),
      ]);
      expect(custom({ from: '2026-03-08', to: '2026-03-08' })).to.deep.equal([
        utc(2026, 3, 8, 5),
        utc(2026, 3, 9, 4),
      ]);
    });

    it('reads a date-time without an offset as local wall time', () => {
      expect(custom({ from: '2026-03-08T01:30', to: '2026-03-08T02:30' })).to.deep.equal([
        utc(2026, 3, 8, 6, 30),
        // 02:30 is skipped that night and moves forward to 03:30 EDT.
        utc(2026, 3, 8, 7, 30),
      ]);
    });

    it('ends at the end of today when only from is given', () => {
      expect(custom({ from: '2026-03-01' })).to.deep.equal([utc(2026, 3, 1, 5), END_OF_TODAY]);
    });
  });

  describe('data floor', () => {
    const floored = (dataFloor: string, preset: Preset = '30d') =>
      resolveRange({ preset }, { now: NOW, settings: { timezone: NEW_YORK, dataFloor } });

    it('moves from up to the floor and says so', () => {
      const range = floored('2026-03-01');
      expect(range).to.deep.equal({
        from: utc(2026, 3, 1, 5),
        to: END_OF_TODAY,
        tz: NEW_YORK,
        preset: '30d',
        clamped: true,
        floor: utc(2026, 3, 1, 5),
        requested: { from: utc(2026, 2, 10, 5), to: END_OF_TODAY },
      });
    });

    it('leaves a range that starts on or after the floor alone', () => {
      expect(floored('2026-03-05', '7d')).to.include({
        from: utc(2026, 3, 5, 5),
        clamped: false,
        floor: utc(2026, 3, 5, 5),
      });
    });

    it('empties a range that ends at or before the floor', () => {
      expect(floored('2026-03-20')).to.include({
        from: utc(2026, 3, 20, 4),
        to: utc(2026, 3, 20, 4),
        clamped: true,
      });
      expect(floored('2026-03-11', 'yesterday')).to.include({
        from: utc(2026, 3, 11, 4),
        to: utc(2026, 3, 11, 4),
        clamped: true,
      });
    });

    it('refuses a malformed floor', () => {
      expect(caught(() => floored('March 1st')).field).to.equal('settings.dataFloor');
    });
  });

  describe('a resolved range given back', () => {
    it('is clamped again, not recomputed from now', () => {
      const first = resolveRange({ preset: '7d' }, NY);
      const later = resolveRange(first, {
        now: NOW + 10 * 86_400_000,
        settings: { timezone: NEW_YORK, dataFloor: '2026-03-07' },
      });
      expect(later).to.deep.equal({
        ...first,
        from: utc(2026, 3, 7, 5),
        clamped: true,
        floor: utc(2026, 3, 7, 5),
      });
    });

    it('is clamped from its requested interval, whatever its from says', () => {
      const first = resolveRange({ preset: '7d' }, NY);
      const tampered = { ...first, from: utc(2020, 1, 1), clamped: false };
      expect(resolveRange(tampered, NY)).to.deep.equal(first);
    });

    it('is validated', () => {
      const first = resolveRange({ preset: '7d' }, NY);
      const backwards = { ...first, requested: { from: first.to, to: first.from } };
      expect(caught(() => resolveRange(backwards, NY)).field).to.equal('range.from');
      expect(
        caught(() => resolveRange({ ...first, preset: 'weekly' as Preset }, NY)).field,
      ).to.equal('range.preset');
      expect(caught(() => resolveRange({ ...first, tz: 'Mars/Base' }, NY)).field).to.equal('tz');
    });
  });

  describe('errors', () => {
    const error = (input: unknown, settings?: TenantSettings): TallyError =>
      caught(() => resolveRange(input as RangeInput, { now: NOW, settings }));

    it('names range.preset for an unknown preset or a bad month', () => {
      const unknown = error({ preset: '8d' });
      expect(unknown.field).to.equal('range.preset');
      expect(unknown.message).to.equal(
        'range.preset: must be one of today, yesterday, 7d, 30d, 90d, 180d, 3m, 6m, this-week, this-month or month:YYYY-MM (got "8d")',
      );
      expect(error({ preset: 'month:2026-13' }).field).to.equal('range.preset');
      expect(error({ preset: 'month:2026-2' }).field).to.equal('range.preset');
    });

    it('names range.preset when both a preset and from/to are given', () => {
      expect(error({ preset: '7d', from: '2026-03-01' }).field).to.equal('range.preset');
    });

    it('names range.from when from is not before to', () => {
      const backwards = error({ from: '2026-03-02T00:00Z', to: '2026-03-01T00:00Z' });
      expect(backwards.field).to.equal('range.from');
      expect(backwards.code).to.equal('invalid_range');
      expect(backwards.message).to.equal(
        'range.from: must be before range.to (got 2026-03-02T00:00:00.000Z >= 2026-03-01T00:00:00.000Z)',
      );
      expect(error({ from: 5000, to: 5000 }).field).to.equal('range.from');
    });

    it('names the end that is not a number or date', () => {
      expect(error({ from: Number.NaN, to: 5000 }).field).to.equal('range.from');
      expect(error({ from: 0, to: Number.POSITIVE_INFINITY }).field).to.equal('range.to');
      expect(error({ from: 'last tuesday', to: 5000 }).field).to.equal('range.from');
      expect(error({ from: 0, to: '2026-02-30' }).field).to.equal('range.to');
      expect(error({ from: 0, to: '2026-03-01T25:00Z' }).field).to.equal('range.to');
      expect(error({ from: true, to: 5000 }).field).to.equal('range.from');
      expect(error({ to: 5000 }).field).to.equal('range.from');
      expect(error({ from: -1e15, to: 0 }).field).to.equal('range.from');
    });

    it('accepts 1,830 days but refuses anything longer', () => {
      // 2020-01-01 through 2025-01-03 is 1,830 days (1,827 for five years, plus three).
      const longest = resolveRange({ from: '2020-01-01', to: '2025-01-03' }, { now: NOW });
      expect(longest.to - longest.from).to.equal(1830 * 86_400_000);
      const longer = error({ from: '2020-01-01', to: '2025-01-04' });
      expect(longer.field).to.equal('range.to');
      expect(longer.message).to.equal(
        'range.to: must be at most 1830 days (five years) after range.from, to keep queries bounded (got 1831 days)',
      );
    });

    it('names tz or settings.timezone for an unknown zone', () => {
      expect(error({ preset: '7d', tz: 'Mars/Base' }).message).to.equal(
        'tz: unknown time zone "Mars/Base"',
      );
      expect(error({ preset: '7d' }, { timezone: 'Mars/Base' }).field).to.equal(
        'settings.timezone',
      );
    });

    it('names settings.weekStartsOn when it is out of range', () => {
      expect(error({ preset: 'this-week' }, { weekStartsOn: 0 }).field).to.equal(
        'settings.weekStartsOn',
      );
    });
  });
});
