import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LocalSource } from '../data/local-source.js';
import '../provider/provider.js';
import type { TallyProvider } from '../provider/provider.js';
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
  usageSource,
  userEventsInLast,
} from '../__test-support__/usage-data.js';
import './leaderboard.js';
import type { TallyLeaderboard } from './leaderboard.js';

async function mount(source = usageSource(), theme = 'light') {
  const provider = await fixture<TallyProvider>(html`
    <tally-provider .source=${source} tz="UTC" locale="en-US" theme=${theme}>
      <tally-leaderboard></tally-leaderboard>
    </tally-provider>
  `);
  const board = provider.querySelector('tally-leaderboard') as TallyLeaderboard;
  await board.loadComplete;
  return { provider, board };
}

function rowsOf(board: TallyLeaderboard) {
  return $$(board, '.rows [role="row"][data-user]').map((row) => ({
    user: row.dataset.user,
    rank: textOf(row.querySelector('.rank') as Element),
    total: textOf(row.querySelector('.total') as Element),
  }));
}

describe('<tally-leaderboard>', () => {
  it('ranks users by event count, sharing ranks on ties, idle licensed users last', async () => {
    const { board } = await mount();
    const counts = countBy(userEventsInLast(30), (event) => event.userId);
    const ordered = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const ranks = ordered.map(([, total], index) => {
      const first = ordered.findIndex(([, other]) => other === total);
      return String(first === index ? index + 1 : first + 1);
    });
    expect(rowsOf(board)).to.deep.equal([
      ...ordered.map(([user, total], index) => ({
        user,
        rank: ranks[index],
        total: String(total),
      })),
      { user: 'u5', rank: '—', total: '0' },
    ]);
    // u3 and u4 tie.
    expect(ranks.filter((rank) => rank === '3')).to.have.length(2);
  });

  it('keeps automated work apart from the ranking', async () => {
    const { board } = await mount();
    const system = $(board, '[part="system"]');
    expect(textOf(system)).to.contain('Automated');
    expect(textOf(system.querySelector('.total') as Element)).to.equal('3');
    expect(textOf(system)).to.contain('playbooks');
    expect(rowsOf(board).map((row) => row.user)).not.to.include(undefined);
  });

  it('shows a user named with markup as text', async () => {
    const { board } = await mount();
    expect(board.shadowRoot?.querySelector('img')).to.equal(null);
    const names = $$(board, '.name').map((name) => name.textContent?.trim());
    expect(names).to.include(HOSTILE);
  });

  it('expands a row with a click into per-feature counts and a category donut', async () => {
    const { board } = await mount();
    const toggle = $(board, '[data-user="u1"] button.expand');
    let toggled: string | undefined;
    board.addEventListener('tally-row-toggle', (event) => (toggled = event.userId));
    await click(toggle);
    await board.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggled).to.equal('u1');
    const detail = $(board, '[part="detail"]');
    const features = [...detail.querySelectorAll('.features tbody tr')].map((row) => textOf(row));
    const expected = countBy(
      userEventsInLast(30).filter((event) => event.userId === 'u1'),
      (event) => event.name,
    );
    expect(features).to.deep.equal(
      [...expected]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([name, count]) => `${name} ${count}`),
    );
    expect(detail.querySelector('tally-donut')?.shadowRoot?.querySelector('canvas')).not.to.equal(
      null,
    );
    await click(toggle);
    await board.updateComplete;
    expect(board.shadowRoot?.querySelector('[part="detail"]')).to.equal(null);
  });

  it('moves between rows with the arrow keys and toggles with Enter', async () => {
    const { board } = await mount();
    $(board, '[data-user="u1"] button.expand').focus();
    await sendKeys({ press: 'ArrowDown' });
    await board.updateComplete;
    const focused = board.shadowRoot?.activeElement as HTMLElement;
    expect(focused.closest('[data-user]')?.getAttribute('data-user')).to.equal('u2');
    await sendKeys({ press: 'Enter' });
    await board.updateComplete;
    expect(focused.getAttribute('aria-expanded')).to.equal('true');
  });

  it('follows the provider range and search filter', async () => {
    const { provider, board } = await mount();
    provider.range = { preset: '7d' };
    await provider.updateComplete;
    await board.loadComplete;
    const week = countBy(userEventsInLast(7), (event) => event.userId);
    const shown = rowsOf(board).filter((row) => row.total !== '0');
    expect(Object.fromEntries(shown.map((row) => [row.user, Number(row.total)]))).to.deep.equal(
      Object.fromEntries(week),
    );
    provider.filters = { search: 'grace' };
    await provider.updateComplete;
    await board.loadComplete;
    expect(rowsOf(board).map((row) => row.user)).to.deep.equal(['u3']);
  });

  it('shows a skeleton while loading', async () => {
    const board = await fixture<TallyLeaderboard>(
      html`<tally-leaderboard .source=${pendingSource()}></tally-leaderboard>`,
    );
    expect(board.status).to.equal('loading');
    expect($(board, '[part="skeleton"]')).to.be.instanceOf(HTMLElement);
    expect(textOf($(board, '[role="status"]'))).to.contain('Loading');
  });

  it('shows the empty state with a hint for a range without data', async () => {
    const board = await fixture<TallyLeaderboard>(
      html`<tally-leaderboard
        .source=${new LocalSource({ now: () => NOW })}
        range="7d"
      ></tally-leaderboard>`,
    );
    await board.loadComplete;
    expect(textOf($(board, '[part="empty"]'))).to.contain('widen it');
  });

  it('shows an error with a retry that fetches again', async () => {
    const source = failingSource(usageSource(), 1);
    const board = await fixture<TallyLeaderboard>(
      html`<tally-leaderboard .source=${source} tz="UTC"></tally-leaderboard>`,
    );
    await board.loadComplete;
    expect(textOf($(board, '[role="alert"]'))).to.contain('the server is unreachable');
    await click($(board, '[part="retry-button"]'));
    await board.loadComplete;
    expect(source.calls).to.equal(2);
    expect(rowsOf(board)).to.have.length(6);
  });

  it('draws only the visible rows of thousands of users and follows the scroll', async () => {
    const roster = Array.from({ length: 5000 }, (_, index) => ({
      id: `user-${String(index).padStart(5, '0')}`,
      name: `User ${index}`,
      licensed: true,
      active: true,
    }));
    const events = roster.map((user, index) => ({
      id: `b${index}`,
      name: 'chat.message',
      timestamp: NOW - (index % 20) * DAY,
      userId: user.id,
      category: 'chat',
    }));
    const source = new LocalSource({ events, roster, now: () => NOW });
    const board = await fixture<TallyLeaderboard>(
      html`<tally-leaderboard .source=${source} tz="UTC"></tally-leaderboard>`,
    );
    await board.loadComplete;
    expect(board.data?.rows).to.have.length(5000);
    const drawn = rowsOf(board);
    expect(drawn.length).to.be.below(60);
    const viewport = $(board, '.viewport');
    viewport.scrollTop = 52 * 2500;
    viewport.dispatchEvent(new Event('scroll'));
    await board.updateComplete;
    const after = rowsOf(board).map((row) => row.user);
    expect(after).to.include('user-02500');
    expect(after).not.to.include('user-00000');
  });

  it('is accessible in the light and dark themes', async () => {
    for (const theme of ['light', 'dark']) {
      const { board } = await mount(usageSource(), theme);
      expect(board.dataset.tallyTheme).to.equal(theme);
      await click($(board, '[data-user="u1"] button.expand'));
      await board.updateComplete;
      await expect(board).to.be.accessible();
    }
  });
});
