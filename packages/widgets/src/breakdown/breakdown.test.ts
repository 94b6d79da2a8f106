import { expect, fixture, html } from '@open-wc/testing';
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
import {
  countBy,
  DAY,
  HOSTILE,
  NOW,
  usageEvents,
  usageSource,
} from '../__test-support__/usage-data.js';
import './breakdown.js';
import type { TallyBreakdown } from './breakdown.js';

const endOfToday = Math.floor(NOW / DAY) * DAY + DAY;

function lastDays(days: number) {
  return usageEvents().filter((event) => Number(event.timestamp) >= endOfToday - days * DAY);
}

async function mount(theme = 'light', mode = 'bars', dimension = 'endpoint', top = 5) {
  const provider = await fixture<TallyProvider>(html`
    <tally-provider .source=${usageSource()} tz="UTC" locale="en-US" theme=${theme}>
      <tally-breakdown dimension=${dimension} mode=${mode} .top=${top}></tally-breakdown>
    </tally-provider>
  `);
  const breakdown = provider.querySelector('tally-breakdown') as TallyBreakdown;
  await breakdown.loadComplete;
  return { provider, breakdown };
}

function shown(breakdown: TallyBreakdown) {
  return $$(breakdown, 'tbody tr').map((row) => [
    textOf(row.querySelector('th') as Element),
    textOf(row.querySelector('.value') as Element),
    textOf(row.querySelector('.share') as Element),
  ]);
}

describe('<tally-breakdown>', () => {
  it('ranks the values of a dimension with their shares', async () => {
    const { breakdown } = await mount();
    expect(textOf($(breakdown, '[part="title"]'))).to.equal('Top endpoints');
    const events = lastDays(30);
    const counts = [...countBy(events, (event) => event.endpoint)].sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    );
    expect(shown(breakdown)).to.deep.equal(
      counts.map(([key, count]) => [
        key,
        String(count),
        `${(Math.round((count / events.length) * 1000) / 10).toString()}%`,
      ]),
    );
  });

  it('folds the values past the top into other', async () => {
    const { breakdown } = await mount('light', 'bars', 'endpoint', 2);
    const rows = shown(breakdown);
    expect(rows).to.have.length(3);
    const counts = [...countBy(lastDays(30), (event) => event.endpoint)].sort(
      (a, b) => b[1] - a[1],
    );
    expect(rows[2][0]).to.equal('Other (1)');
    expect(rows[2][1]).to.equal(String(counts[2][1]));
  });

  it('draws a donut with its numbers in a table', async () => {
    const { breakdown } = await mount('light', 'donut', 'category');
    const donut = $(breakdown, 'tally-donut');
    await (donut as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(donut.shadowRoot?.querySelector('canvas')?.getAttribute('aria-label')).to.match(
      /^By category by events: /,
    );
    const counts = countBy(lastDays(30), (event) => event.category);
    expect(
      Object.fromEntries(shown(breakdown).map(([key, value]) => [key, Number(value)])),
    ).to.deep.equal(Object.fromEntries(counts));
  });

  it('shows user names written as markup as text', async () => {
    const { breakdown } = await mount('light', 'bars', 'user', 10);
    expect(breakdown.shadowRoot?.querySelector('img')).to.equal(null);
    expect(shown(breakdown).map(([name]) => name)).to.include(HOSTILE);
  });

  it('follows the provider filters', async () => {
    const { provider, breakdown } = await mount();
    provider.filters = { users: ['u1'] };
    await provider.updateComplete;
    await breakdown.loadComplete;
    const counts = countBy(
      lastDays(30).filter((event) => event.userId === 'u1'),
      (event) => event.endpoint,
    );
    expect(
      Object.fromEntries(shown(breakdown).map(([key, value]) => [key, Number(value)])),
    ).to.deep.equal(Object.fromEntries(counts));
  });

  it('shows loading, empty and error states', async () => {
    const loading = await fixture<TallyBreakdown>(
      html`<tally-breakdown .source=${pendingSource()}></tally-breakdown>`,
    );
    expect($(loading, '[part="skeleton"]')).to.be.instanceOf(HTMLElement);
    const empty = await fixture<TallyBreakdown>(
      html`<tally-breakdown .source=${new LocalSource({ now: () => NOW })}></tally-breakdown>`,
    );
    await empty.loadComplete;
    expect(textOf($(empty, '[part="empty"]'))).to.contain('widen it');
    const failed = await fixture<TallyBreakdown>(
      html`<tally-breakdown .source=${failingSource(usageSource(), 1)}></tally-breakdown>`,
    );
    await failed.loadComplete;
    expect(textOf($(failed, '[role="alert"]'))).to.contain('unreachable');
    await click($(failed, '[part="retry-button"]'));
    await failed.loadComplete;
    expect(failed.status).to.equal('ready');
  });

  it('is accessible in the light and dark themes, as bars and as a donut', async () => {
    for (const theme of ['light', 'dark']) {
      for (const mode of ['bars', 'donut']) {
        const { breakdown } = await mount(theme, mode, 'category');
        await expect(breakdown).to.be.accessible();
      }
    }
  });
});
