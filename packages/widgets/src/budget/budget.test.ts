import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, textOf } from '../__test-support__/interact.js';
import { LocalSource } from '../data/local-source.js';
import { Formatter } from '../format/formatter.js';
import './budget.js';
import type { TallyBudget } from './budget.js';

const NOW = Date.UTC(2026, 10, 23, 12);
const NOVEMBER_FIRST = Date.UTC(2026, 10, 1, 9);

/** A source whose only usage is `credits` spent on November 1st (outside the forecast window). */
function sourceWith(credits: number): LocalSource {
  const events = Array.from({ length: credits }, (_, index) => ({
    id: `e-${index}`,
    name: 'chat.message',
    timestamp: NOVEMBER_FIRST + index * 1000,
    userId: 'ada',
    credits: 1,
  }));
  return new LocalSource({ events, settings: { timezone: 'UTC' }, now: () => NOW });
}

async function mount(credits: number, limit = 100, theme = 'light'): Promise<TallyBudget> {
  const element = await fixture<TallyBudget>(html`
    <tally-budget
      .source=${sourceWith(credits)}
      measure="credits"
      period="month"
      limit=${limit}
      tz="UTC"
      locale="en-US"
      theme=${theme}
    ></tally-budget>
  `);
  await element.loadComplete;
  return element;
}

function figure(element: TallyBudget, name: string): string {
  return textOf($(element, `[data-figure="${name}"]`));
}

function crossed(element: TallyBudget): string[] {
  return $$(element, '[part="threshold"]')
    .filter((mark) => mark.getAttribute('data-crossed') === 'true')
    .map((mark) => mark.getAttribute('data-share') ?? '');
}

describe('tally-budget', () => {
  it('shows budget, used, remaining and the projection of the month', async () => {
    const element = await mount(80);
    expect(figure(element, 'limit')).to.equal('100');
    expect(figure(element, 'used')).to.equal('80');
    expect(figure(element, 'remaining')).to.equal('20');
    // Nothing was used in the last 7 days, so the forecast adds nothing.
    expect(figure(element, 'projected')).to.equal('80');
  });

  it('marks the 75, 90 and 100 % thresholds on the bar', async () => {
    const element = await mount(80);
    const marks = $$(element, '[part="threshold"]').map((mark) => mark.getAttribute('data-share'));
    expect(marks).to.deep.equal(['0.75', '0.9', '1']);
    expect($(element, '[part="threshold"][data-share="0.9"]').getAttribute('style')).to.contain(
      'left:90%',
    );
  });

  it('flips thresholds and status exactly at 75, 90 and 100 %', async () => {
    const cases: [number, string[], string][] = [
      [74, [], 'on-track'],
      [75, ['0.75'], 'on-track'],
      [89, ['0.75'], 'on-track'],
      [90, ['0.75', '0.9'], 'at-risk'],
      [99, ['0.75', '0.9'], 'at-risk'],
      [100, ['0.75', '0.9', '1'], 'over'],
    ];
    for (const [used, expected, status] of cases) {
      const element = await mount(used);
      expect(crossed(element), `${used} used`).to.deep.equal(expected);
      expect($(element, '[part="status"]').getAttribute('data-status'), `${used} used`).to.equal(
        status,
      );
    }
  });

  it('shows the remaining amount as negative once over', async () => {
    const element = await mount(120);
    expect(figure(element, 'remaining')).to.equal('-20');
    expect(textOf($(element, '[part="status"]'))).to.equal('Over budget');
  });

  it('forecasts from the last 7 days and compares them with the 7 before', async () => {
    const at = (day: number, count: number, prefix: string) =>
      Array.from({ length: count }, (_, index) => ({
        id: `${prefix}-${index}`,
        name: 'chat.message',
        timestamp: Date.UTC(2026, 10, day, 8) + index * 1000,
        credits: 1,
      }));
    // 10 on 10 November (the 7 days before), 14 on 20 November (the last 7 days).
    const events = [...at(10, 10, 'before'), ...at(20, 14, 'last')];
    const element = await fixture<TallyBudget>(html`
      <tally-budget
        .source=${new LocalSource({ events, settings: { timezone: 'UTC' }, now: () => NOW })}
        measure="credits"
        period="month"
        limit="100"
        tz="UTC"
        locale="en-US"
      ></tally-budget>
    `);
    await element.loadComplete;
    const format = new Formatter('en-US', 'UTC');
    expect(figure(element, 'lastSevenDays')).to.equal('14');
    expect(figure(element, 'weekOverWeek')).to.equal(format.change((14 - 10) / 10));
    // 24 used, plus 14 / 7 a day for the 7 days after the 23rd.
    expect(figure(element, 'projected')).to.equal(format.number(24 + (14 / 7) * 7));
  });

  it('is accessible in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const element = await mount(92, 100, theme);
      await expect(element).to.be.accessible();
    }
  });
});
