import { expect } from 'chai';
import { makeEvent } from '../__test-support__/make-event.js';
import { ColumnarEngine } from '../engine/columnar-engine.js';
import { TallyError } from '../errors.js';
import type { StoredEvent } from '../event.js';
import type { TenantSettings } from '../settings.js';
import { budget } from './budget.js';
import type { ViewContext } from './types.js';

// Sunday 2026-03-15, noon UTC.
const NOW = Date.UTC(2026, 2, 15, 12);

function contextOf(events: StoredEvent[], settings?: TenantSettings, now = NOW): ViewContext {
  const engine = new ColumnarEngine();
  engine.append(events);
  return { engine, now, settings };
}

function spend(month: number, day: number, hour: number, credits: number, costNanos = 0) {
  return makeEvent({ timestamp: Date.UTC(2026, month, day, hour), credits, costNanos });
}

// The last 7 days are 9–15 March (to noon); the 7 before are 2–8 March up to noon.
const EVENTS = [
  spend(1, 28, 12, 10, 1e9), // February: before the period and both weeks
  spend(2, 2, 10, 20, 2e9), // previous week
  spend(2, 8, 11, 5, 0.5e9), // previous week, before noon
  spend(2, 8, 13, 5, 0.5e9), // after noon on the 8th: in neither week
  spend(2, 10, 9, 30, 3e9), // this week
  spend(2, 15, 11, 15, 1.5e9), // today, before now
  spend(2, 15, 13, 100, 10e9), // later today: not yet happened
];

function credits(limit: number, period: 'month' | 'week' = 'month'): TenantSettings {
  return { budget: { measure: 'credits', limit, period } };
}

describe('budget', () => {
  it('crosses the 75 % threshold when usage is exactly 75 % of the limit', async () => {
    const result = await budget(contextOf(EVENTS, credits(100)));
    expect(result.measure).to.equal('credits');
    expect(result.period).to.deep.equal({
      from: Date.UTC(2026, 2, 1),
      to: Date.UTC(2026, 3, 1),
      kind: 'month',
    });
    expect(result.used).to.equal(75);
    expect(result.limit).to.equal(100);
    expect(result.remaining).to.equal(25);
    expect(result.share).to.equal(0.75);
    expect(result.thresholds).to.deep.equal([
      { share: 0.75, amount: 75, crossed: true, crossedOn: '2026-03-15' },
      { share: 0.9, amount: 90, crossed: false, crossedOn: null },
      { share: 1, amount: 100, crossed: false, crossedOn: null },
    ]);
  });

  it('projects the period end from the last 7 days and flags a projected overrun', async () => {
    const result = await budget(contextOf(EVENTS, credits(100)));
    expect(result.lastSevenDays).to.equal(45);
    expect(result.dailyAverage).to.equal(45 / 7);
    // 16–31 March are left after today.
    expect(result.daysLeft).to.equal(16);
    expect(result.projected).to.equal(75 + (45 / 7) * 16);
    expect(result.projectedShare).to.equal((75 + (45 / 7) * 16) / 100);
    expect(result.status).to.equal('at-risk');
  });

  it('compares the last 7 days with the 7 before up to the same time of day', async () => {
    const result = await budget(contextOf(EVENTS, credits(100)));
    expect(result.previousSevenDays).to.equal(25);
    expect(result.weekOverWeek).to.equal((45 - 25) / 25);
  });

  it('lists each day of the period so far with running totals', async () => {
    const result = await budget(contextOf(EVENTS, credits(100)));
    expect(result.days).to.have.length(15);
    expect(result.days[0]).to.deep.equal({ date: '2026-03-01', used: 0, cumulative: 0 });
    expect(result.days[1]).to.deep.equal({ date: '2026-03-02', used: 20, cumulative: 20 });
    expect(result.days[7]).to.deep.equal({ date: '2026-03-08', used: 10, cumulative: 30 });
    expect(result.days[14]).to.deep.equal({ date: '2026-03-15', used: 15, cumulative: 75 });
  });

  it('is on track when neither the usage nor the projection comes near the limit', async () => {
    const result = await budget(contextOf(EVENTS, credits(1000)));
    expect(result.status).to.equal('on-track');
    expect(result.thresholds.some((threshold) => threshold.crossed)).to.equal(false);
  });

  it('is at risk from 90 % used even when the projection fits', async () => {
    // Only old usage: 90 credits on 2 March, nothing in the last 7 days.
    const result = await budget(contextOf([spend(2, 2, 10, 90)], credits(100)));
    expect(result.projected).to.equal(90);
    expect(result.status).to.equal('at-risk');
  });

  it('is over once usage reaches the limit, dating each threshold crossed', async () => {
    const result = await budget(contextOf(EVENTS, credits(75)));
    expect(result.status).to.equal('over');
    expect(result.remaining).to.equal(0);
    // 56.25 is reached on the 10th (60), 67.5 and 75 on the 15th.
    expect(result.thresholds.map((threshold) => threshold.crossedOn)).to.deep.equal([
      '2026-03-10',
      '2026-03-15',
      '2026-03-15',
    ]);
  });

  it('budgets over the calendar week containing now for a weekly budget', async () => {
    const result = await budget(contextOf(EVENTS, credits(100, 'week')));
    expect(result.period).to.deep.equal({
      from: Date.UTC(2026, 2, 9),
      to: Date.UTC(2026, 2, 16),
      kind: 'week',
    });
    expect(result.used).to.equal(45);
    expect(result.daysLeft).to.equal(0);
    expect(result.projected).to.equal(45);
  });

  it('measures cost in USD against a USD limit', async () => {
    const settings: TenantSettings = { budget: { measure: 'cost', limit: 10, period: 'month' } };
    const result = await budget(contextOf(EVENTS, settings));
    expect(result.measure).to.equal('cost');
    expect(result.used).to.equal(7.5);
    expect(result.share).to.equal(0.75);
    expect(result.lastSevenDays).to.equal(4.5);
    expect(result.thresholds[0]).to.deep.equal({
      share: 0.75,
      amount: 7.5,
      crossed: true,
      crossedOn: '2026-03-15',
    });
  });

  it('forecasts without a limit', async () => {
    const result = await budget(contextOf(EVENTS));
    expect(result.limit).to.equal(null);
    expect(result.remaining).to.equal(null);
    expect(result.share).to.equal(null);
    expect(result.status).to.equal(null);
    expect(result.thresholds).to.deep.equal([]);
    expect(result.used).to.equal(75);
  });

  it('ignores a limit set for the other measure', async () => {
    const settings: TenantSettings = { budget: { measure: 'cost', limit: 10, period: 'month' } };
    const result = await budget(contextOf(EVENTS, settings), { measure: 'credits' });
    expect(result.limit).to.equal(null);
    expect(result.used).to.equal(75);
  });

  it('takes an explicit range as the period', async () => {
    const result = await budget(contextOf(EVENTS, credits(100)), {
      range: { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 2, 11), tz: 'UTC' },
    });
    expect(result.period.kind).to.equal('custom');
    expect(result.used).to.equal(60);
    expect(result.daysLeft).to.equal(0);
    expect(result.projected).to.equal(60);
    expect(result.status).to.equal('on-track');
  });

  it('has no trend when the previous 7 days used nothing', async () => {
    const result = await budget(contextOf([spend(2, 14, 10, 3)], credits(100)));
    expect(result.previousSevenDays).to.equal(0);
    expect(result.weekOverWeek).to.equal(null);
  });

  it('follows local days across a DST change', async () => {
    // New York, 2026-03-15 08:00 EDT. The month began at 05:00 UTC (EST), ends at 04:00 UTC (EDT).
    const events = [
      makeEvent({ timestamp: Date.UTC(2026, 2, 1, 4, 59), credits: 7 }), // 28 Feb, 23:59 EST
      makeEvent({ timestamp: Date.UTC(2026, 2, 1, 5), credits: 3 }), // 1 March, 00:00 EST
      makeEvent({ timestamp: Date.UTC(2026, 2, 2, 10), credits: 2 }), // 2 March, 05:00 EST
      makeEvent({ timestamp: Date.UTC(2026, 2, 8, 12, 30), credits: 1 }), // 8 March, 08:30 EDT
      makeEvent({ timestamp: Date.UTC(2026, 2, 9, 3, 59), credits: 4 }), // 8 March, 23:59 EDT
    ];
    const result = await budget(contextOf(events, credits(100)), {
      range: { tz: 'America/New_York' },
    });
    expect(result.period).to.deep.equal({
      from: Date.UTC(2026, 2, 1, 5),
      to: Date.UTC(2026, 3, 1, 4),
      kind: 'month',
    });
    expect(result.used).to.equal(10);
    // The 23-hour 8 March holds both of its events.
    expect(result.days[7]).to.deep.equal({ date: '2026-03-08', used: 5, cumulative: 10 });
    // The previous 7 days run from 2 March 00:00 EST to 8 March 08:00 EDT (local time of now).
    expect(result.previousSevenDays).to.equal(2);
    expect(result.lastSevenDays).to.equal(0);
  });

  it('rejects a limit that is not a positive number', async () => {
    const error = await budget(contextOf([]), { limit: -5 }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(TallyError.isInstance(error)).to.equal(true);
    expect((error as TallyError).field).to.equal('limit');
  });
});
