import { expect } from 'chai';
import { calendarPeriod } from './calendar-period.js';

describe('calendarPeriod', () => {
  it('gives the local calendar month containing the instant', () => {
    expect(calendarPeriod(Date.UTC(2026, 2, 15, 12), 'UTC', 'month')).to.deep.equal({
      from: Date.UTC(2026, 2, 1),
      to: Date.UTC(2026, 3, 1),
    });
    expect(calendarPeriod(Date.UTC(2026, 11, 31, 23), 'UTC', 'month')).to.deep.equal({
      from: Date.UTC(2026, 11, 1),
      to: Date.UTC(2027, 0, 1),
    });
  });

  it('uses the local month, which may differ from the UTC one', () => {
    // 1 April 02:00 UTC is still 31 March in New York (EDT, UTC−4).
    expect(calendarPeriod(Date.UTC(2026, 3, 1, 2), 'America/New_York', 'month')).to.deep.equal({
      from: Date.UTC(2026, 2, 1, 5),
      to: Date.UTC(2026, 3, 1, 4),
    });
  });

  it('gives the local week, starting on the given weekday', () => {
    // Sunday 2026-03-15.
    const sunday = Date.UTC(2026, 2, 15, 12);
    expect(calendarPeriod(sunday, 'UTC', 'week')).to.deep.equal({
      from: Date.UTC(2026, 2, 9),
      to: Date.UTC(2026, 2, 16),
    });
    expect(calendarPeriod(sunday, 'UTC', 'week', 7)).to.deep.equal({
      from: Date.UTC(2026, 2, 15),
      to: Date.UTC(2026, 2, 22),
    });
  });

  it('spans a DST change with a 167-hour week', () => {
    // The week of Monday 2026-03-02 in New York ends after the 8 March spring-forward.
    const period = calendarPeriod(Date.UTC(2026, 2, 4, 12), 'America/New_York', 'week');
    expect(period).to.deep.equal({ from: Date.UTC(2026, 2, 2, 5), to: Date.UTC(2026, 2, 9, 4) });
    expect((period.to - period.from) / 3_600_000).to.equal(167);
  });
});
