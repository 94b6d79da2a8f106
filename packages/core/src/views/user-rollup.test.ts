import { expect } from 'chai';
import type { AggregateRow } from '../query.js';
import { rollUpUsers } from './user-rollup.js';

// Groups of [userId, category, name] with [count, credits, last timestamp], in no order.
const rows: AggregateRow[] = [
  { key: ['u2', 'chat', 'chat.message'], values: [2, 0.1, 50] },
  { key: ['u1', null, 'misc'], values: [1, 0.2, 70] },
  { key: ['u1', 'chat', 'chat.message'], values: [3, 0.3, 40] },
  { key: [null, 'chat', 'chat.message'], values: [9, 9, 99] },
  { key: ['u2', 'flow', '__proto__'], values: [1, 1, null] },
];

describe('rollUpUsers', () => {
  for (const [label, denseLimit] of [
    ['in flat arrays', undefined],
    ['sparsely', 0],
  ] as const) {
    it(`adds up each user's groups ${label}`, () => {
      const rollup = rollUpUsers(rows, denseLimit);
      expect(rollup.userIds).to.deep.equal(['u2', 'u1']);
      expect([...rollup.totals]).to.deep.equal([3, 4]);
      expect([...rollup.credits]).to.deep.equal([1.1, 0.5]);
      expect([...rollup.last]).to.deep.equal([50, 70]);
      expect(rollup.allCredits).to.equal(1.6);
      const order = ['flow', 'chat', 'uncategorized'];
      expect(Object.entries(rollup.record('category', 0, order))).to.deep.equal([
        ['flow', 1],
        ['chat', 2],
      ]);
      expect(rollup.record('category', 1, order)).to.deep.equal({ chat: 3, uncategorized: 1 });
      expect(Object.entries(rollup.record('name', 0, rollup.names))).to.deep.equal([
        ['chat.message', 2],
        ['__proto__', 1],
      ]);
      expect(rollup.totalsRecord('category', order)).to.deep.equal({
        flow: 1,
        chat: 5,
        uncategorized: 1,
      });
    });
  }

  it('leaves out keys that are not in the order asked for', () => {
    const rollup = rollUpUsers(rows);
    expect(rollup.record('category', 1, ['chat'])).to.deep.equal({ chat: 3 });
  });
});
