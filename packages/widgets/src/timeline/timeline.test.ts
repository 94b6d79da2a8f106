import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../provider/provider.js';
import type { TallyProvider } from '../provider/provider.js';
import { LocalSource } from '../data/local-source.js';
import {
  $,
  $$,
  click,
  failingSource,
  pendingSource,
  textOf,
} from '../__test-support__/interact.js';
import { DAY, NOW, usageEvents, usageSource } from '../__test-support__/usage-data.js';
import './timeline.js';
import type { TallyTimeline } from './timeline.js';

const endOfToday = Math.floor(NOW / DAY) * DAY + DAY;

async function mount(theme = 'light', attributes: { splitBy?: string } = {}) {
  const provider = await fixture<TallyProvider>(html`
    <tally-provider .source=${usageSource()} tz="UTC" locale="en-US" theme=${theme}>
      <tally-timeline split-by=${attributes.splitBy ?? ''}></tally-timeline>
    </tally-provider>
  `);
  const timeline = provider.querySelector('tally-timeline') as TallyTimeline;
  if (!attributes.splitBy) timeline.splitBy = undefined;
  await timeline.loadComplete;
  return { provider, timeline };
}

describe('<tally-timeline>', () => {
  it('shows the automatic interval next to the title and every bucket in its data table', async () => {
    const { timeline } = await mount();
    // 30 days in buckets of at most 60: 12 hours is the smallest size that fits.
    expect(textOf($(timeline, '[part="interval"]'))).to.equal('Interval: 12h');
    const rows = $$(timeline, '[part="data-table"] tbody tr');
    expect(rows).to.have.length(60);
    const shown = rows.reduce(
      (sum, row) => sum + Number(textOf(row.querySelector('td') as Element)),
      0,
    );
    const events = usageEvents().filter(
      (event) => Number(event.timestamp) >= endOfToday - 30 * DAY,
    );
    expect(shown).to.equal(events.length);
    expect(textOf($(timeline, '[part="summary"]'))).to.match(
      new RegExp(`^${events.length} events from`),
    );
    expect($(timeline, 'canvas').getAttribute('aria-label')).to.equal(
      textOf($(timeline, '[part="summary"]')),
    );
  });

  it('changes the granularity from its picker with the keyboard', async () => {
    const { timeline } = await mount();
    const select = $(timeline, '[part="granularity"]') as HTMLSelectElement;
    select.focus();
    // Automatic → Hourly → Daily.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await timeline.loadComplete;
    expect(timeline.granularity).to.equal('day');
    expect(textOf($(timeline, '[part="interval"]'))).to.equal('Interval: 1d');
    expect($$(timeline, '[part="data-table"] tbody tr')).to.have.length(30);
  });

  it('stacks the bars by a dimension, with a legend and a column per series', async () => {
    const { timeline } = await mount('light', { splitBy: 'category' });
    const legend = $$(timeline, '[part="legend"] li').map((item) => textOf(item));
    const categories = new Set(
      usageEvents()
        .filter((event) => Number(event.timestamp) >= endOfToday - 30 * DAY)
        .map((event) => event.category),
    );
    expect([...legend].sort()).to.deep.equal([...categories].sort());
    expect($$(timeline, '[part="data-table"] thead th')).to.have.length(2 + categories.size);
  });

  it('redraws the chart in the colours of a new theme', async () => {
    const { provider, timeline } = await mount();
    const chart = () =>
      (
        timeline as unknown as {
          chart: { options: { scales: { y: { grid: { color: string } } } } };
        }
      ).chart;
    expect(chart().options.scales.y.grid.color).to.equal('#e3e8ee');
    provider.theme = 'dark';
    await provider.updateComplete;
    await timeline.updateComplete;
    expect(timeline.dataset.tallyTheme).to.equal('dark');
    expect(chart().options.scales.y.grid.color).to.equal('#262c34');
  });

  it('follows the provider range', async () => {
    const { provider, timeline } = await mount();
    provider.range = { from: '2026-11-21', to: '2026-11-22' };
    await provider.updateComplete;
    await timeline.loadComplete;
    expect(textOf($(timeline, '[part="interval"]'))).to.equal('Interval: 1h');
    expect($$(timeline, '[part="data-table"] tbody tr')).to.have.length(48);
  });

  it('shows loading, empty and error states', async () => {
    const loading = await fixture<TallyTimeline>(
      html`<tally-timeline .source=${pendingSource()}></tally-timeline>`,
    );
    expect($(loading, '[part="skeleton"]')).to.be.instanceOf(HTMLElement);
    const empty = await fixture<TallyTimeline>(
      html`<tally-timeline .source=${new LocalSource({ now: () => NOW })}></tally-timeline>`,
    );
    await empty.loadComplete;
    expect(textOf($(empty, '[part="empty"]'))).to.contain('widen it');
    const failed = await fixture<TallyTimeline>(
      html`<tally-timeline .source=${failingSource(usageSource(), 1)}></tally-timeline>`,
    );
    await failed.loadComplete;
    await click($(failed, '[part="retry-button"]'));
    await failed.loadComplete;
    expect(failed.status).to.equal('ready');
  });

  it('is accessible in the light and dark themes, with the data table open', async () => {
    for (const theme of ['light', 'dark']) {
      const { timeline } = await mount(theme, { splitBy: 'category' });
      ($(timeline, 'details') as HTMLDetailsElement).open = true;
      await expect(timeline).to.be.accessible();
    }
  });
});
