import { expect } from 'chai';
import { makeEvent } from '../__test-support__/make-event.js';
import { ColumnarEngine } from '../engine/columnar-engine.js';
import type { StoredEvent } from '../event.js';
import type { TenantSettings } from '../settings.js';
import { patterns } from './patterns.js';
import type { ViewContext } from './types.js';

// 2026-01-05 is a Monday.
const RANGE = { from: Date.UTC(2026, 0, 5), to: Date.UTC(2026, 0, 19), tz: 'UTC' };

function contextOf(events: StoredEvent[], settings?: TenantSettings): ViewContext {
  const engine = new ColumnarEngine();
  engine.append(events);
  return { engine, now: Date.UTC(2026, 1, 1), settings };
}

function at(day: number, hour: number, minute: number, overrides: Partial<StoredEvent> = {}) {
  return makeEvent({ timestamp: Date.UTC(2026, 0, day, hour, minute), ...overrides });
}

const EVENTS = [
  at(5, 10, 0, { latencyMs: 100 }), // Mon, peak
  at(5, 10, 20, { latencyMs: 300, credits: 2 }), // Mon, peak
  at(6, 10, 30, { latencyMs: 200 }), // Tue, peak
  at(6, 10, 31, { latencyMs: 200 }),
  at(6, 10, 32, { latencyMs: 200 }),
  at(6, 20, 0, { latencyMs: 1000 }), // Tue, off-peak
  at(10, 10, 0, { latencyMs: 50 }), // Sat, weekend
  at(13, 8, 59), // Tue, off-peak, no latency
  at(13, 9, 0, { latencyMs: 400 }), // Tue, first peak minute
  at(16, 17, 59, { latencyMs: 700 }), // Fri, last peak minute
  at(16, 18, 0, { latencyMs: 600 }), // Fri, off-peak
  makeEvent({ timestamp: Date.UTC(2026, 0, 19), latencyMs: 99_999 }), // outside the range
];

describe('patterns', () => {
  it('finds the peak day and hour and counts events by weekday and hour', async () => {
    const result = await patterns(contextOf(EVENTS), { range: RANGE });
    expect(result.range.from).to.equal(RANGE.from);
    expect(result.peakDay).to.deep.equal({ date: '2026-01-06', events: 4, credits: 4 });
    expect(result.peakHour).to.deep.equal({ hour: 10, events: 6, credits: 7 });
    expect(result.byWeekday.map((day) => day.events)).to.deep.equal([2, 6, 0, 0, 2, 1, 0]);
    expect(result.byWeekday[0]).to.deep.equal({ weekday: 1, events: 2, credits: 3 });
    const busyHours = result.byHour.filter((hour) => hour.events > 0);
    expect(busyHours.map((hour) => [hour.hour, hour.events])).to.deep.equal([
      [8, 1],
      [9, 1],
      [10, 6],
      [17, 1],
      [18, 1],
      [20, 1],
    ]);
    expect(result.byHour).to.have.length(24);
  });

  it('ranks the weekdays with events, Monday first among equals', async () => {
    const result = await patterns(contextOf(EVENTS), { range: RANGE });
    // Tue 6; Mon 2 and Fri 2; Sat 1.
    expect(result.mostActiveWeekdays).to.deep.equal([2, 1, 5, 6]);
  });

  it('averages latency over peak weekday hours, other weekday hours and weekends', async () => {
    const result = await patterns(contextOf(EVENTS), { range: RANGE });
    // Peak (Mon–Fri 09:00–17:59): 100 + 300 + 200·3 + 400 + 700 = 2100 over 7 events.
    expect(result.latency.peak).to.deep.equal({
      events: 7,
      latencyEvents: 7,
      averageLatencyMs: 300,
    });
    // Off-peak: 1000 and 600; the 08:59 event has no latency.
    expect(result.latency.offPeak).to.deep.equal({
      events: 3,
      latencyEvents: 2,
      averageLatencyMs: 800,
    });
    expect(result.latency.weekend).to.deep.equal({
      events: 1,
      latencyEvents: 1,
      averageLatencyMs: 50,
    });
  });

  it('averages latency per local hour of day, over every day of the range', async () => {
    const result = await patterns(contextOf(EVENTS), { range: RANGE });
    expect(result.latencyByHour).to.have.length(24);
    const timed = result.latencyByHour.filter((hour) => hour.latencyEvents > 0);
    expect(timed).to.deep.equal([
      // 09:00 Tue 13th: 400.
      { hour: 9, latencyEvents: 1, averageLatencyMs: 400 },
      // 10:xx: 100 + 300 (Mon) + 200·3 (Tue) + 50 (Sat) = 1050 over 6 events = 175.
      { hour: 10, latencyEvents: 6, averageLatencyMs: 175 },
      { hour: 17, latencyEvents: 1, averageLatencyMs: 700 },
      { hour: 18, latencyEvents: 1, averageLatencyMs: 600 },
      { hour: 20, latencyEvents: 1, averageLatencyMs: 1000 },
    ]);
    // 08:59 has an event but no latency: no mean, not zero.
    expect(result.latencyByHour[8]).to.deep.equal({
      hour: 8,
      latencyEvents: 0,
      averageLatencyMs: null,
    });
  });

  it('narrows the hourly latency with the filters', async () => {
    const events = [
      at(5, 10, 0, { latencyMs: 100, agent: 'a' }),
      at(6, 10, 0, { latencyMs: 900, agent: 'b' }),
      at(7, 10, 0, { latencyMs: 500, agent: 'a' }),
    ];
    const all = await patterns(contextOf(events), { range: RANGE });
    // (100 + 900 + 500) / 3 = 500.
    expect(all.latencyByHour[10].averageLatencyMs).to.equal(500);
    const agentA = await patterns(contextOf(events), { range: RANGE, filters: { agent: 'a' } });
    // (100 + 500) / 2 = 300.
    expect(agentA.latencyByHour[10]).to.deep.equal({
      hour: 10,
      latencyEvents: 2,
      averageLatencyMs: 300,
    });
  });

  it('totals each calendar week, starting weeks on the configured day', async () => {
    const monday = await patterns(contextOf(EVENTS), { range: RANGE });
    expect(monday.weeks).to.deep.equal([
      { start: Date.UTC(2026, 0, 5), events: 7, credits: 8 },
      { start: Date.UTC(2026, 0, 12), events: 4, credits: 4 },
    ]);
    const sunday = await patterns(contextOf(EVENTS, { weekStartsOn: 7 }), { range: RANGE });
    expect(sunday.weeks).to.deep.equal([
      { start: Date.UTC(2026, 0, 4), events: 7, credits: 8 },
      { start: Date.UTC(2026, 0, 11), events: 4, credits: 4 },
      { start: Date.UTC(2026, 0, 18), events: 0, credits: 0 },
    ]);
  });

  it('reports nothing to rank over a range without events', async () => {
    const result = await patterns(contextOf([]), { range: RANGE });
    expect(result.peakDay).to.equal(null);
    expect(result.peakHour).to.equal(null);
    expect(result.mostActiveWeekdays).to.deep.equal([]);
    expect(result.byWeekday.every((day) => day.events === 0)).to.equal(true);
    expect(result.latency.peak.averageLatencyMs).to.equal(null);
    expect(result.latencyByHour.every((hour) => hour.averageLatencyMs === null)).to.equal(true);
    expect(result.weeks.map((week) => week.events)).to.deep.equal([0, 0]);
  });

  it('reads local hours across the spring-forward day', async () => {
    const tz = 'America/New_York';
    // 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT; the local day lasts 23 hours.
    const range = { from: Date.UTC(2026, 2, 8, 5), to: Date.UTC(2026, 2, 9, 4), tz };
    const events = [
      makeEvent({ timestamp: Date.UTC(2026, 2, 8, 6, 30) }), // 01:30 EST
      makeEvent({ timestamp: Date.UTC(2026, 2, 8, 7, 30) }), // 03:30 EDT
      makeEvent({ timestamp: Date.UTC(2026, 2, 9, 3, 59) }), // 23:59 EDT
    ];
    const result = await patterns(contextOf(events), { range });
    const busyHours = result.byHour.filter((hour) => hour.events > 0).map((hour) => hour.hour);
    expect(busyHours).to.deep.equal([1, 3, 23]);
    expect(result.byWeekday[6].events).to.equal(3);
    expect(result.peakDay?.date).to.equal('2026-03-08');
  });

  it('counts both 01:00 hours of the fall-back day as hour 1', async () => {
    const tz = 'America/New_York';
    // 2026-11-01: 01:00–02:00 happens twice, first in EDT, then in EST.
    const range = { from: Date.UTC(2026, 10, 1, 4), to: Date.UTC(2026, 10, 2, 5), tz };
    const events = [
      makeEvent({ timestamp: Date.UTC(2026, 10, 1, 5, 30) }), // 01:30 EDT
      makeEvent({ timestamp: Date.UTC(2026, 10, 1, 6, 30) }), // 01:30 EST
    ];
    const result = await patterns(contextOf(events), { range });
    expect(result.byHour[1].events).to.equal(2);
    expect(result.peakHour).to.deep.equal({ hour: 1, events: 2, credits: 2 });
  });
});
