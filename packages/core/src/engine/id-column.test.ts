import { expect } from 'chai';
import { IdColumn } from './id-column.js';

const UUIDS = [
  '0190f5a8-3c2b-7d4e-8f00-1a2b3c4d5e6f',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0190f5a8-3c2b-7d4e-8f00-1a2b3c4d5e70',
];
const OTHERS = [
  'evt-1',
  '0190F5A8-3C2B-7D4E-8F00-1A2B3C4D5E6F',
  '0190f5a8-3c2b-7d4e-8f00-1a2b3c4d5e6g',
  '0190f5a83c2b7d4e8f001a2b3c4d5e6f1234',
  '0190f5a8_3c2b-7d4e-8f00-1a2b3c4d5e6f',
  'a',
];

describe('IdColumn', () => {
  it('gives back canonical UUIDs and any other id exactly', () => {
    const ids = [...UUIDS, ...OTHERS];
    const column = new IdColumn(ids.length);
    ids.forEach((id, row) => column.set(row, id));
    expect(ids.map((_, row) => column.get(row))).to.deep.equal(ids);
  });

  it('orders ids as string comparison does, stored compactly or not', () => {
    const ids = [...UUIDS, ...OTHERS];
    const column = new IdColumn(ids.length);
    ids.forEach((id, row) => column.set(row, id));
    for (let a = 0; a < ids.length; a += 1) {
      for (let b = 0; b < ids.length; b += 1) {
        const expected = ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0;
        expect(Math.sign(column.compare(a, b)), `${ids[a]} vs ${ids[b]}`).to.equal(expected);
      }
    }
  });

  it('overwrites a row and forgets truncated rows', () => {
    const column = new IdColumn(2);
    column.set(0, 'evt-0');
    column.set(0, UUIDS[0]);
    column.set(1, 'evt-1');
    column.truncate(1);
    column.grow(4);
    column.set(2, 'evt-2');
    expect(column.get(0)).to.equal(UUIDS[0]);
    expect(column.get(1)).to.equal('');
    expect(column.get(2)).to.equal('evt-2');
  });
});
