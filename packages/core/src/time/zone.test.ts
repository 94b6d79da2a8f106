import { expect } from 'chai';
import { TallyError } from '../errors.js';
import {
  addLocalDays,
  assertTimeZone,
  fromLocal,
  localDayKey,
  localParts,
  offsetMinutes,
  parseLocalDate,
  startOfLocalDay,
} from './zone.js';

const HOUR = 3_600_000;
/** Epoch ms of a UTC reading, month 1–12. */
const utc = (year: number, month: number, day: number, hour = 0, minute = 0): number =>
  Date.UTC(year, month - 1, day, hour, minute);

const NEW_YORK = 'America/New_York';

function caught(action: () => unknown): TallyError {
  try {
    action();
  } catch (error) {
    if (TallyError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a TallyError');
}

/** Hours from a local date's start to the next one's. */
function dayLength(year: number, month: number, day: number, tz: string): number {
  const start = fromLocal({ year, month, day }, tz);
  return (addLocalDays(start, 1, tz) - start) / HOUR;
}

describe('assertTimeZone', () => {
  it('returns the canonical spelling of a known zone', () => {
    expect(assertTimeZone('america/new_york')).to.equal('America/New_York');
    expect(assertTimeZone('UTC')).to.equal('UTC');
  });

  it('refuses an unknown zone, naming the field and the value', () => {
    const error = caught(() => assertTimeZone('Mars/Base'));
    expect(error.message).to.equal('tz: unknown time zone "Mars/Base"');
    expect(error.field).to.equal('tz');
    expect(caught(() => assertTimeZone('Mars/Base', 'settings.timezone')).field).to.equal(
      'settings.timezone',
    );
  });

  it('refuses a value that is not a zone name', () => {
    expect(caught(() => assertTimeZone(42)).message).to.equal(
      'tz: must be an IANA time zone name like "Europe/Paris" (got 42)',
    );
    expect(caught(() => assertTimeZone('')).field).to.equal('tz');
  });
});

describe('localParts', () => {
  it('reads the local wall clock and ISO weekday', () => {
    // 07:00Z on 2026-03-08 is 03:00 EDT, just after the spring-forward gap; a Sunday.
    expect(localParts(utc(2026, 3, 8, 7), NEW_YORK)).to.deep.equal({
      year: 2026,
      month: 3,
      day: 8,
      hour: 3,
      minute: 0,
      second: 0,
      weekday: 7,
    });
  });

  it('shows midnight as hour 0', () => {
    expect(localParts(utc(2026, 1, 5, 5), NEW_YORK).hour).to.equal(0);
    expect(localParts(utc(2026, 1, 5), 'UTC')).to.include({ day: 5, hour: 0, weekday: 1 });
  });

  it('handles fixed-offset zones without DST', () => {
    // Etc/GMT+5 is five hours behind UTC (POSIX sign).
    expect(localParts(utc(2026, 1, 1, 3, 7), 'Etc/GMT+5')).to.include({
      year: 2025,
      month: 12,
      day: 31,
      hour: 22,
      minute: 7,
      weekday: 3,
    });
    expect(localParts(utc(2026, 1, 1, 0, 0) + 59_999, 'UTC')).to.include({ minute: 0, second: 59 });
  });

  it('handles quarter-hour offsets', () => {
    expect(localParts(utc(2026, 3, 9, 18, 15), 'Asia/Kathmandu')).to.include({
      day: 10,
      hour: 0,
      minute: 0,
    });
  });

  it('refuses a non-finite instant', () => {
    expect(caught(() => localParts(Number.NaN, 'UTC')).field).to.equal('time');
  });
});

describe('offsetMinutes', () => {
  it('gives the offset in force at the instant', () => {
    expect(offsetMinutes(utc(2026, 1, 15), NEW_YORK)).to.equal(-300);
    expect(offsetMinutes(utc(2026, 7, 15), NEW_YORK)).to.equal(-240);
    expect(offsetMinutes(utc(2026, 3, 8, 6, 59), NEW_YORK)).to.equal(-300);
    expect(offsetMinutes(utc(2026, 3, 8, 7), NEW_YORK)).to.equal(-240);
    expect(offsetMinutes(utc(2026, 7, 15), 'Asia/Kolkata')).to.equal(330);
    expect(offsetMinutes(utc(2026, 7, 15), 'Asia/Kathmandu')).to.equal(345);
    expect(offsetMinutes(utc(2026, 7, 15), 'Australia/Lord_Howe')).to.equal(630);
    expect(offsetMinutes(utc(2026, 1, 15), 'Australia/Lord_Howe')).to.equal(660);
    expect(offsetMinutes(utc(2026, 7, 15), 'Etc/GMT-14')).to.equal(840);
  });
});

describe('fromLocal', () => {
  it('finds the instant of an ordinary wall time', () => {
    expect(fromLocal({ year: 2026, month: 7, day: 4, hour: 9, minute: 15 }, NEW_YORK)).to.equal(
      utc(2026, 7, 4, 13, 15),
    );
    expect(fromLocal({ year: 2026, month: 3, day: 10 }, 'Asia/Kolkata')).to.equal(
      utc(2026, 3, 9, 18, 30),
    );
  });

  it('moves a wall time in a spring-forward gap forward by the gap', () => {
    // 02:30 does not exist on 2026-03-08 in New York; 03:30 EDT is 07:30Z.
    expect(fromLocal({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, NEW_YORK)).to.equal(
      utc(2026, 3, 8, 7, 30),
    );
    // Lord Howe skips 02:00–02:30 on 2026-10-04; 02:15 becomes 02:45 (+11) = 15:45Z the day before.
    expect(
      fromLocal({ year: 2026, month: 10, day: 4, hour: 2, minute: 15 }, 'Australia/Lord_Howe'),
    ).to.equal(utc(2026, 10, 3, 15, 45));
  });

  it('takes the earlier instant of a wall time that happens twice', () => {
    // 01:30 on 2026-11-01 happens in EDT (05:30Z) and again in EST (06:30Z).
    expect(fromLocal({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, NEW_YORK)).to.equal(
      utc(2026, 11, 1, 5, 30),
    );
    // London repeats 01:00–02:00 on 2026-10-25: first as BST (00:30Z).
    expect(
      fromLocal({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, 'Europe/London'),
    ).to.equal(utc(2026, 10, 25, 0, 30));
  });

  it('rolls over out-of-range fields like Date.UTC', () => {
    expect(fromLocal({ year: 2026, month: 1, day: 32 }, NEW_YORK)).to.equal(utc(2026, 2, 1, 5));
    expect(fromLocal({ year: 2026, month: 13, day: 1 }, 'UTC')).to.equal(utc(2027, 1, 1));
    expect(fromLocal({ year: 2026, month: 3, day: 0 }, 'UTC')).to.equal(utc(2026, 2, 28));
    expect(fromLocal({ year: 2026, month: 3, day: 7, hour: 24 }, NEW_YORK)).to.equal(
      utc(2026, 3, 8, 5),
    );
  });

  it('starts a day whose midnight is skipped at its first instant', () => {
    // Chile moves from -04 to -03 at midnight starting 2026-09-06: the day begins at 01:00.
    expect(fromLocal({ year: 2026, month: 9, day: 6 }, 'America/Santiago')).to.equal(
      utc(2026, 9, 6, 4),
    );
  });

  it('refuses non-finite fields, naming them', () => {
    expect(
      caught(() => fromLocal({ year: 2026, month: 1, day: Number.NaN }, 'UTC')).field,
    ).to.equal('day');
  });
});

describe('local days', () => {
  it('gives New York 23 hours on spring-forward day and 25 on fall-back day', () => {
    expect(dayLength(2026, 3, 8, NEW_YORK)).to.equal(23);
    expect(dayLength(2026, 11, 1, NEW_YORK)).to.equal(25);
    expect(dayLength(2026, 3, 9, NEW_YORK)).to.equal(24);
  });

  it('gives London 23 and 25 hours on its own transition days', () => {
    expect(fromLocal({ year: 2026, month: 3, day: 29 }, 'Europe/London')).to.equal(
      utc(2026, 3, 29),
    );
    expect(dayLength(2026, 3, 29, 'Europe/London')).to.equal(23);
    expect(dayLength(2026, 10, 25, 'Europe/London')).to.equal(25);
  });

  it('gives Lord Howe 24.5 and 23.5 hours for its 30-minute shift', () => {
    expect(fromLocal({ year: 2026, month: 4, day: 5 }, 'Australia/Lord_Howe')).to.equal(
      utc(2026, 4, 4, 13),
    );
    expect(dayLength(2026, 4, 5, 'Australia/Lord_Howe')).to.equal(24.5);
    expect(fromLocal({ year: 2026, month: 10, day: 4 }, 'Australia/Lord_Howe')).to.equal(
      utc(2026, 10, 3, 13, 30),
    );
    expect(dayLength(2026, 10, 4, 'Australia/Lord_Howe')).to.equal(23.5);
  });

  it('starts days at half- and quarter-hour offsets', () => {
    expect(startOfLocalDay(utc(2026, 3, 10, 12), 'Asia/Kolkata')).to.equal(utc(2026, 3, 9, 18, 30));
    expect(startOfLocalDay(utc(2026, 3, 10, 12), 'Asia/Kathmandu')).to.equal(
      utc(2026, 3, 9, 18, 15),
    );
    expect(addLocalDays(utc(2026, 3, 10, 12), 2, 'Asia/Kathmandu')).to.equal(
      utc(2026, 3, 11, 18, 15),
    );
  });

  it('finds the start of the local day, not the UTC day', () => {
    // 02:00Z on 2026-03-08 is still 21:00 EST on 2026-03-07.
    expect(startOfLocalDay(utc(2026, 3, 8, 2), NEW_YORK)).to.equal(utc(2026, 3, 7, 5));
    expect(startOfLocalDay(utc(2026, 3, 8, 23), NEW_YORK)).to.equal(utc(2026, 3, 8, 5));
    expect(startOfLocalDay(utc(2026, 3, 8, 23), 'Etc/GMT-14')).to.equal(utc(2026, 3, 8, 10));
  });

  it('adds and subtracts calendar days across DST', () => {
    expect(addLocalDays(utc(2026, 3, 7, 15), 1, NEW_YORK)).to.equal(utc(2026, 3, 8, 5));
    expect(addLocalDays(utc(2026, 3, 7, 15), 2, NEW_YORK)).to.equal(utc(2026, 3, 9, 4));
    expect(addLocalDays(utc(2026, 3, 9, 15), -2, NEW_YORK)).to.equal(utc(2026, 3, 7, 5));
    expect(addLocalDays(utc(2026, 12, 31, 12), 1, 'UTC')).to.equal(utc(2027, 1, 1));
    expect(caught(() => addLocalDays(0, 1.5, 'UTC')).field).to.equal('days');
  });

  it('keys instants by their local date', () => {
    expect(localDayKey(utc(2026, 3, 8, 2), NEW_YORK)).to.equal('2026-03-07');
    expect(localDayKey(utc(2026, 3, 9, 18, 15), 'Asia/Kathmandu')).to.equal('2026-03-10');
    expect(localDayKey(utc(2026, 3, 9, 18, 14), 'Asia/Kathmandu')).to.equal('2026-03-09');
  });
});

describe('parseLocalDate', () => {
  it('gives local midnight of the date', () => {
    expect(parseLocalDate('2026-03-01', 'Europe/Paris')).to.equal(utc(2026, 2, 28, 23));
    expect(parseLocalDate('2026-11-01', NEW_YORK)).to.equal(utc(2026, 11, 1, 4));
  });

  it('refuses what is not a calendar date, naming the field', () => {
    const error = caught(() => parseLocalDate('2026-02-30', 'UTC', 'settings.dataFloor'));
    expect(error.field).to.equal('settings.dataFloor');
    expect(error.message).to.equal(
      'settings.dataFloor: must be a calendar date like 2026-03-01 (got "2026-02-30")',
    );
    expect(caught(() => parseLocalDate('2026-3-1', 'UTC')).field).to.equal('date');
    expect(caught(() => parseLocalDate(20260301, 'UTC')).field).to.equal('date');
  });
});
