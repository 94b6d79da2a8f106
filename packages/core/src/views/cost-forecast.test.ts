import { expect } from 'chai';
import { makeEvent } from '../__test-support__/make-event.js';
import { ColumnarEngine } from '../engine/columnar-engine.js';
import type { StoredEvent } from '../event.js';
import { costForecast } from './cost-forecast.js';
import type { ViewContext } from './types.js';

// Sunday 2026-03-15, noon UTC.
const NOW = Date.UTC(2026, 2, 15, 12);

function contextOf(events: StoredEvent[]): ViewContext {
  const engine = new ColumnarEngine();
  engine.append(events);
  return { engine, now: NOW };
}

function cost(day: number, hour: number, usd: number, overrides: Partial<StoredEvent> = {}) {
  return makeEvent({
    timestamp: Date.UTC(2026, 2, day, hour),
    costNanos: usd * 1e9,
    pricing: 'catalog',
    ...overrides,
  });
}

describe('costForecast', () => {
  it("projects the month's spend from the last 7 days and compares with the week before", async () => {
    const events = [
      cost(3, 9, 40), // previous week
      cost(9, 9, 50), // this week
      cost(15, 10, 20), // today
      cost(15, 11, 0, { pricing: 'unpriced' }),
      cost(15, 13, 1000), // after now
    ];
    const forecast = await costForecast(contextOf(events));
    expect(forecast.range.preset).to.equal('this-month');
    expect(forecast.weekUsd).to.equal(70);
    expect(forecast.previousWeekUsd).to.equal(40);
    expect(forecast.weekOverWeek).to.equal(0.75);
    expect(forecast.monthToDateUsd).to.equal(110);
    expect(forecast.dailyAverageUsd).to.equal(10);
    // 16 days are left after today: 110 + 10 × 16.
    expect(forecast.projectedMonthUsd).to.equal(270);
    expect(forecast.unpricedEvents).to.equal(1);
  });

  it('ignores any credit budget in the settings', async () => {
    const engine = new ColumnarEngine();
    engine.append([cost(9, 9, 7)]);
    const forecast = await costForecast({
      engine,
      now: NOW,
      settings: { budget: { measure: 'credits', limit: 1, period: 'week' } },
    });
    expect(forecast.monthToDateUsd).to.equal(7);
    expect(forecast.projectedMonthUsd).to.equal(7 + 16);
  });
});
