import { expect } from 'chai';
import type { TenantSettings } from '../settings.js';
import { previousPeriod } from './previous-period.js';
import { resolveRange } from './resolve-range.js';
import type { RangeInput } from './types.js';

const HOUR = 3_600_000;
/** Epoch ms of a UTC reading, month 1–12. */
const utc = (year: number, month: number, day: number, hour = 0, minute = 0): number =>
  Date.UTC(year, month - 1, day, hour, minute);

const NEW_YORK = 'America/New_York';
// Wednesday 2026-03-11, 11:30 EDT.
const NOW = utc(2026, 3, 11, 15, 30);

function previous(input: RangeInput, settings: TenantSettings = { timezone: NEW_YORK }) {
  return previousPeriod(resolveRange(input, { now: NOW, settings }));
}

describe('previousPeriod', () => {
  it('gives 7d the 7 local days before it, though one of its own days had 23 hours', () => {
    // 7d is 2026-03-05 … 2026-03-11 (167 hours); before it, 2026-02-26 … 2026-03-04.
    expect(previous({ preset: '7d' })).to.deep.equal({
      from: utc(2026, 2, 26, 5),
      to: utc(2026, 3, 5, 5),
      tz: NEW_YORK,
      preset: 'custom',
      clamped: false,
      floor: null,
      requested: { from: utc(2026, 2, 26, 5), to: utc(2026, 3, 5, 5) },
    });
  });

  it('starts at local midnight, not an equal number of hours back, across spring-forward', () => {
    // 2026-03-08 … 2026-03-14 lasts 167 hours; 2026-03-01 … 2026-03-07 lasts 168.
    const range = previous({ from: '2026-03-08', to: '2026-03-14' });
    expect([range.from, range.to]).to.deep.equal([utc(2026, 3, 1, 5), utc(2026, 3, 8, 5)]);
    expect((range.to - range.from) / HOUR).to.equal(168);
  });

  it('counts local days across fall-back too', () => {
    // 2026-11-01 … 2026-11-07 lasts 169 hours; 2026-10-25 … 2026-10-31 lasts 168.
    const range = previous({ from: '2026-11-01', to: '2026-11-07' });
    expect([range.from, range.to]).to.deep.equal([utc(2026, 10, 25, 4), utc(2026, 11, 1, 4)]);
  });

  it('uses equal milliseconds when the range is not whole days', () => {
    const range = previous({ from: '2026-03-08T06:30Z', to: '2026-03-08T09:00Z' });
    expect([range.from, range.to]).to.deep.equal([utc(2026, 3, 8, 4), utc(2026, 3, 8, 6, 30)]);
  });

  it('gives a calendar month the same number of days before it, not the previous month', () => {
    const range = previous({ preset: 'month:2026-03', tz: 'UTC' });
    expect([range.from, range.to]).to.deep.equal([utc(2026, 1, 29), utc(2026, 3, 1)]);
  });

  it('gives today yesterday', () => {
    const range = previous({ preset: 'today', tz: 'Asia/Kathmandu' });
    expect([range.from, range.to]).to.deep.equal([
      utc(2026, 3, 9, 18, 15),
      utc(2026, 3, 10, 18, 15),
    ]);
  });

  describe('data floor', () => {
    it('moves from up to the floor when the floor falls inside it', () => {
      const range = previous({ preset: '7d' }, { timezone: NEW_YORK, dataFloor: '2026-03-01' });
      expect(range).to.deep.include({
        from: utc(2026, 3, 1, 5),
        to: utc(2026, 3, 5, 5),
        clamped: true,
        floor: utc(2026, 3, 1, 5),
        requested: { from: utc(2026, 2, 26, 5), to: utc(2026, 3, 5, 5) },
      });
    });

    it('is empty at the floor when it ends at or before the floor', () => {
      const range = previous({ preset: '7d' }, { timezone: NEW_YORK, dataFloor: '2026-03-05' });
      expect(range).to.include({ from: utc(2026, 3, 5, 5), to: utc(2026, 3, 5, 5), clamped: true });
    });

    it('is empty when the current range was itself clamped', () => {
      // 30d requested 2026-02-10 … 2026-03-11; the period before it lies wholly before the floor.
      const range = previous({ preset: '30d' }, { timezone: NEW_YORK, dataFloor: '2026-03-01' });
      expect(range).to.deep.include({
        from: utc(2026, 3, 1, 5),
        to: utc(2026, 3, 1, 5),
        clamped: true,
        requested: { from: utc(2026, 1, 11, 5), to: utc(2026, 2, 10, 5) },
      });
    });
  });
});
