import { expect, fixture, html } from '@open-wc/testing';
import { $, failingSource, pendingSource, textOf } from '../__test-support__/interact.js';
import { LocalSource } from '../data/local-source.js';
import { Formatter } from '../format/formatter.js';
import './response-times.js';
import type { TallyResponseTimes } from './response-times.js';

const NOW = Date.UTC(2026, 10, 23, 12);
const format = new Formatter('en-US', 'UTC');

function source(): LocalSource {
  const call = (id: string, model: string, latencyMs?: number) => ({
    id,
    name: 'chat.message',
    timestamp: NOW - 3_600_000,
    model,
    ...(latencyMs === undefined ? {} : { latencyMs }),
  });
  return new LocalSource({
    events: [
      call('a', 'fast', 100),
      call('b', 'fast', 300),
      call('c', 'slow', 2000),
      call('d', 'slow'), // no latency: no weight
      call('e', 'untimed'),
    ],
    now: () => NOW,
  });
}

async function mount(theme = 'light', from: unknown = source()): Promise<TallyResponseTimes> {
  const element = await fixture<TallyResponseTimes>(html`
    <tally-response-times
      .source=${from}
      range="7d"
      tz="UTC"
      locale="en-US"
      theme=${theme}
    ></tally-response-times>
  `);
  await element.loadComplete;
  return element;
}

const figure = (element: Element, key: string) => textOf($(element, `[data-figure="${key}"]`));

describe('tally-response-times', () => {
  it('gives the average of every timed event and the fastest and slowest model', async () => {
    const element = await mount();
    // (100 + 300 + 2000) / 3 timed events = 800, not the mean of the models' means (1100).
    expect(figure(element, 'average')).to.equal(format.duration(800));
    expect(figure(element, 'fastest')).to.equal(`fast (${format.duration(200)})`);
    expect(figure(element, 'slowest')).to.equal(`slow (${format.duration(2000)})`);
  });

  it('shows loading, empty and error states', async () => {
    const loading = await fixture<TallyResponseTimes>(
      html`<tally-response-times .source=${pendingSource()}></tally-response-times>`,
    );
    expect($(loading, '[part="skeleton"]')).to.be.instanceOf(HTMLElement);
    const empty = await mount('light', new LocalSource({ now: () => NOW }));
    expect(textOf($(empty, '[part="empty"]'))).to.contain('No response times');
    const failed = await mount('light', failingSource(source(), 1));
    expect(textOf($(failed, '[role="alert"]'))).to.contain('unreachable');
  });

  it('is accessible in light and dark', async () => {
    for (const theme of ['light', 'dark']) await expect(await mount(theme)).to.be.accessible();
  });
});
