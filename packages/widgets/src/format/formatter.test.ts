import { expect } from '@open-wc/testing';
import { Formatter } from './formatter.js';

const spaces = (text: string) => text.replace(/\s/g, ' ');

describe('Formatter', () => {
  it('writes exact and compact numbers in the locale', () => {
    const en = new Formatter('en-US', 'UTC');
    expect(en.number(12845)).to.equal('12,845');
    expect(en.compact(12845)).to.equal('12.8K');
    expect(en.compact(5_200_000)).to.equal('5.2M');
    expect(spaces(new Formatter('de-DE', 'UTC').number(12845.5))).to.equal('12.845,5');
  });

  it('writes money, shares, changes and durations', () => {
    const en = new Formatter('en-US', 'UTC');
    expect(en.usd(1234.5)).to.equal('$1,234.50');
    expect(en.usd(0.000125)).to.equal('$0.000125');
    expect(en.percent(0.125)).to.equal('12.5%');
    expect(en.change(0.2)).to.equal('+20%');
    expect(en.change(-0.05)).to.equal('-5%');
    expect(en.duration(850)).to.equal('850 ms');
    expect(en.duration(4200)).to.equal('4.2 sec');
    expect(en.duration(720_000)).to.equal('12 min');
  });

  it('writes dates in the zone and relative times', () => {
    const paris = new Formatter('en-US', 'Europe/Paris');
    const instant = Date.UTC(2026, 10, 23, 23, 30);
    expect(paris.date(instant)).to.equal('Nov 24, 2026');
    expect(new Formatter('en-US', 'UTC').date(instant)).to.equal('Nov 23, 2026');
    expect(paris.relativeTime(instant - 5 * 60_000, instant)).to.equal('5 minutes ago');
    expect(paris.relativeTime(instant - 86_400_000, instant)).to.equal('yesterday');
  });
});
