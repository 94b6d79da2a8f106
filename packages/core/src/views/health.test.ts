import { expect } from 'chai';
import { makeEvent } from '../__test-support__/make-event.js';
import { ColumnarEngine } from '../engine/columnar-engine.js';
import { TallyError } from '../errors.js';
import type { StoredEvent } from '../event.js';
import { health } from './health.js';
import type { ViewContext } from './types.js';

const SECOND = 1000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Half a minute into 12:00 UTC.
const NOW = Date.UTC(2026, 0, 15, 12, 0, 30);
const RANGE = { from: Date.UTC(2026, 0, 15), to: Date.UTC(2026, 0, 16), tz: 'UTC' };

function contextOf(events: StoredEvent[]): ViewContext {
  const engine = new ColumnarEngine();
  engine.append(events);
  return { engine, now: NOW };
}

function ok(timestamp: number, overrides: Partial<StoredEvent> = {}) {
  return makeEvent({ timestamp, status: 'ok', ...overrides });
}

function failed(timestamp: number) {
  return makeEvent({ timestamp, status: 'error' });
}

/** The start of the UTC minute `hour:minute` on 2026-01-`day`. */
function minute(day: number, hour: number, minuteOfHour: number) {
  return Date.UTC(2026, 0, day, hour, minuteOfHour);
}

describe('health', () => {
  it('gives error rates over the windows ending now, each half-open', async () => {
    const events = [
      failed(NOW - MINUTE),
      ok(NOW - MINUTE),
      ok(NOW - 5 * MINUTE), // the first instant of the 5-minute window
      failed(NOW - 5 * MINUTE - 1), // just outside it
      ok(NOW - 30 * MINUTE),
      failed(NOW - 3 * HOUR),
      ok(NOW - 2 * DAY),
      ok(NOW - 2 * DAY),
      makeEvent({ timestamp: NOW - 2 * DAY }), // no status: a request, but not in the rate
      failed(NOW - 8 * DAY), // older than every window
      failed(NOW), // not before now
    ];
    const result = await health(contextOf(events), { range: RANGE });
    const { errorRate } = result;
    expect(errorRate.now).to.deep.equal({
      from: NOW - 5 * MINUTE,
      to: NOW,
      requests: 3,
      ok: 2,
      errors: 1,
      errorRate: 1 / 3,
      status: 'bad',
    });
    expect([errorRate.lastHour.ok, errorRate.lastHour.errors]).to.deep.equal([3, 2]);
    expect(errorRate.lastHour.errorRate).to.equal(0.4);
    expect(errorRate.last24Hours.errorRate).to.equal(0.5);
    expect(errorRate.last7Days).to.deep.equal({
      from: NOW - 7 * DAY,
      to: NOW,
      requests: 9,
      ok: 5,
      errors: 3,
      errorRate: 3 / 8,
      status: 'bad',
    });
  });

  it('gives no error rate, only load, without statuses', async () => {
    const result = await health(contextOf([makeEvent({ timestamp: NOW - MINUTE })]), {
      range: RANGE,
    });
    expect(result.errorRate.now.errorRate).to.equal(null);
    expect(result.errorRate.now.status).to.equal(null);
    expect(result.load.requestsPerMinute).to.equal(0.2);
  });

  it("measures the load over the last 5 minutes and today's busiest minute", async () => {
    const events = [
      ok(NOW - MINUTE),
      ok(NOW - MINUTE),
      ok(NOW - 5 * MINUTE), // 11:55:30
      ok(NOW - 5 * MINUTE - 1), // 11:55:29.999: same minute, outside the load window
      ok(NOW - 3 * HOUR),
      ok(minute(14, 23, 59)), // yesterday's busiest minute
      ok(minute(14, 23, 59)),
      ok(minute(14, 23, 59)),
    ];
    const result = await health(contextOf(events), { range: RANGE });
    expect(result.load.requestsPerMinute).to.equal(3 / 5);
    // 11:55 and 11:59 both had 2 requests: the earlier minute is the peak.
    expect(result.load.peakToday).to.deep.equal({ requestsPerMinute: 2, at: minute(15, 11, 55) });
  });

  it("takes today's peak in the range's time zone", async () => {
    // In New York it is 07:00:30 on the 15th; the local day began at 05:00 UTC.
    const events = [ok(minute(15, 4, 59)), ok(minute(15, 4, 59)), ok(minute(15, 5, 0))];
    const result = await health(contextOf(events), {
      range: { ...RANGE, tz: 'America/New_York' },
    });
    expect(result.load.peakToday).to.deep.equal({ requestsPerMinute: 1, at: minute(15, 5, 0) });
  });

  it('counts minutes in which every request failed, and their runs as incidents', async () => {
    const events = [
      // 11:50 and 11:51 fail entirely: one 2-minute incident.
      failed(minute(15, 11, 50)),
      failed(minute(15, 11, 50) + 10 * SECOND),
      failed(minute(15, 11, 51)),
      // 11:52 is mixed, so it is up.
      failed(minute(15, 11, 52)),
      ok(minute(15, 11, 52)),
      // 11:53 fails; 11:54 is quiet, which ends the run; 11:55 fails.
      failed(minute(15, 11, 53)),
      failed(minute(15, 11, 55)),
      // The current minute fails: an ongoing incident.
      failed(minute(15, 12, 0)),
      // The 24-hour window's first minute is 12:01 yesterday; 12:00 yesterday is only in 7 days.
      ok(minute(14, 12, 1)),
      failed(minute(14, 12, 0) + 30 * SECOND),
      // Four healthy minutes three days ago.
      ...[0, 1, 2, 3].map((offset) => ok(minute(12, 9, offset))),
      // One failed minute twenty days ago, and one before the 30-day window.
      failed(NOW - 20 * DAY),
      failed(NOW - 31 * DAY),
    ];
    const result = await health(contextOf(events), { range: RANGE });
    const day = result.uptime.last24Hours;
    expect(day.from).to.equal(minute(14, 12, 1));
    expect(day.to).to.equal(NOW);
    expect(day.minutes).to.equal(7);
    expect(day.failedMinutes).to.equal(5);
    expect(day.uptime).to.equal(2 / 7);
    expect(day.status).to.equal('bad');
    expect(day.incidents).to.deep.equal([
      { start: minute(15, 11, 50), end: minute(15, 11, 52), minutes: 2, errors: 3, ongoing: false },
      { start: minute(15, 11, 53), end: minute(15, 11, 54), minutes: 1, errors: 1, ongoing: false },
      { start: minute(15, 11, 55), end: minute(15, 11, 56), minutes: 1, errors: 1, ongoing: false },
      { start: minute(15, 12, 0), end: minute(15, 12, 1), minutes: 1, errors: 1, ongoing: true },
    ]);
    const week = result.uptime.last7Days;
    expect([week.minutes, week.failedMinutes, week.uptime]).to.deep.equal([12, 6, 0.5]);
    expect(week.incidents[0]).to.deep.equal({
      start: minute(14, 12, 0),
      end: minute(14, 12, 1),
      minutes: 1,
      errors: 1,
      ongoing: false,
    });
    const month = result.uptime.last30Days;
    expect([month.minutes, month.failedMinutes]).to.deep.equal([13, 7]);
    expect(month.uptime).to.equal(6 / 13);
    expect(month.incidents).to.have.length(6);
  });

  it('reports no uptime without requests', async () => {
    const result = await health(contextOf([]), { range: RANGE });
    expect(result.uptime.last30Days.uptime).to.equal(null);
    expect(result.uptime.last30Days.status).to.equal(null);
    expect(result.uptime.last30Days.incidents).to.deep.equal([]);
    expect(result.load).to.deep.equal({ requestsPerMinute: 0, peakToday: null });
  });

  it('gives latency percentiles over the range with a marker on p95', async () => {
    const events = [100, 200, 300, 400, 500].map((latencyMs) =>
      ok(Date.UTC(2026, 0, 15, 3), { latencyMs }),
    );
    events.push(ok(Date.UTC(2026, 0, 14, 23), { latencyMs: 10_000 })); // before the range
    const result = await health(contextOf(events), { range: RANGE });
    // quantile_cont over 5 values: q·4 → p50 = 300, p95 = 400 + 0.8·100, p99 = 400 + 0.96·100.
    expect(result.latency).to.deep.equal({
      samples: 5,
      averageMs: 300,
      p50Ms: 300,
      p95Ms: 400 + 0.8 * 100,
      p99Ms: 400 + 0.96 * 100,
      status: 'good',
    });
  });

  it('gives null percentiles when nothing reports a latency', async () => {
    const result = await health(contextOf([ok(Date.UTC(2026, 0, 15, 3))]), { range: RANGE });
    expect(result.latency).to.deep.equal({
      samples: 0,
      averageMs: null,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
      status: null,
    });
  });

  it('reads the latest and highest value of each gauge', async () => {
    const events = [
      makeEvent({ name: 'queue.depth', timestamp: Date.UTC(2026, 0, 15, 1), value: 3 }),
      makeEvent({ name: 'queue.depth', timestamp: Date.UTC(2026, 0, 15, 2), value: 7 }),
      makeEvent({ name: 'queue.depth', timestamp: Date.UTC(2026, 0, 15, 3), value: 2 }),
      makeEvent({ name: 'workers.busy', timestamp: Date.UTC(2026, 0, 15, 3), value: 40 }),
      makeEvent({ name: 'chat.message', timestamp: Date.UTC(2026, 0, 15, 4), value: 99 }),
    ];
    const byDefault = await health(contextOf(events), { range: RANGE });
    expect(byDefault.gauges).to.deep.equal([
      { name: 'queue.depth', latest: 2, max: 7, at: Date.UTC(2026, 0, 15, 3), readings: 3 },
    ]);
    const asked = await health(contextOf(events), {
      range: RANGE,
      gauges: ['workers.busy', 'disk.free'],
    });
    expect(asked.gauges).to.deep.equal([
      { name: 'workers.busy', latest: 40, max: 40, at: Date.UTC(2026, 0, 15, 3), readings: 1 },
      { name: 'disk.free', latest: null, max: null, at: null, readings: 0 },
    ]);
  });

  it('keeps the caller filters when reading gauges', async () => {
    const events = [
      makeEvent({
        name: 'queue.depth',
        timestamp: Date.UTC(2026, 0, 15, 1),
        value: 3,
        source: 'a',
      }),
      makeEvent({
        name: 'queue.depth',
        timestamp: Date.UTC(2026, 0, 15, 2),
        value: 9,
        source: 'b',
      }),
    ];
    const result = await health(contextOf(events), { range: RANGE, filters: { source: 'a' } });
    expect(result.gauges[0].max).to.equal(3);
  });

  it('rejects gauges that are not event names', async () => {
    const error = await health(contextOf([]), {
      range: RANGE,
      gauges: ['queue.depth', ''],
    }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(TallyError.isInstance(error)).to.equal(true);
    expect((error as TallyError).field).to.equal('gauges[1]');
  });
});
