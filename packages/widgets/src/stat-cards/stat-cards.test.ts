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
import { DAY, NOW, usageEvents, usageSource } from '../__test-support__/usage-data.js';
import './stat-cards.js';
import type { TallyStatCards } from './stat-cards.js';

const endOfToday = Math.floor(NOW / DAY) * DAY + DAY;

function inRange(days: number, offsetDays = 0) {
  const to = endOfToday - offsetDays * DAY;
  return usageEvents().filter(
    (event) => Number(event.timestamp) >= to - days * DAY && Number(event.timestamp) < to,
  );
}

async function mount(theme = 'light') {
  const provider = await fixture<TallyProvider>(html`
    <tally-provider .source=${usageSource()} tz="UTC" locale="en-US" theme=${theme}>
      <tally-stat-cards .now=${NOW}></tally-stat-cards>
    </tally-provider>
  `);
  const cards = provider.querySelector('tally-stat-cards') as TallyStatCards;
  await cards.loadComplete;
  return { provider, cards };
}

function card(cards: TallyStatCards, key: string) {
  const element = $(cards, `[data-stat="${key}"]`);
  return {
    shown: textOf(element.querySelector('.value [aria-hidden]') as Element),
    exact: textOf(element.querySelector('.exact') as Element),
    change: textOf(element.querySelector('[part="change"]') ?? element),
    tone: element.querySelector('[part="change"]')?.getAttribute('data-tone'),
  };
}

describe('<tally-stat-cards>', () => {
  it('shows the nine bot analytics cards with values computed from the events', async () => {
    const { cards } = await mount();
    const events = inRange(30);
    const tokens = events.reduce(
      (sum, event) => sum + (event.tokens?.input ?? 0) + (event.tokens?.output ?? 0),
      0,
    );
    const input = events.reduce((sum, event) => sum + (event.tokens?.input ?? 0), 0);
    const conversations = new Set(events.map((event) => event.conversationId).filter(Boolean)).size;
    expect($$(cards, '[part="card"]')).to.have.length(9);
    expect(card(cards, 'requests').exact).to.equal(String(events.length));
    expect(card(cards, 'uniqueConversations').exact).to.equal(String(conversations));
    expect(card(cards, 'totalTokens').exact).to.equal(tokens.toLocaleString('en-US'));
    expect(card(cards, 'inputTokens').shown).to.equal(`${(input / 1000).toFixed(1)}K`);
    expect(card(cards, 'positiveFeedback').exact).to.equal('0');
  });

  it('compares with the previous period, coloured by whether up is good', async () => {
    const { cards } = await mount();
    const now = inRange(30).length;
    const before = inRange(30, 30).length;
    const requests = card(cards, 'requests');
    expect(requests.change).to.contain(
      `+${Math.round(((now - before) / before) * 100).toLocaleString('en-US')}%`,
    );
    expect(requests.tone).to.equal('good');
    expect(card(cards, 'totalTokens').tone).to.equal('neutral');
  });

  it('writes the last request as a relative time with the exact time in the tooltip', async () => {
    const { cards } = await mount();
    const last = Math.max(...inRange(30).map((event) => Number(event.timestamp)));
    const hours = Math.round((NOW - last) / 3_600_000);
    const value = card(cards, 'lastRequest');
    expect(value.shown).to.equal(hours === 0 ? 'now' : `${hours} hours ago`);
    expect(value.exact).to.equal(
      new Intl.DateTimeFormat('en-US', {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: 'UTC',
      }).format(last),
    );
  });

  it('shows any stats asked for, with custom labels', async () => {
    const cards = await fixture<TallyStatCards>(
      html`<tally-stat-cards
        .source=${usageSource()}
        tz="UTC"
        locale="de-DE"
        stats="errorRate,activeUsers,latencyP95"
        .labels=${{ activeUsers: 'Aktive Nutzer' }}
      ></tally-stat-cards>`,
    );
    await cards.loadComplete;
    const events = inRange(30);
    const errors = events.filter((event) => event.status === 'error').length;
    const judged = events.filter((event) => event.status !== undefined).length;
    expect(textOf($(cards, '[data-stat="activeUsers"] [part="label"]'))).to.equal('Aktive Nutzer');
    expect(card(cards, 'errorRate').exact).to.equal(
      new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 2 })
        .format(errors / judged)
        .replace(/\s+/g, ' '),
    );
    // The previous period's only event carries no status, so it has no error rate to compare.
    expect(card(cards, 'errorRate').change).to.equal('No previous period');
  });

  it('follows the provider range', async () => {
    const { provider, cards } = await mount();
    provider.range = { preset: '7d' };
    await provider.updateComplete;
    await cards.loadComplete;
    expect(card(cards, 'requests').exact).to.equal(String(inRange(7).length));
  });

  it('shows loading, empty and error states', async () => {
    const loading = await fixture<TallyStatCards>(
      html`<tally-stat-cards .source=${pendingSource()}></tally-stat-cards>`,
    );
    expect($(loading, '[part="skeleton"]')).to.be.instanceOf(HTMLElement);
    const empty = await fixture<TallyStatCards>(
      html`<tally-stat-cards .source=${new LocalSource({ now: () => NOW })}></tally-stat-cards>`,
    );
    await empty.loadComplete;
    expect(textOf($(empty, '[part="empty"]'))).to.contain('widen it');
    const source = failingSource(usageSource(), 1);
    const failed = await fixture<TallyStatCards>(
      html`<tally-stat-cards .source=${source} tz="UTC"></tally-stat-cards>`,
    );
    await failed.loadComplete;
    expect(textOf($(failed, '[role="alert"]'))).to.contain('unreachable');
    await click($(failed, '[part="retry-button"]'));
    await failed.loadComplete;
    expect($$(failed, '[part="card"]')).to.have.length(9);
  });

  it('refreshes when its refresh button is clicked', async () => {
    const source = failingSource(usageSource(), 0);
    const cards = await fixture<TallyStatCards>(
      html`<tally-stat-cards .source=${source} tz="UTC"></tally-stat-cards>`,
    );
    await cards.loadComplete;
    await click($(cards, '[part="refresh-button"]'));
    await cards.loadComplete;
    expect(source.calls).to.equal(2);
  });

  it('is accessible in the light and dark themes', async () => {
    for (const theme of ['light', 'dark']) {
      const { cards } = await mount(theme);
      await expect(cards).to.be.accessible();
    }
  });
});
