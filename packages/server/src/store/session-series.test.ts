import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SessionRecord } from '@tally/core';
import { sessionsFromSeries, type SeriesUser } from './session-series.js';

const MINUTE = 60_000;

/** Builds the three series columns from `[user index, time]` pairs, in the order given. */
function series(users: readonly SeriesUser[], events: readonly [number, number][]) {
  return [
    Float64Array.from(events, ([user]) => users[user][1]),
    Float64Array.from(events, ([user]) => users[user][2]),
    Float64Array.from(events, ([, time]) => time),
  ] as const;
}

describe('sessionsFromSeries', () => {
  // Hashes that share a low half (same table slot) and one above 2^31 in both halves.
  const users: SeriesUser[] = [
    ['zed', 7, 5],
    ['Ann', 4_294_967_295, 4_294_967_040],
    ['bob', 8, 5],
  ];

  it('cuts each user at gaps longer than gapMs, in id then start order, from unsorted events', () => {
    const events: [number, number][] = [
      [0, 100 * MINUTE],
      [2, 0],
      [1, 40 * MINUTE],
      [0, 10 * MINUTE],
      [2, 30 * MINUTE], // exactly the gap after the previous event: same session
      [1, 0],
      [0, 0],
      [1, 5 * MINUTE],
      [2, 61 * MINUTE], // 31 minutes later: a new session
      [0, 10 * MINUTE],
    ];
    const expected: SessionRecord[] = [
      // 'Ann' < 'bob' < 'zed' in UTF-16 order (capitals first).
      { userId: 'Ann', start: 0, end: 5 * MINUTE, events: 2 },
      { userId: 'Ann', start: 40 * MINUTE, end: 40 * MINUTE, events: 1 },
      { userId: 'bob', start: 0, end: 30 * MINUTE, events: 2 },
      { userId: 'bob', start: 61 * MINUTE, end: 61 * MINUTE, events: 1 },
      { userId: 'zed', start: 0, end: 10 * MINUTE, events: 3 },
      { userId: 'zed', start: 100 * MINUTE, end: 100 * MINUTE, events: 1 },
    ];
    assert.deepEqual(sessionsFromSeries(series(users, events), users, 30 * MINUTE), expected);
  });

  it('puts interleaved time-ordered streams of one user in order', () => {
    const times = [5, 1, 9, 2, 3, 7, 4, 8, 6, 0].map((step) => step * 2 * MINUTE);
    const events = times.map((time): [number, number] => [0, time]);
    assert.deepEqual(sessionsFromSeries(series(users, events), users, MINUTE), [
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((step) => ({
        userId: 'zed',
        start: step * 2 * MINUTE,
        end: step * 2 * MINUTE,
        events: 1,
      })),
    ]);
    assert.deepEqual(sessionsFromSeries(series(users, events), users, 2 * MINUTE), [
      { userId: 'zed', start: 0, end: 18 * MINUTE, events: 10 },
    ]);
  });

  it('gives no sessions for no events', () => {
    const empty = [new Float64Array(0), new Float64Array(0), new Float64Array(0)] as const;
    assert.deepEqual(sessionsFromSeries(empty, users, MINUTE), []);
  });

  it('cuts each (user, partition) pair apart, partitions in UTF-16 order and null last', () => {
    // One entry per pair; 'gpt' is shared by two users, and both users have a null partition.
    const pairs: SeriesUser[] = [
      ['bob', 1, 1, 'gpt'],
      ['ann', 2, 1, 'gpt'],
      ['ann', 3, 1, null],
      ['ann', 4, 1, 'claude'],
      ['bob', 5, 2, null],
      ['bob', 4_294_967_295, 1, 'claude'],
    ];
    const events: [number, number][] = [
      [1, 50 * MINUTE],
      [0, 30 * MINUTE], // exactly the gap after bob's first gpt event: same session
      [3, 45 * MINUTE],
      [2, 5 * MINUTE], // between ann's gpt events, but in another partition
      [1, 10 * MINUTE],
      [4, 100 * MINUTE],
      [0, 0],
      [3, 20 * MINUTE],
      [1, 0],
    ];
    const expected: SessionRecord[] = [
      { userId: 'ann', partition: 'claude', start: 20 * MINUTE, end: 45 * MINUTE, events: 2 },
      { userId: 'ann', partition: 'gpt', start: 0, end: 10 * MINUTE, events: 2 },
      { userId: 'ann', partition: 'gpt', start: 50 * MINUTE, end: 50 * MINUTE, events: 1 },
      { userId: 'ann', partition: null, start: 5 * MINUTE, end: 5 * MINUTE, events: 1 },
      // bob's 'claude' pair has no events in the series: no session.
      { userId: 'bob', partition: 'gpt', start: 0, end: 30 * MINUTE, events: 2 },
      { userId: 'bob', partition: null, start: 100 * MINUTE, end: 100 * MINUTE, events: 1 },
    ];
    assert.deepEqual(sessionsFromSeries(series(pairs, events), pairs, 30 * MINUTE), expected);
  });

  it('refuses (null) when two (user, partition) pairs share a hash', () => {
    const pairs: SeriesUser[] = [
      ['ann', 2, 1, 'gpt'],
      ['ann', 2, 1, null],
    ];
    assert.equal(sessionsFromSeries(series(pairs, [[0, 0]]), pairs, MINUTE), null);
  });

  it('refuses (null) when two ids share a hash or an event has an unknown hash', () => {
    const colliding: SeriesUser[] = [...users, ['eve', 8, 5]];
    assert.equal(sessionsFromSeries(series(colliding, [[0, 0]]), colliding, MINUTE), null);
    const unknown = [
      Float64Array.of(users[0][1], 9),
      Float64Array.of(users[0][2], 5),
      Float64Array.of(0, 1),
    ] as const;
    assert.equal(sessionsFromSeries(unknown, users, MINUTE), null);
  });
});
