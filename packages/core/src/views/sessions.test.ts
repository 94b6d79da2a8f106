import { expect } from 'chai';
import { makeEvent } from '../__test-support__/make-event.js';
import { ColumnarEngine } from '../engine/columnar-engine.js';
import { TallyError } from '../errors.js';
import type { StoredEvent } from '../event.js';
import { sessions } from './sessions.js';
import type { ViewContext } from './types.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 15, 12);
const RANGE = { from: Date.UTC(2026, 0, 15), to: Date.UTC(2026, 0, 16), tz: 'UTC' };

function contextOf(events: StoredEvent[]): ViewContext {
  const engine = new ColumnarEngine();
  engine.append(events);
  return { engine, now: Date.UTC(2026, 0, 20) };
}

function userEvents(userId: string, offsets: number[], overrides: Partial<StoredEvent> = {}) {
  return offsets.map((offset) => makeEvent({ userId, timestamp: T0 + offset, ...overrides }));
}

function counts(result: { sessions: number }[]): number[] {
  return result.map((bucket) => bucket.sessions);
}

describe('sessions', () => {
  it('reports no sessions, null averages and empty distributions for an empty range', async () => {
    const result = await sessions(contextOf([]), { range: RANGE });
    expect(result.range.from).to.equal(RANGE.from);
    expect(result.range.to).to.equal(RANGE.to);
    expect(result.sessions).to.equal(0);
    expect(result.events).to.equal(0);
    expect(result.averageDurationMs).to.equal(null);
    expect(result.eventsPerSession).to.equal(null);
    expect(counts(result.durationDistribution)).to.deep.equal([0, 0, 0, 0]);
    expect(result.durationDistribution.map((bucket) => bucket.share)).to.deep.equal([0, 0, 0, 0]);
    expect(counts(result.eventsDistribution)).to.deep.equal([0, 0, 0, 0]);
    expect(result.perUser).to.equal(undefined);
  });

  it('keeps a gap of exactly 30 minutes in the session and splits one a millisecond longer', async () => {
    const events = [
      // a: 12:00, 12:10, 12:40 (a 30-minute gap) form one 40-minute session; 13:10:00.001 is alone.
      ...userEvents('a', [0, 10 * MINUTE, 40 * MINUTE, 70 * MINUTE + 1]),
      // b: two events 30 s apart.
      ...userEvents('b', [0, 30_000]),
      // System events have no user and form no session.
      makeEvent({ timestamp: T0 }),
    ];
    const result = await sessions(contextOf(events), { range: RANGE });
    expect(result.gapMs).to.equal(30 * MINUTE);
    expect(result.sessions).to.equal(3);
    expect(result.events).to.equal(6);
    expect(result.users).to.equal(2);
    expect(result.totalDurationMs).to.equal(40 * MINUTE + 30_000);
    expect(result.averageDurationMs).to.equal((40 * MINUTE + 30_000) / 3);
    expect(result.eventsPerSession).to.equal(2);
    // 0 ms and 30 s are under a minute; 40 minutes is 10m+.
    expect(counts(result.durationDistribution)).to.deep.equal([2, 0, 0, 1]);
    expect(result.durationDistribution.map((bucket) => bucket.share)).to.deep.equal([
      2 / 3,
      0,
      0,
      1 / 3,
    ]);
    // 1 and 2 events are 1–2; 3 events are 3–5.
    expect(counts(result.eventsDistribution)).to.deep.equal([2, 1, 0, 0]);
  });

  it('puts sessions on bucket edges into the higher bucket', async () => {
    const seconds = (count: number) => Array.from({ length: count }, (_, index) => index * 1000);
    const events = [
      ...userEvents('d59999', [0, 59_999]),
      ...userEvents('d60000', [0, 60_000]),
      ...userEvents('d299999', [0, 299_999]),
      ...userEvents('d300000', [0, 300_000]),
      ...userEvents('d599999', [0, 599_999]),
      ...userEvents('d600000', [0, 600_000]),
      ...userEvents('e3', seconds(3)),
      ...userEvents('e10', seconds(10)),
      ...userEvents('e11', seconds(11)),
    ];
    const result = await sessions(contextOf(events), { range: RANGE });
    expect(result.durationDistribution.map((bucket) => bucket.label)).to.deep.equal([
      '<1m',
      '1–5m',
      '5–10m',
      '10m+',
    ]);
    // <1m: d59999, e3 (2 s), e10 (9 s), e11 (10 s); 1–5m: d60000, d299999; 5–10m: d300000,
    // d599999; 10m+: d600000.
    expect(counts(result.durationDistribution)).to.deep.equal([4, 2, 2, 1]);
    expect(result.eventsDistribution.map((bucket) => bucket.label)).to.deep.equal([
      '1–2',
      '3–5',
      '6–10',
      '10+',
    ]);
    expect(counts(result.eventsDistribution)).to.deep.equal([6, 1, 1, 1]);
  });

  it('splits sessions at a configured gap', async () => {
    const events = userEvents('a', [0, 5 * MINUTE, 11 * MINUTE]);
    const fiveMinutes = await sessions(contextOf(events), { range: RANGE, gapMs: 5 * MINUTE });
    expect(fiveMinutes.sessions).to.equal(2);
    expect(fiveMinutes.averageDurationMs).to.equal((5 * MINUTE) / 2);
    const defaultGap = await sessions(contextOf(events), { range: RANGE });
    expect(defaultGap.sessions).to.equal(1);
  });

  it('counts sessions per user when asked, most sessions first and ties by user id', async () => {
    const events = [
      ...userEvents('carol', [0]),
      ...userEvents('bob', [0, 2 * 60 * MINUTE, 2 * 60 * MINUTE + 4 * MINUTE]),
      ...userEvents('alice', [0]),
    ];
    const result = await sessions(contextOf(events), { range: RANGE, perUser: true });
    expect(result.perUser).to.deep.equal([
      {
        userId: 'bob',
        sessions: 2,
        events: 3,
        totalDurationMs: 4 * MINUTE,
        averageDurationMs: 2 * MINUTE,
      },
      { userId: 'alice', sessions: 1, events: 1, totalDurationMs: 0, averageDurationMs: 0 },
      { userId: 'carol', sessions: 1, events: 1, totalDurationMs: 0, averageDurationMs: 0 },
    ]);
  });

  it('applies the view filters before sessionising', async () => {
    const events = [
      ...userEvents('a', [0], { category: 'chat' }),
      ...userEvents('a', [10 * MINUTE], { category: 'flow' }),
      ...userEvents('a', [20 * MINUTE], { category: 'chat' }),
    ];
    const result = await sessions(contextOf(events), {
      range: RANGE,
      filters: { category: 'chat' },
    });
    expect(result.sessions).to.equal(1);
    expect(result.events).to.equal(2);
    expect(result.totalDurationMs).to.equal(20 * MINUTE);
  });

  it('ignores events outside the range', async () => {
    const events = [...userEvents('a', [0]), makeEvent({ userId: 'a', timestamp: RANGE.to })];
    const result = await sessions(contextOf(events), { range: RANGE });
    expect(result.sessions).to.equal(1);
    expect(result.events).to.equal(1);
  });

  it('rejects a negative or non-numeric gap, naming the field', async () => {
    for (const gapMs of [-1, Number.NaN, '30m' as unknown as number]) {
      const error = await sessions(contextOf([]), { range: RANGE, gapMs }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(TallyError.isInstance(error)).to.equal(true);
      expect((error as TallyError).field).to.equal('gapMs');
      expect((error as TallyError).code).to.equal('invalid_query');
    }
  });
});
