import { expect, waitUntil } from '@open-wc/testing';
import type {
  TallyDateRange,
  TallyLeaderboard,
  TallyProvider,
  TallyStatCards,
} from '@tally/widgets';
import { LocalSource } from '@tally/widgets/local-source';
import { createRoot, type Root } from 'react-dom/client';
import { $, click, textOf } from '../../../packages/widgets/src/__test-support__/interact.js';
import {
  DAY,
  NOW,
  ROSTER,
  SETTINGS,
  usageEvents,
} from '../../../packages/widgets/src/__test-support__/usage-data.js';
import { App } from './app.js';

// No `act`: React renders on its own schedule, as in the page, after real clicks; the tests
// wait for what React renders and for the elements' answers.

const endOfToday = Math.floor(NOW / DAY) * DAY + DAY;

/** The fixture's events in the last `days` UTC days, today included, computed without core. */
function inLast(days: number, userId?: string) {
  return usageEvents().filter(
    (event) =>
      Number(event.timestamp) >= endOfToday - days * DAY &&
      Number(event.timestamp) < endOfToday &&
      (userId === undefined || event.userId === userId),
  );
}

let root: Root | undefined;
let host: HTMLElement | undefined;

afterEach(() => {
  root?.unmount();
  host?.remove();
  root = undefined;
  host = undefined;
});

async function mount() {
  const page = document.createElement('div');
  document.body.append(page);
  host = page;
  root = createRoot(page);
  const source = new LocalSource({
    events: usageEvents(),
    roster: ROSTER,
    settings: SETTINGS,
    now: () => NOW,
  });
  root.render(<App source={source} tz="UTC" locale="en-US" />);
  // React rendered, the leaderboard answered, and React heard of it (tally-data-load).
  await waitUntil(() => output(page, 'ranked') !== '' && output(page, 'ranked') !== '…');
  const provider = page.querySelector('tally-provider') as TallyProvider;
  const cards = page.querySelector('tally-stat-cards') as TallyStatCards;
  const board = page.querySelector('tally-leaderboard') as TallyLeaderboard;
  const picker = page.querySelector('tally-date-range') as TallyDateRange;
  await settle(provider, cards, board);
  return { host: page, provider, cards, board, picker };
}

/** Waits until the provider has passed its state on and the elements have drawn their answers. */
async function settle(provider: TallyProvider, ...elements: (TallyStatCards | TallyLeaderboard)[]) {
  await provider.updateComplete;
  await Promise.all(elements.map((element) => element.loadComplete));
}

/** The exact value a stat card shows (its tooltip text). */
function exact(cards: TallyStatCards, stat: string): string {
  return textOf($(cards, `[data-stat="${stat}"] .exact`));
}

/** The text of one of the app's own `<output>`s ('' before React rendered it). */
function output(host: HTMLElement, name: string): string {
  const element = host.querySelector(`[data-testid="${name}"]`);
  return element === null ? '' : textOf(element);
}

describe('the React example', () => {
  it('passes React state to the elements as properties', async () => {
    const { host, provider, cards } = await mount();
    // Arrays and objects arrive as they are, not as strings.
    expect(cards.stats).to.deep.equal(['requests', 'activeUsers', 'totalTokens', 'costUsd']);
    expect(cards.filters).to.deep.equal({});
    expect(provider.range).to.deep.equal({ preset: '30d' });
    expect(exact(cards, 'requests')).to.equal(String(inLast(30).length));

    // React's own button changes its state; the range property reaches the provider and cards.
    await click(host.querySelector('button[data-preset="7d"]') as HTMLElement);
    await waitUntil(() => output(host, 'range') === 'last 7 days', 'React took the new range');
    await settle(provider, cards);
    expect(provider.range).to.deep.equal({ preset: '7d' });
    expect(inLast(7).length).to.not.equal(inLast(30).length);
    expect(exact(cards, 'requests')).to.equal(String(inLast(7).length));
  });

  it('renders an accessible page', async () => {
    const { host } = await mount();
    await expect(host).to.be.accessible();
  });

  it('updates React state from the leaderboard and the date range events', async () => {
    const { host, provider, cards, board, picker } = await mount();
    const ranked = new Set(
      inLast(30)
        .map((event) => event.userId)
        .filter(Boolean),
    );
    // tally-data-load: React read the leaderboard's answer.
    expect(output(host, 'ranked')).to.equal(String(ranked.size));
    expect(output(host, 'user')).to.equal('everyone');

    // tally-row-toggle: a real click on Ada's row makes her React's chosen user, and the
    // filters React passes down narrow the cards to her.
    await click($(board, '[data-user="u1"] button.expand'));
    await waitUntil(() => output(host, 'user') !== 'everyone', 'React heard tally-row-toggle');
    await settle(provider, cards, board);
    expect(output(host, 'user')).to.equal('Ada Lovelace');
    expect(cards.filters).to.deep.equal({ users: ['u1'] });
    expect(exact(cards, 'requests')).to.equal(String(inLast(30, 'u1').length));
    expect(exact(cards, 'activeUsers')).to.equal('1');

    // tally-range-change: a preset picked in the element's own menu becomes React's range.
    await click($(picker, '[part="trigger"]'));
    await picker.updateComplete;
    await click($(picker, '[data-preset="7d"]'));
    await waitUntil(
      () => output(host, 'range') !== 'last 30 days',
      'React heard tally-range-change',
    );
    await settle(provider, cards, board);
    expect(output(host, 'range')).to.equal('last 7 days');
    expect(exact(cards, 'requests')).to.equal(String(inLast(7, 'u1').length));

    // React's "Show everyone" clears its state, and the cards follow.
    await click(host.querySelector('.state button') as HTMLElement);
    await waitUntil(() => output(host, 'user') === 'everyone', 'React cleared the user');
    await settle(provider, cards);
    expect(exact(cards, 'requests')).to.equal(String(inLast(7).length));
  });
});
