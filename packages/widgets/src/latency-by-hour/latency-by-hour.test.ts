import { expect, fixture, html } from '@open-wc/testing';
import {
  $,
  $$,
  click,
  failingSource,
  pendingSource,
  textOf,
} from '../__test-support__/interact.js';
import { LocalSource } from '../data/local-source.js';
import { Formatter } from '../format/formatter.js';
import './latency-by-hour.js';
import type { TallyLatencyByHour } from './latency-by-hour.js';

const NOW = Date.UTC(2026, 10, 23, 12);
const format = new Formatter('en-US', 'UTC');

function source(): LocalSource {
  const at = (day: number, hour: number) => Date.UTC(2026, 10, day, hour, 15);
  return new LocalSource({
    events: [
      { id: 'a', name: 'chat.message', timestamp: at(20, 9), latencyMs: 300 },
      { id: 'b', name: 'chat.message', timestamp: at(21, 9), latencyMs: 500 },
      { id: 'c', name: 'chat.message', timestamp: at(22, 17), latencyMs: 1500 },
      { id: 'd', name: 'chat.message', timestamp: at(22, 18) }, // no latency
    ],
    settings: { timezone: 'UTC' },
    now: () => NOW,
  });
}

async function mount(theme = 'light', from = source()): Promise<TallyLatencyByHour> {
  const element = await fixture<TallyLatencyByHour>(html`
    <tally-latency-by-hour
      .source=${from}
      range="7d"
      tz="UTC"
      locale="en-US"
      theme=${theme}
    ></tally-latency-by-hour>
  `);
  await element.loadComplete;
  return element;
}

describe('tally-latency-by-hour', () => {
  it('averages each hour of the day over the days of the range, in a chart and a table', async () => {
    const element = await mount();
    const cells = $$(element, 'tr[data-hour]').map((row) => [
      row.getAttribute('data-hour'),
      textOf(row.querySelector('[data-column="averageLatencyMs"]')!),
      textOf(row.querySelector('[data-column="latencyEvents"]')!),
    ]);
    expect(cells).to.have.length(24);
    // 09:00: (300 + 500) / 2 = 400 over 2 days; 17:00: 1500; 18:00 has an event but no latency.
    expect(cells.filter(([, average]) => average !== '—')).to.deep.equal([
      ['9', format.duration(400), '2'],
      ['17', format.duration(1500), '1'],
    ]);
    expect(cells[18]).to.deep.equal(['18', '—', '0']);
    const chart = $(element, '[part="chart"]');
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.contain(
      `Slowest: 17:00 (${format.duration(1500)})`,
    );
    expect(chart.getAttribute('aria-label')).to.contain(`fastest: 09:00 (${format.duration(400)})`);
    // Column heights are shares of the slowest hour: 400 / 1500.
    const heights = $$(element, '[part="column"]').map((column) => column.style.height);
    expect(heights[17]).to.equal('100%');
    expect(parseFloat(heights[9])).to.be.closeTo((400 / 1500) * 100, 1e-3);
  });

  it('shows loading, empty and error states', async () => {
    const loading = await fixture<TallyLatencyByHour>(
      html`<tally-latency-by-hour .source=${pendingSource()}></tally-latency-by-hour>`,
    );
    expect($(loading, '[part="skeleton"]')).to.be.instanceOf(HTMLElement);
    const empty = await mount('light', new LocalSource({ now: () => NOW }));
    expect(textOf($(empty, '[part="empty"]'))).to.contain('No response times');
    const failed = await mount('light', failingSource(source(), 1) as unknown as LocalSource);
    expect(textOf($(failed, '[role="alert"]'))).to.contain('unreachable');
    await click($(failed, '[part="retry-button"]'));
    await failed.loadComplete;
    expect(failed.status).to.equal('ready');
  });

  it('is accessible in light and dark', async () => {
    for (const theme of ['light', 'dark']) await expect(await mount(theme)).to.be.accessible();
  });
});
