import { expect } from 'chai';
import { parseTimestamp } from './parse-timestamp.js';

function msOf(value: unknown): number {
  const result = parseTimestamp(value);
  if (!result.ok) throw new Error(`expected a timestamp, got: ${result.reason}`);
  return result.ms;
}

function reasonOf(value: unknown): string {
  const result = parseTimestamp(value);
  if (result.ok) throw new Error(`expected a refusal, got ${result.ms}`);
  return result.reason;
}

describe('parseTimestamp', () => {
  it('reads UTC date-times with Z', () => {
    expect(msOf('2026-01-15T09:30:00Z')).to.equal(Date.UTC(2026, 0, 15, 9, 30));
    expect(msOf('2026-01-15T09:30Z')).to.equal(Date.UTC(2026, 0, 15, 9, 30));
    expect(msOf('2026-01-15t09:30:00z')).to.equal(Date.UTC(2026, 0, 15, 9, 30));
    expect(msOf('2026-01-15 09:30:00Z')).to.equal(Date.UTC(2026, 0, 15, 9, 30));
  });

  it('applies the UTC offset', () => {
    expect(msOf('2026-01-15T10:30:00+01:00')).to.equal(Date.UTC(2026, 0, 15, 9, 30));
    expect(msOf('2026-01-15T04:00:00-05:30')).to.equal(Date.UTC(2026, 0, 15, 9, 30));
    expect(msOf('2026-01-15T10:30:00+0100')).to.equal(Date.UTC(2026, 0, 15, 9, 30));
    expect(msOf('2026-01-15T10:30:00+01')).to.equal(Date.UTC(2026, 0, 15, 9, 30));
    expect(msOf('2026-01-01T00:30:00+01:00')).to.equal(Date.UTC(2025, 11, 31, 23, 30));
  });

  it('keeps milliseconds and truncates finer fractions', () => {
    expect(msOf('2026-01-15T09:30:00.5Z')).to.equal(Date.UTC(2026, 0, 15, 9, 30, 0, 500));
    expect(msOf('2026-01-15T09:30:00.123Z')).to.equal(Date.UTC(2026, 0, 15, 9, 30, 0, 123));
    expect(msOf('2026-01-15T09:30:00.123999Z')).to.equal(Date.UTC(2026, 0, 15, 9, 30, 0, 123));
    expect(msOf('2026-01-15T09:30:00,25Z')).to.equal(Date.UTC(2026, 0, 15, 9, 30, 0, 250));
  });

  it('accepts 29 February in leap years only', () => {
    expect(msOf('2024-02-29T00:00:00Z')).to.equal(Date.UTC(2024, 1, 29));
    expect(msOf('2000-02-29T00:00:00Z')).to.equal(Date.UTC(2000, 1, 29));
    expect(reasonOf('2026-02-29T00:00:00Z')).to.match(/^is not a calendar date/);
    expect(reasonOf('1900-02-29T00:00:00Z')).to.match(/^is not a calendar date/);
  });

  it('reads epoch milliseconds, dropping a fraction', () => {
    expect(msOf(0)).to.equal(0);
    expect(msOf(1_768_469_400_000)).to.equal(1_768_469_400_000);
    expect(msOf(1_768_469_400_000.9)).to.equal(1_768_469_400_000);
  });

  it('refuses a date-time without a time zone, saying why', () => {
    expect(reasonOf('2026-01-15T09:30:00')).to.equal(
      'has no time zone, so the instant is ambiguous: add Z or an offset like +01:00, got "2026-01-15T09:30:00"',
    );
  });

  it('refuses a date without a time of day', () => {
    expect(reasonOf('2026-01-15')).to.match(/^must include a time of day and a time zone/);
  });

  it('refuses impossible dates and times', () => {
    expect(reasonOf('2026-13-01T00:00:00Z')).to.match(/^is not a calendar date/);
    expect(reasonOf('2026-04-31T00:00:00Z')).to.match(/^is not a calendar date/);
    expect(reasonOf('2026-01-00T00:00:00Z')).to.match(/^is not a calendar date/);
    expect(reasonOf('2026-01-15T24:00:00Z')).to.match(/^is not a valid time of day/);
    expect(reasonOf('2026-01-15T09:60:00Z')).to.match(/^is not a valid time of day/);
    expect(reasonOf('2026-01-15T09:30:60Z')).to.match(/^is not a valid time of day/);
    expect(reasonOf('2026-01-15T09:30:00+24:00')).to.match(/^has an invalid UTC offset/);
    expect(reasonOf('2026-01-15T09:30:00+01:60')).to.match(/^has an invalid UTC offset/);
  });

  it('refuses garbage and other formats', () => {
    for (const text of [
      '',
      'yesterday',
      '15/01/2026 09:30',
      '20260115T093000Z',
      'Thu, 15 Jan 2026',
    ]) {
      expect(reasonOf(text)).to.match(/^must be an ISO-8601 date-time like/);
    }
    expect(reasonOf('1768469400000')).to.match(/^must be an ISO-8601 date-time like/);
  });

  it('refuses instants before 1970', () => {
    expect(reasonOf('1969-12-31T23:59:59Z')).to.match(/^must not be before 1970-01-01T00:00:00Z/);
    expect(reasonOf('1970-01-01T00:30:00+01:00')).to.match(/^must not be before 1970/);
    expect(reasonOf('0050-01-01T00:00:00Z')).to.match(/^must not be before 1970/);
    expect(reasonOf(-1)).to.equal('must not be before 1970-01-01T00:00:00Z, got -1');
  });

  it('refuses non-finite and out-of-range numbers', () => {
    expect(reasonOf(Number.NaN)).to.equal('must be a finite number of epoch milliseconds, got NaN');
    expect(reasonOf(Infinity)).to.equal(
      'must be a finite number of epoch milliseconds, got Infinity',
    );
    expect(reasonOf(8.64e15 + 1)).to.match(/^must be at most 8640000000000000/);
  });

  it('refuses other types', () => {
    expect(reasonOf(true)).to.equal(
      'must be an ISO-8601 date-time string or epoch milliseconds, got true',
    );
    expect(reasonOf(null)).to.match(/got null$/);
    expect(reasonOf({})).to.match(/got an object$/);
  });

  it('refuses a huge string without scanning it', () => {
    expect(reasonOf(`2026-01-15T09:30:00Z${' '.repeat(10_000_000)}`)).to.equal(
      'is too long for a timestamp (10000020 characters)',
    );
  });
});
