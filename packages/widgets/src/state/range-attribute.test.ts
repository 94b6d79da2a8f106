import { expect } from '@open-wc/testing';
import { formatRange, parseRange } from './range-attribute.js';

describe('range attribute', () => {
  it('reads presets and custom dates', () => {
    expect(parseRange('30d')).to.deep.equal({ preset: '30d' });
    expect(parseRange('month:2026-03')).to.deep.equal({ preset: 'month:2026-03' });
    expect(parseRange('2026-03-01..2026-03-31')).to.deep.equal({
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(parseRange('  ')).to.equal(undefined);
  });

  it('writes back what it reads', () => {
    for (const text of ['7d', 'month:2026-02', '2026-01-15..2026-02-01']) {
      expect(formatRange(parseRange(text))).to.equal(text);
    }
  });
});
