import { expect } from 'chai';
import {
  addDays,
  addMonths,
  dayNumber,
  daysInMonth,
  formatIsoDate,
  parseIsoDate,
  wallClockMs,
  weekdayOf,
} from './civil-date.js';

describe('civil dates', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumber({ year: 1970, month: 1, day: 1 })).to.equal(0);
    expect(dayNumber({ year: 1969, month: 12, day: 31 })).to.equal(-1);
    expect(dayNumber({ year: 2026, month: 3, day: 1 })).to.equal(20513);
  });

  it('adds days across month and year ends', () => {
    expect(addDays({ year: 2026, month: 2, day: 28 }, 1)).to.deep.equal({
      year: 2026,
      month: 3,
      day: 1,
    });
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).to.deep.equal({
      year: 2024,
      month: 2,
      day: 29,
    });
    expect(addDays({ year: 2026, month: 1, day: 1 }, -1)).to.deep.equal({
      year: 2025,
      month: 12,
      day: 31,
    });
  });

  it('adds months, clamping the day to the end of a shorter month', () => {
    expect(addMonths({ year: 2026, month: 5, day: 31 }, -3)).to.deep.equal({
      year: 2026,
      month: 2,
      day: 28,
    });
    expect(addMonths({ year: 2026, month: 1, day: 15 }, -6)).to.deep.equal({
      year: 2025,
      month: 7,
      day: 15,
    });
    expect(addMonths({ year: 2026, month: 12, day: 1 }, 1)).to.deep.equal({
      year: 2027,
      month: 1,
      day: 1,
    });
  });

  it('knows month lengths and weekdays', () => {
    expect(daysInMonth(2024, 2)).to.equal(29);
    expect(daysInMonth(2100, 2)).to.equal(28);
    expect(daysInMonth(2000, 2)).to.equal(29);
    expect(daysInMonth(2026, 4)).to.equal(30);
    expect(weekdayOf({ year: 2026, month: 3, day: 8 })).to.equal(7);
    expect(weekdayOf({ year: 2026, month: 3, day: 9 })).to.equal(1);
    expect(weekdayOf({ year: 1969, month: 12, day: 31 })).to.equal(3);
  });

  it('parses only real YYYY-MM-DD dates', () => {
    expect(parseIsoDate('2024-02-29')).to.deep.equal({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2026-02-29')).to.equal(null);
    expect(parseIsoDate('2026-13-01')).to.equal(null);
    expect(parseIsoDate('2026-1-01')).to.equal(null);
    expect(parseIsoDate('2026-01-01T00:00')).to.equal(null);
    expect(formatIsoDate({ year: 987, month: 3, day: 4 })).to.equal('0987-03-04');
  });

  it('does not map years below 100 to the 1900s', () => {
    expect(new Date(wallClockMs(50, 1, 1)).getUTCFullYear()).to.equal(50);
    expect(wallClockMs(2026, 1, 32)).to.equal(Date.UTC(2026, 1, 1));
  });
});
