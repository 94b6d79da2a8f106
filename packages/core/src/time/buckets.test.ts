import { expect } from 'chai';
import { TallyError } from '../errors.js';
import { chooseBuckets, dayBoundaries, hourBoundaries } from './buckets.js';
import { localParts } from './zone.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Epoch ms of a UTC reading, month 1–12. */
const utc = (year: number, month: number, day: number, hour = 0, minute = 0): number =>
  Date.UTC(year, month - 1, day, hour, minute);

const NEW_YORK = 'America/New_York';
const LORD_HOWE = 'Australia/Lord_Howe';
// New York's local midnights around its 2026 transitions (EST −5, EDT −4).
const MAR_8 = utc(2026, 3, 8, 5);
const MAR_9 = utc(2026, 3, 9, 4);
const NOV_1 = utc(2026, 11, 1, 4);
const NOV_2 = utc(2026, 11, 2, 5);

function caught(action: () => unknown): TallyError {
  try {
    action();
  } catch (error) {
    if (TallyError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a TallyError');
}

/** Lengths of the buckets in hours, the last one ending at `end`. */
function lengths(boundaries: number[], end: number): number[] {
  return boundaries.map((start, index) => ((boundaries[index + 1] ?? end) - start) / HOUR);
}

/** `count` instants `step` apart from `first`. */
function evenly(first: number, step: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => first + index * step);
}

describe('chooseBuckets', () => {
  describe('picks the smallest size giving at most 60 buckets', () => {
    const from = utc(2026, 1, 5); // a Monday
    const cases: [string, number, string, number][] = [
      ['1 hour', HOUR, '1m', 60],
      ['2 hours', 2 * HOUR, '5m', 24],
      ['1 day', DAY, '30m', 48],
      ['3 days', 3 * DAY, '2h', 36],
      ['7 days', 7 * DAY, '4h', 42],
      ['14 days', 14 * DAY, '6h', 56],
      ['30 days', 30 * DAY, '12h', 60],
      ['31 days', 31 * DAY, '1d', 31],
      ['60 days', 60 * DAY, '1d', 60],
      ['90 days', 90 * DAY, '1w', 13],
      ['400 days', 400 * DAY, '1w', 58],
      ['2 years', utc(2028, 1, 5) - from, '1M', 25],
    ];
    for (const [name, length, size, count] of cases) {
      it(`uses ${size} for ${name} (${count} buckets)`, () => {
        const buckets = chooseBuckets({ from, to: from + length, tz: 'UTC' });
        expect(buckets.size).to.equal(size);
        expect(buckets.label).to.equal(size);
        expect(buckets.boundaries).to.have.length(count);
        expect(buckets.boundaries[0]).to.equal(from);
        expect(buckets.end).to.equal(from + length);
      });
    }
  });

  it('aligns buckets to the clock after a partial first bucket', () => {
    const from = utc(2026, 1, 5, 10, 17);
    const buckets = chooseBuckets({ from, to: from + DAY, tz: 'UTC' });
    expect(buckets.size).to.equal('30m');
    // 10:17, then 10:30, 11:00 … 10:00 the next day.
    expect(buckets.boundaries).to.have.length(49);
    expect(buckets.boundaries.slice(0, 3)).to.deep.equal([
      from,
      utc(2026, 1, 5, 10, 30),
      utc(2026, 1, 5, 11),
    ]);
    expect(buckets.boundaries[48]).to.equal(utc(2026, 1, 6, 10));
  });

  it('honours a smaller maxBuckets', () => {
    const from = utc(2026, 1, 5);
    expect(chooseBuckets({ from, to: from + DAY, tz: 'UTC' }, { maxBuckets: 24 }).size).to.equal(
      '1h',
    );
    expect(chooseBuckets({ from, to: from + DAY, tz: 'UTC' }, { maxBuckets: 23 }).size).to.equal(
      '2h',
    );
  });

  it('falls back to months when nothing fits', () => {
    const from = utc(2026, 1, 15);
    const buckets = chooseBuckets({ from, to: utc(2026, 4, 15), tz: 'UTC' }, { maxBuckets: 2 });
    expect(buckets.size).to.equal('1M');
    expect(buckets.boundaries).to.deep.equal([
      from,
      utc(2026, 2, 1),
      utc(2026, 3, 1),
      utc(2026, 4, 1),
    ]);
  });

  it('gives no buckets for an empty range', () => {
    const at = utc(2026, 2, 1);
    expect(chooseBuckets({ from: at, to: at, tz: NEW_YORK }).boundaries).to.deep.equal([]);
    expect(chooseBuckets({ from: at, to: at, tz: 'UTC' }, { granularity: 'day' })).to.deep.equal({
      size: '1d',
      label: '1d',
      boundaries: [],
      end: at,
    });
  });

  describe('granularity', () => {
    it('forces the size, however many buckets it makes', () => {
      const from = utc(2026, 1, 5);
      const hourly = chooseBuckets(
        { from, to: from + 7 * DAY, tz: 'UTC' },
        { granularity: 'hour' },
      );
      expect(hourly.size).to.equal('1h');
      expect(hourly.boundaries).to.deep.equal(evenly(from, HOUR, 168));
      const monthly = chooseBuckets(
        { from, to: from + 7 * DAY, tz: 'UTC' },
        { granularity: 'month' },
      );
      expect(monthly).to.deep.equal({
        size: '1M',
        label: '1M',
        boundaries: [from],
        end: from + 7 * DAY,
      });
    });

    it('makes one monthly bucket for February', () => {
      const buckets = chooseBuckets(
        { from: utc(2026, 2, 1, 5), to: utc(2026, 3, 1, 5), tz: NEW_YORK },
        { granularity: 'month' },
      );
      expect(buckets.boundaries).to.deep.equal([utc(2026, 2, 1, 5)]);
      const daily = chooseBuckets(
        { from: utc(2026, 2, 1, 5), to: utc(2026, 3, 1, 5), tz: NEW_YORK },
        { granularity: 'day' },
      );
      expect(daily.boundaries).to.deep.equal(evenly(utc(2026, 2, 1, 5), DAY, 28));
    });

    it('starts weeks on weekStartsOn', () => {
      // 2026-01-01 is a Thursday.
      const range = { from: utc(2026, 1, 1), to: utc(2026, 1, 22), tz: 'UTC' };
      expect(chooseBuckets(range, { granularity: 'week' }).boundaries).to.deep.equal([
        utc(2026, 1, 1),
        utc(2026, 1, 5),
        utc(2026, 1, 12),
        utc(2026, 1, 19),
      ]);
      expect(
        chooseBuckets(range, { granularity: 'week', weekStartsOn: 7 }).boundaries,
      ).to.deep.equal([utc(2026, 1, 1), utc(2026, 1, 4), utc(2026, 1, 11), utc(2026, 1, 18)]);
      // A range starting on the first day of the week has no partial week.
      expect(
        chooseBuckets({ ...range, from: utc(2026, 1, 4) }, { granularity: 'week', weekStartsOn: 7 })
          .boundaries,
      ).to.deep.equal([utc(2026, 1, 4), utc(2026, 1, 11), utc(2026, 1, 18)]);
    });

    it('starts weeks at local midnight across DST', () => {
      const buckets = chooseBuckets(
        { from: utc(2026, 3, 2, 5), to: utc(2026, 3, 23, 4), tz: NEW_YORK },
        { granularity: 'week' },
      );
      expect(buckets.boundaries).to.deep.equal([
        utc(2026, 3, 2, 5),
        utc(2026, 3, 9, 4),
        utc(2026, 3, 16, 4),
      ]);
    });

    it('refuses more than 50,000 buckets', () => {
      const error = caught(() =>
        chooseBuckets(
          { from: utc(2020, 1, 1), to: utc(2026, 1, 1), tz: 'UTC' },
          { granularity: 'hour' },
        ),
      );
      expect(error.field).to.equal('granularity');
      expect(error.message).to.match(/^granularity: gives more than 50000 buckets of 1h/);
    });
  });

  describe('across DST in New York', () => {
    it('makes 23 hourly buckets on spring-forward day, each an hour', () => {
      const buckets = chooseBuckets(
        { from: MAR_8, to: MAR_9, tz: NEW_YORK },
        { granularity: 'hour' },
      );
      expect(buckets.boundaries).to.deep.equal(evenly(MAR_8, HOUR, 23));
    });

    it('makes 25 hourly buckets on fall-back day, 01:00 starting two of them', () => {
      const buckets = chooseBuckets(
        { from: NOV_1, to: NOV_2, tz: NEW_YORK },
        { granularity: 'hour' },
      );
      expect(buckets.boundaries).to.deep.equal(evenly(NOV_1, HOUR, 25));
      expect(buckets.boundaries.slice(1, 4)).to.deep.equal([
        utc(2026, 11, 1, 5), // 01:00 EDT
        utc(2026, 11, 1, 6), // 01:00 EST
        utc(2026, 11, 1, 7), // 02:00 EST
      ]);
    });

    it('keeps 4h buckets on local 00/04/08…, the first 3 hours on spring-forward day', () => {
      const buckets = chooseBuckets({ from: MAR_8, to: MAR_9, tz: NEW_YORK }, { maxBuckets: 6 });
      expect(buckets.size).to.equal('4h');
      expect(buckets.boundaries).to.deep.equal([
        MAR_8, // 00:00 EST
        utc(2026, 3, 8, 8), // 04:00 EDT
        utc(2026, 3, 8, 12),
        utc(2026, 3, 8, 16),
        utc(2026, 3, 8, 20),
        utc(2026, 3, 9, 0), // 20:00 EDT
      ]);
      expect(lengths(buckets.boundaries, MAR_9)).to.deep.equal([3, 4, 4, 4, 4, 4]);
    });

    it('keeps 4h buckets on local 00/04/08…, the first 5 hours on fall-back day', () => {
      const buckets = chooseBuckets({ from: NOV_1, to: NOV_2, tz: NEW_YORK }, { maxBuckets: 6 });
      expect(buckets.size).to.equal('4h');
      expect(buckets.boundaries).to.deep.equal([
        NOV_1, // 00:00 EDT
        utc(2026, 11, 1, 9), // 04:00 EST
        utc(2026, 11, 1, 13),
        utc(2026, 11, 1, 17),
        utc(2026, 11, 1, 21),
        utc(2026, 11, 2, 1), // 20:00 EST
      ]);
      expect(lengths(buckets.boundaries, NOV_2)).to.deep.equal([5, 4, 4, 4, 4, 4]);
    });

    it('makes 167 hourly buckets over a week holding spring-forward day', () => {
      const from = utc(2026, 3, 5, 5); // Thursday 00:00 EST
      const to = utc(2026, 3, 12, 4); // Thursday 00:00 EDT
      const hourly = chooseBuckets({ from, to, tz: NEW_YORK }, { granularity: 'hour' });
      expect(hourly.boundaries).to.deep.equal(evenly(from, HOUR, 167));
      const auto = chooseBuckets({ from, to, tz: NEW_YORK });
      expect(auto.size).to.equal('4h');
      expect(auto.boundaries).to.have.length(42);
    });
  });

  describe('at half- and quarter-hour offsets', () => {
    it('aligns Kolkata 4h buckets to local midnight (18:30Z)', () => {
      const from = utc(2026, 3, 9, 18, 30);
      const buckets = chooseBuckets(
        { from, to: from + DAY, tz: 'Asia/Kolkata' },
        { maxBuckets: 6 },
      );
      expect(buckets.boundaries).to.deep.equal(evenly(from, 4 * HOUR, 6));
    });

    it('aligns Kathmandu hours to :15 UTC after a partial first hour', () => {
      const from = utc(2026, 3, 10);
      const boundaries = hourBoundaries({ from, to: from + 3 * HOUR, tz: 'Asia/Kathmandu' });
      expect(boundaries).to.deep.equal([
        from,
        utc(2026, 3, 10, 0, 15),
        utc(2026, 3, 10, 1, 15),
        utc(2026, 3, 10, 2, 15),
      ]);
    });

    it('handles Lord Howe’s 30-minute fall-back: 24 hours, one of them 1.5 h long', () => {
      // 2026-04-05: 02:00 (+11) goes back to 01:30 (+10:30); the day is 24.5 hours.
      const from = utc(2026, 4, 4, 13);
      const to = utc(2026, 4, 5, 13, 30);
      const hours = hourBoundaries({ from, to, tz: LORD_HOWE });
      expect(hours).to.have.length(24);
      expect(lengths(hours, to).slice(0, 3)).to.deep.equal([1, 1.5, 1]);
      const halfHours = chooseBuckets({ from, to, tz: LORD_HOWE }, { maxBuckets: 49 });
      expect(halfHours.size).to.equal('30m');
      expect(halfHours.boundaries).to.deep.equal(evenly(from, 30 * MINUTE, 49));
    });

    it('handles Lord Howe’s 30-minute spring-forward: 23 hours, one of them 1.5 h long', () => {
      // 2026-10-04: 02:00 (+10:30) jumps to 02:30 (+11); the day is 23.5 hours.
      const from = utc(2026, 10, 3, 13, 30);
      const to = utc(2026, 10, 4, 13);
      const hours = hourBoundaries({ from, to, tz: LORD_HOWE });
      expect(hours).to.have.length(23);
      expect(lengths(hours, to).slice(0, 3)).to.deep.equal([1, 1.5, 1]);
      expect(
        chooseBuckets({ from, to, tz: LORD_HOWE }, { maxBuckets: 47 }).boundaries,
      ).to.deep.equal(evenly(from, 30 * MINUTE, 47));
    });
  });

  it('refuses bad options and ranges, naming the field', () => {
    const range = { from: utc(2026, 1, 1), to: utc(2026, 1, 2), tz: 'UTC' };
    const fieldOf = (action: () => unknown): string | undefined => caught(action).field;
    expect(fieldOf(() => chooseBuckets(range, { granularity: 'minute' as 'hour' }))).to.equal(
      'granularity',
    );
    expect(fieldOf(() => chooseBuckets(range, { maxBuckets: 0 }))).to.equal('maxBuckets');
    expect(fieldOf(() => chooseBuckets(range, { weekStartsOn: 8 }))).to.equal('weekStartsOn');
    expect(fieldOf(() => chooseBuckets({ ...range, tz: 'Mars/Base' }))).to.equal('tz');
    expect(fieldOf(() => chooseBuckets({ ...range, from: Number.NaN }))).to.equal('range.from');
    expect(fieldOf(() => chooseBuckets({ ...range, from: range.to + 1 }))).to.equal('range.from');
  });
});

describe('dayBoundaries', () => {
  it('starts at range.from, then every local midnight before range.to', () => {
    const from = utc(2026, 3, 7, 15); // 10:00 EST
    expect(dayBoundaries({ from, to: utc(2026, 3, 10, 4), tz: NEW_YORK })).to.deep.equal([
      from,
      MAR_8,
      MAR_9,
    ]);
  });

  it('spaces London days 23 and 25 hours apart around its transitions', () => {
    const spring = dayBoundaries({
      from: utc(2026, 3, 28),
      to: utc(2026, 3, 31),
      tz: 'Europe/London',
    });
    expect(spring).to.deep.equal([
      utc(2026, 3, 28),
      utc(2026, 3, 29),
      utc(2026, 3, 29, 23),
      utc(2026, 3, 30, 23),
    ]);
    const autumn = dayBoundaries({
      from: utc(2026, 10, 24, 23),
      to: utc(2026, 10, 27),
      tz: 'Europe/London',
    });
    expect(autumn).to.deep.equal([utc(2026, 10, 24, 23), utc(2026, 10, 26)]);
  });

  it('finds Kathmandu and Lord Howe midnights', () => {
    expect(
      dayBoundaries({ from: utc(2026, 3, 9, 18, 15), to: utc(2026, 3, 12), tz: 'Asia/Kathmandu' }),
    ).to.deep.equal([utc(2026, 3, 9, 18, 15), utc(2026, 3, 10, 18, 15), utc(2026, 3, 11, 18, 15)]);
    expect(
      dayBoundaries({ from: utc(2026, 4, 4, 13), to: utc(2026, 4, 7), tz: LORD_HOWE }),
    ).to.deep.equal([utc(2026, 4, 4, 13), utc(2026, 4, 5, 13, 30), utc(2026, 4, 6, 13, 30)]);
  });

  it('is empty for an empty range', () => {
    expect(dayBoundaries({ from: MAR_8, to: MAR_8, tz: NEW_YORK })).to.deep.equal([]);
  });
});

describe('hourBoundaries', () => {
  it('covers 180 days in a DST zone with about one Intl call per day', () => {
    const range = { from: utc(2026, 1, 1, 5), to: utc(2026, 6, 30, 4), tz: NEW_YORK };
    const prototype = Intl.DateTimeFormat.prototype;
    const original = prototype.formatToParts;
    let calls = 0;
    prototype.formatToParts = function (this: Intl.DateTimeFormat, date?: number | Date) {
      calls += 1;
      return original.call(this, date);
    };
    let boundaries: number[];
    try {
      boundaries = hourBoundaries(range);
    } finally {
      prototype.formatToParts = original;
    }
    // 180 days of 24 hours, less the hour skipped on 2026-03-08.
    expect(boundaries).to.have.length(180 * 24 - 1);
    expect(calls).to.be.below(250);
  });
});

describe('bucket boundaries around transitions', () => {
  /** The boundaries a minute-by-minute scan of the local clock finds. */
  function scanned(from: number, to: number, tz: string, stepMinutes: number): number[] {
    const found = [from];
    let day = localParts(from, tz).day;
    for (let time = Math.floor(from / MINUTE) * MINUTE + MINUTE; time < to; time += MINUTE) {
      const parts = localParts(time, tz);
      const newDay = parts.day !== day;
      day = parts.day;
      if (newDay || (parts.hour * 60 + parts.minute) % stepMinutes === 0) found.push(time);
    }
    return found;
  }

  const cases: [string, number][] = [
    ['America/New_York', utc(2026, 11, 1, 4)],
    ['Australia/Lord_Howe', utc(2026, 10, 3, 13, 30)],
    ['America/Santiago', utc(2026, 9, 5, 4)], // midnight skipped on 2026-09-06
    ['Pacific/Chatham', utc(2026, 4, 4, 10, 15)], // +13:45 → +12:45 at 03:45
  ];
  for (const [tz, start] of cases) {
    it(`matches a scan of the local clock in ${tz}`, () => {
      const from = start + 7 * MINUTE;
      const to = start + 2 * DAY;
      for (const [granularity, step] of [
        ['hour', 60],
        ['day', 24 * 60],
      ] as const) {
        expect(chooseBuckets({ from, to, tz }, { granularity }).boundaries).to.deep.equal(
          scanned(from, to, tz, step),
        );
      }
      const quarterHours = chooseBuckets({ from, to, tz }, { maxBuckets: 200 });
      expect(quarterHours.size).to.equal('15m');
      expect(quarterHours.boundaries).to.deep.equal(scanned(from, to, tz, 15));
    });
  }
});
