import { expect } from 'chai';
import { TallyError } from '../errors.js';
import { dauWindows } from './calendar-windows.js';

/** Epoch ms of a UTC reading, month 1–12. */
const utc = (year: number, month: number, day: number, hour = 0, minute = 0): number =>
  Date.UTC(year, month - 1, day, hour, minute);

const NEW_YORK = 'America/New_York';

describe('dauWindows', () => {
  it('gives the 1, 7 and 30 local days ending with the range’s last day', () => {
    // 30d at 2026-03-11 in New York; the 7- and 30-day windows start in EST.
    const range = { from: utc(2026, 2, 10, 5), to: utc(2026, 3, 12, 4), tz: NEW_YORK };
    expect(dauWindows(range)).to.deep.equal({
      dau: { from: utc(2026, 3, 11, 4), to: utc(2026, 3, 12, 4) },
      wau: { from: utc(2026, 3, 5, 5), to: utc(2026, 3, 12, 4) },
      mau: { from: utc(2026, 2, 10, 5), to: utc(2026, 3, 12, 4) },
    });
  });

  it('takes whole days even when the range ends mid-day or is short', () => {
    const range = { from: utc(2026, 3, 11, 12), to: utc(2026, 3, 11, 15, 30), tz: NEW_YORK };
    expect(dauWindows(range)).to.deep.equal({
      dau: { from: utc(2026, 3, 11, 4), to: utc(2026, 3, 12, 4) },
      wau: { from: utc(2026, 3, 5, 5), to: utc(2026, 3, 12, 4) },
      mau: { from: utc(2026, 2, 10, 5), to: utc(2026, 3, 12, 4) },
    });
  });

  it('takes the day holding to − 1 ms when to is a midnight', () => {
    const range = { from: utc(2026, 3, 1, 5), to: utc(2026, 3, 11, 4), tz: NEW_YORK };
    expect(dauWindows(range)).to.deep.equal({
      dau: { from: utc(2026, 3, 10, 4), to: utc(2026, 3, 11, 4) },
      wau: { from: utc(2026, 3, 4, 5), to: utc(2026, 3, 11, 4) },
      mau: { from: utc(2026, 2, 9, 5), to: utc(2026, 3, 11, 4) },
    });
  });

  it('uses the zone given over the range’s own', () => {
    // 23:59:59.999Z on 2026-03-10 is already 05:44 on 2026-03-11 in Kathmandu.
    const range = { from: utc(2026, 3, 1), to: utc(2026, 3, 11), tz: 'UTC' };
    const { dau, wau } = dauWindows(range, 'Asia/Kathmandu');
    expect(dau).to.deep.equal({ from: utc(2026, 3, 10, 18, 15), to: utc(2026, 3, 11, 18, 15) });
    expect(wau.from).to.equal(utc(2026, 3, 4, 18, 15));
  });

  it('refuses a range without a zone, naming tz', () => {
    try {
      dauWindows({ from: 0, to: 1 });
      expect.fail('expected a TallyError');
    } catch (error) {
      expect(TallyError.isInstance(error) && error.field).to.equal('tz');
    }
  });
});
