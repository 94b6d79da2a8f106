import { expect } from 'chai';
import { parseEffectiveFrom } from './effective-from.js';

describe('parseEffectiveFrom', () => {
  it('reads a date as midnight UTC', () => {
    expect(parseEffectiveFrom('2024-10-01')).to.equal(Date.UTC(2024, 9, 1));
  });

  it('reads a date-time without an offset as UTC', () => {
    expect(parseEffectiveFrom('2024-10-01T12:30')).to.equal(Date.UTC(2024, 9, 1, 12, 30));
    expect(parseEffectiveFrom('2024-10-01T12:30:15.5')).to.equal(
      Date.UTC(2024, 9, 1, 12, 30, 15, 500),
    );
  });

  it('honours an explicit offset', () => {
    expect(parseEffectiveFrom('2024-10-01T02:00:00+02:00')).to.equal(Date.UTC(2024, 9, 1));
    expect(parseEffectiveFrom('2024-09-30T19:00:00-05:00')).to.equal(Date.UTC(2024, 9, 1));
    expect(parseEffectiveFrom('2024-10-01T00:00:00Z')).to.equal(Date.UTC(2024, 9, 1));
  });

  it('refuses dates that do not exist and other formats', () => {
    for (const value of [
      '2024-02-30',
      '2024-13-01',
      '2024-10-01T24:00',
      '2024-10-01T10:00+25:00',
      '0050-01-01',
      '2024/10/01',
      'October 1, 2024',
      '',
      1727740800000,
      undefined,
    ]) {
      expect(parseEffectiveFrom(value), String(value)).to.equal(undefined);
    }
  });
});
