import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, textOf } from '../__test-support__/interact.js';
import { LocalSource } from '../data/local-source.js';
import { Formatter } from '../format/formatter.js';
import './patterns.js';
import type { TallyPatterns } from './patterns.js';

/** Monday 23 November 2026, noon UTC. */
const NOW = Date.UTC(2026, 10, 23, 12);

interface Call {
  timestamp: number;
  latencyMs: number;
}

/**
 * Tuesday 17 November: 5 calls at 10:00 (peak hours, 400 ms); Wednesday 18: 2 calls at 20:00
 * (off-peak, 900 ms); Saturday 21: 3 calls at 10:00 (weekend, 1500 ms).
 */
function calls(): Call[] {
  const at = (day: number, hour: number, count: number, latencyMs: number) =>
    Array.from({ length: count }, (_, index) => ({
      timestamp: Date.UTC(2026, 10, day, hour) + index * 60_000,
      latencyMs,
    }));
  return [...at(17, 10, 5, 400), ...at(18, 20, 2, 900), ...at(21, 10, 3, 1500)];
}

async function mount(theme = 'light'): Promise<TallyPatterns> {
  const events = calls().map((call, index) => ({
    id: `c-${index}`,
    name: 'chat.message',
    userId: 'ada',
    credits: 2,
    ...call,
  }));
  const element = await fixture<TallyPatterns>(html`
    <tally-patterns
      .source=${new LocalSource({ events, settings: { timezone: 'UTC' }, now: () => NOW })}
      range="7d"
      tz="UTC"
      locale="en-US"
      theme=${theme}
      show-weeks
    ></tally-patterns>
  `);
  await element.loadComplete;
  return element;
}

const figure = (element: TallyPatterns, name: string) =>
  textOf($(element, `[data-figure="${name}"]`));

describe('tally-patterns', () => {
  it('shows the peak day, the peak hour and the busiest weekdays', async () => {
    const element = await mount();
    expect(figure(element, 'peakDay')).to.equal('2026-11-17 (5 events)');
    expect(figure(element, 'peakHour')).to.equal('10:00–11:00');
    expect(figure(element, 'weekdays')).to.equal('Tuesday, Saturday, Wednesday');
  });

  it('shows the response time at peak hours, off-peak and at weekends', async () => {
    const element = await mount();
    const format = new Formatter('en-US', 'UTC');
    expect(figure(element, 'peak')).to.equal(format.duration(400));
    expect(figure(element, 'offPeak')).to.equal(format.duration(900));
    expect(figure(element, 'weekend')).to.equal(format.duration(1500));
  });

  it('totals each week', async () => {
    const element = await mount();
    const rows = $$(element, '[part="weeks"] tbody tr');
    const events = rows.map((row) => textOf(row.querySelector('[data-column="events"]')!));
    // 17–21 November is one Monday-based week; the 7 days also touch the week of 23 November.
    expect(events).to.deep.equal(['10', '0']);
    expect(textOf(rows[0].querySelector('[data-column="credits"]')!)).to.equal('20');
    expect(rows[0].getAttribute('data-week')).to.equal(String(Date.UTC(2026, 10, 16)));
  });

  it('is accessible in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      await expect(await mount(theme)).to.be.accessible();
    }
  });
});
