import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { TallyEvent } from '@tally/core';
import {
  $,
  $$,
  click,
  failingSource,
  pendingSource,
  textOf,
} from '../__test-support__/interact.js';
import type { DataSource } from '../data/data-source.js';
import { LocalSource } from '../data/local-source.js';
import type { TallyExportFinishEvent } from '../events/tally-events.js';
import type { TallyLeaderboard } from '../leaderboard/leaderboard.js';
import '../provider/provider.js';
import type { TallyProvider } from '../provider/provider.js';
import type { TallyTable } from '../table/table.js';
import { parseCsv } from './__fixtures__/parse-csv.js';
import { deepElements, settle } from './__fixtures__/settle.js';
import {
  creditsOf,
  eventsBetween,
  FEATURES,
  HOSTILE_NAMES,
  lastDays,
  NOW,
  SETTINGS,
  usageRoster,
  usageSource,
} from './__fixtures__/usage-events.js';
import type { TallyTabChangeEvent } from './tab-change-event.js';
import './usage-tab.js';
import type { TallyUsageTab } from './usage-tab.js';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

interface Expected {
  userId: string;
  total: number;
  credits: number;
  rank: number;
  byName: Map<string, number>;
}

/** The ranking of the users' events in `range`, computed without core. */
function ranking(
  range: { from: number; to: number },
  keep: (userId: string) => boolean = () => true,
): Expected[] {
  const users = new Map<string, Expected>();
  for (const event of eventsBetween(range)) {
    if (event.actor === 'system' || event.userId === undefined || !keep(event.userId)) continue;
    const row = users.get(event.userId) ?? {
      userId: event.userId,
      total: 0,
      credits: 0,
      rank: 0,
      byName: new Map(),
    };
    row.total += 1;
    row.credits += creditsOf(event);
    row.byName.set(event.name, (row.byName.get(event.name) ?? 0) + 1);
    users.set(event.userId, row);
  }
  const rows = [...users.values()].sort(
    (a, b) => b.total - a.total || (a.userId < b.userId ? -1 : 1),
  );
  rows.forEach((row, index) => {
    row.rank = index > 0 && rows[index - 1].total === row.total ? rows[index - 1].rank : index + 1;
  });
  return rows;
}

function sum(events: readonly TallyEvent[], value: (event: TallyEvent) => number): number {
  return events.reduce((total, event) => total + value(event), 0);
}

async function mount(
  options: { source?: DataSource; theme?: string } = {},
): Promise<TallyUsageTab> {
  const page = await fixture<TallyUsageTab>(html`
    <tally-usage-tab
      .source=${options.source ?? usageSource()}
      tz="UTC"
      locale="en-US"
      theme=${options.theme ?? 'light'}
      .now=${NOW}
    ></tally-usage-tab>
  `);
  await settle(page);
  return page;
}

function block<T extends Element = HTMLElement>(page: TallyUsageTab, selector: string): T {
  return $<T>(page, selector);
}

function boardRows(page: TallyUsageTab) {
  const board = block<TallyLeaderboard>(page, 'tally-leaderboard');
  return $$(board, '.rows [role="row"][data-user]').map((row) => ({
    user: row.dataset.user,
    rank: textOf(row.querySelector('.rank') as Element),
    total: textOf(row.querySelector('.total') as Element),
  }));
}

function expectedRows(rows: readonly Expected[]) {
  return rows.map((row) => ({
    user: row.userId,
    rank: String(row.rank),
    total: number.format(row.total),
  }));
}

async function showMetrics(page: TallyUsageTab): Promise<void> {
  await click($(page, '[data-tab="metrics"]'));
  await settle(page);
}

async function chooseRange(page: TallyUsageTab, preset: string): Promise<void> {
  const picker = block(page, 'tally-date-range');
  await click($(picker, '[part="trigger"]'));
  await (picker as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  await click($(picker, `[data-preset="${preset}"]`));
  await settle(page);
}

/** A source scoped to one member, as the server scopes a member's read token. */
function memberSource(inner: LocalSource, userId: string): DataSource {
  const scoped = <T extends { filters?: object }>(params: T): T => ({
    ...params,
    filters: { ...params.filters, users: [userId] },
  });
  return {
    query: (view, params, options) => inner.query(view, scoped(params), options),
    export: (view, params, format, options) => inner.export(view, scoped(params), format, options),
    settings: () => inner.settings(),
  };
}

describe('<tally-usage-tab>', () => {
  // A desktop window: the pages lay out as on a settings page, and nothing shifts under a click.
  before(() => setViewport({ width: 1280, height: 900 }));

  it('opens on the leaderboard, ranking users by their events of the last 30 days', async () => {
    const page = await mount();
    expect($(page, '[data-tab="leaderboard"]').getAttribute('aria-selected')).to.equal('true');
    expect($(page, '#panel-metrics').hidden).to.equal(true);
    const expected = ranking(lastDays(30));
    const shown = boardRows(page);
    expect(shown.length).to.be.above(8);
    expect(shown.slice(0, Math.min(shown.length, expected.length))).to.deep.equal(
      expectedRows(expected).slice(0, Math.min(shown.length, expected.length)),
    );
    const board = block<TallyLeaderboard>(page, 'tally-leaderboard');
    // Every ranked user, not only those drawn, and the idle seat last with no rank.
    expect(
      board.data?.rows.filter((row) => row.rank !== null).map((row) => [row.userId, row.total]),
    ).to.deep.equal(expected.map((row) => [row.userId, row.total]));
    expect(board.data?.rows.at(-1)?.userId).to.equal('u-idle');
    expect(textOf($(block(page, 'tally-date-range'), '[part="trigger"]'))).to.contain(
      'Last 30 days',
    );
  });

  it('switches tabs with the arrow keys, Home and End, announcing each switch', async () => {
    const page = await mount();
    const tabs = $$(page, '[role="tab"]');
    expect($(page, '[role="tablist"]').getAttribute('aria-label')).to.equal('Usage views');
    expect(tabs.map((tab) => tab.getAttribute('tabindex'))).to.deep.equal(['0', '-1']);
    const seen: string[] = [];
    page.addEventListener('tally-tab-change', (event: TallyTabChangeEvent) => seen.push(event.tab));
    tabs[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(page);
    expect(page.tab).to.equal('metrics');
    expect(page.shadowRoot?.activeElement).to.equal(tabs[1]);
    expect(tabs[1].getAttribute('aria-selected')).to.equal('true');
    expect($(page, '#panel-leaderboard').hidden).to.equal(true);
    expect($(page, '#panel-metrics').hidden).to.equal(false);
    expect($(page, '#panel-metrics').getAttribute('aria-labelledby')).to.equal('tab-metrics');
    await sendKeys({ press: 'ArrowRight' });
    await page.updateComplete;
    expect(page.tab).to.equal('leaderboard');
    await sendKeys({ press: 'End' });
    await page.updateComplete;
    expect(page.tab).to.equal('metrics');
    await sendKeys({ press: 'Home' });
    await page.updateComplete;
    expect(page.tab).to.equal('leaderboard');
    await sendKeys({ press: 'ArrowLeft' });
    await page.updateComplete;
    expect(page.tab).to.equal('metrics');
    expect(seen).to.deep.equal(['metrics', 'leaderboard', 'metrics', 'leaderboard', 'metrics']);
    expect(page.getAttribute('tab')).to.equal('metrics');
  });

  it('shows credit usage with the event count, credits by category and the top three users', async () => {
    const page = await mount();
    await showMetrics(page);
    const events = eventsBetween(lastDays(30));
    const cards = block(page, 'tally-stat-cards');
    expect(textOf($(cards, '[data-stat="credits"] .label'))).to.equal('Credits used');
    expect(textOf($(cards, '[data-stat="credits"] .exact'))).to.equal(
      number.format(sum(events, creditsOf)),
    );
    expect(textOf($(cards, '[data-stat="requests"] .exact'))).to.equal(
      number.format(events.length),
    );

    const byCategory = new Map<string, number>();
    for (const event of events) {
      const category = event.category as string;
      byCategory.set(category, (byCategory.get(category) ?? 0) + creditsOf(event));
    }
    const labels = new Map(SETTINGS.categories?.map((category) => [category.id, category.label]));
    const donut = block(page, 'tally-breakdown');
    const shown = $$(donut, '[part="data-table"] tbody tr').map((row) => [
      textOf(row.querySelector('th') as Element),
      textOf(row.querySelector('.value') as Element),
    ]);
    expect(shown).to.have.deep.members(
      [...byCategory].map(([category, credits]) => [labels.get(category), number.format(credits)]),
    );

    const top = ranking(lastDays(30)).slice(0, 3);
    const roster = new Map(usageRoster().map((user) => [user.id, user]));
    const listed = $$(block(page, 'tally-top-users'), 'li').map((item) => ({
      user: item.dataset.user,
      rank: textOf(item.querySelector('.rank') as Element),
      name: textOf(item.querySelector('.name') as Element),
      events: textOf(item.querySelector('.events') as Element),
      credits: textOf(item.querySelector('.credits') as Element),
    }));
    expect(listed).to.deep.equal(
      top.map((row) => ({
        user: row.userId,
        rank: `Rank ${row.rank}`,
        name: roster.get(row.userId)?.name,
        events: `${number.format(row.total)} events`,
        credits: `${number.format(row.credits)} credits`,
      })),
    );
  });

  it('lists every user with a column per feature, sorted by a header clicked', async () => {
    const page = await mount();
    await showMetrics(page);
    const table = block<TallyTable>(page, 'tally-table');
    const expected = ranking(lastDays(30));
    const headers = $$(table, 'thead th').map((th) => textOf(th).replace(/[▲▼↕]/g, ''));
    const names = new Map<string, number>();
    for (const row of expected)
      for (const [name, count] of row.byName) names.set(name, (names.get(name) ?? 0) + count);
    const features = [...names]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([name]) => name);
    expect(headers).to.deep.equal(['Rank', 'User', ...features, 'Total', 'Credits']);
    expect(features).to.have.members(Object.keys(FEATURES));

    const rowOf = (tr: Element) => [...tr.querySelectorAll('td')].map((td) => textOf(td));
    const first = rowOf($$(table, 'tbody tr')[0]);
    const leader = expected[0];
    expect(first[0]).to.equal(String(leader.rank));
    expect(first.slice(2)).to.deep.equal([
      ...features.map((feature) => number.format(leader.byName.get(feature) ?? 0)),
      number.format(leader.total),
      number.format(leader.credits),
    ]);

    const feature = 'doc.slides';
    await click($(table, `[data-column="count:${feature}"]`));
    await settle(page);
    const column = headers.indexOf(feature);
    const counts = $$(table, 'tbody tr').map((tr) => Number(rowOf(tr)[column].replace(/,/g, '')));
    const most = Math.max(...expected.map((row) => row.byName.get(feature) ?? 0));
    expect(counts[0]).to.equal(most);
    expect(counts).to.deep.equal([...counts].sort((a, b) => b - a));
    expect(
      $(table, `[data-column="count:${feature}"]`).closest('th')?.getAttribute('aria-sort'),
    ).to.equal('descending');
  });

  it('downloads every user as CSV, not only the page shown, with names kept as text', async () => {
    const page = await mount();
    await showMetrics(page);
    const table = block<TallyTable>(page, 'tally-table');
    const saved: { blob: Blob; filename: string }[] = [];
    table.save = (blob, filename) => saved.push({ blob, filename });
    const size = $(table, '.page-size select') as HTMLSelectElement;
    size.value = '10';
    size.dispatchEvent(new Event('change'));
    await settle(page);
    expect($$(table, 'tbody tr')).to.have.length(10);

    expect(textOf($(table, '[part="export-button"]'))).to.equal('Download');
    const finished = oneEvent(page, 'tally-export-finish') as Promise<TallyExportFinishEvent>;
    await click($(table, '[part="export-button"]'));
    await table.updateComplete;
    expect($$(table, '[role="menuitem"]').map((item) => textOf(item))).to.deep.equal([
      'Export CSV',
    ]);
    await click($(table, '[data-format="csv"]'));
    const event = await finished;
    expect(event.format).to.equal('csv');
    expect(saved.map((file) => file.filename)).to.deep.equal([event.filename]);

    const [header, ...rows] = parseCsv(await event.blob.text());
    expect(header.slice(0, 4)).to.deep.equal(['Rank', 'User ID', 'Name', 'Email']);
    const expected = ranking(lastDays(30));
    const roster = usageRoster();
    const idle = roster.filter(
      (user) => user.active && !expected.some((row) => row.userId === user.id),
    );
    expect(rows).to.have.length(expected.length + idle.length);
    expect(rows.length).to.be.above(10);
    const totalAt = header.indexOf('Total');
    const creditsAt = header.indexOf('Credits');
    for (const row of expected) {
      const line = rows.find((cells) => cells[1] === row.userId);
      expect(line?.[0], row.userId).to.equal(String(row.rank));
      expect(Number(line?.[totalAt]), row.userId).to.equal(row.total);
      expect(Number(line?.[creditsAt]), row.userId).to.be.closeTo(row.credits, 1e-9);
    }
    const nameOf = (userId: string) => rows.find((cells) => cells[1] === userId)?.[2];
    expect(nameOf('u-markup')).to.equal(HOSTILE_NAMES.markup);
    // A spreadsheet must not run the name as a formula.
    expect(nameOf('u-formula')).to.equal(`'${HOSTILE_NAMES.formula}`);
  });

  it('updates both tabs when the range changes', async () => {
    const page = await mount();
    const ranges: unknown[] = [];
    page.addEventListener('tally-range-change', (event) => ranges.push(event.range));
    await chooseRange(page, '90d');
    expect(ranges).to.deep.equal([{ preset: '90d' }]);
    expect(page.range).to.deep.equal({ preset: '90d' });
    const expected = ranking(lastDays(90));
    expect(expected.map((row) => row.total)).not.to.deep.equal(
      ranking(lastDays(30)).map((row) => row.total),
    );
    const board = block<TallyLeaderboard>(page, 'tally-leaderboard');
    expect(
      board.data?.rows.filter((row) => row.rank !== null).map((row) => [row.userId, row.total]),
    ).to.deep.equal(expected.map((row) => [row.userId, row.total]));
    expect(boardRows(page).slice(0, 5)).to.deep.equal(expectedRows(expected).slice(0, 5));
    await showMetrics(page);
    const events = eventsBetween(lastDays(90));
    expect(textOf($(block(page, 'tally-stat-cards'), '[data-stat="requests"] .exact'))).to.equal(
      number.format(events.length),
    );
    await chooseRange(page, '180d');
    expect(textOf($(block(page, 'tally-stat-cards'), '[data-stat="requests"] .exact'))).to.equal(
      number.format(eventsBetween(lastDays(180)).length),
    );
  });

  it('narrows both tabs to the users found by the search or chosen in the user filter', async () => {
    const page = await mount();
    const search = block(page, 'tally-search');
    $(search, 'input').focus();
    await sendKeys({ type: 'hopper' });
    await sendKeys({ press: 'Enter' });
    await settle(page);
    const roster = usageRoster();
    const found = new Set(
      roster
        .filter((user) => `${user.name} ${user.email}`.toLowerCase().includes('hopper'))
        .map((user) => user.id),
    );
    expect(found.size).to.be.above(0);
    const shown = boardRows(page);
    expect(shown.map((row) => row.user)).to.have.members([...found]);
    expect(shown.filter((row) => row.rank !== '—')).to.deep.equal(
      expectedRows(ranking(lastDays(30), (id) => found.has(id))),
    );
    await showMetrics(page);
    expect($$(block(page, 'tally-table'), 'tbody tr')).to.have.length(found.size);

    // Clear the search, then pick two users.
    $(search, 'input').focus();
    for (const _letter of 'hopper') await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Enter' });
    await settle(page);
    const filter = block(page, 'tally-user-filter');
    await click($(filter, '[part="trigger"]'));
    await settle(page);
    for (const userId of ['u02', 'u07']) {
      await click($(filter, `input[data-user="${userId}"]`));
      await settle(page);
    }
    expect(page.filters).to.deep.include({ users: ['u02', 'u07'] });
    const chosen = ranking(lastDays(30), (id) => id === 'u02' || id === 'u07');
    const table = block<TallyTable>(page, 'tally-table');
    expect($$(table, 'tbody tr').map((tr) => textOf(tr.querySelectorAll('td')[0]))).to.deep.equal(
      chosen.map((row) => String(row.rank)),
    );
    expect(textOf($(block(page, 'tally-stat-cards'), '[data-stat="requests"] .exact'))).to.equal(
      number.format(chosen.reduce((total, row) => total + row.total, 0)),
    );
  });

  it('renders hostile user names as text on both tabs', async () => {
    const page = await mount();
    await showMetrics(page);
    const everything = deepElements(page);
    expect(
      everything.filter((element) => ['img', 'script'].includes(element.localName)),
    ).to.deep.equal([]);
    expect((window as unknown as { hacked?: boolean }).hacked).to.equal(undefined);
    const texts = everything.map((element) => element.textContent ?? '');
    expect(texts.some((text) => text.includes(HOSTILE_NAMES.markup))).to.equal(true);
    expect(texts.some((text) => text.includes(HOSTILE_NAMES.script))).to.equal(true);
    const table = block<TallyTable>(page, 'tally-table');
    expect(
      $$(table, 'tbody td .user-cell').some((cell) =>
        cell.textContent?.includes(HOSTILE_NAMES.formula),
      ),
    ).to.equal(true);
  });

  it('shows a member only their own figures when the source is scoped to them', async () => {
    const page = await mount({ source: memberSource(usageSource(), 'u05') });
    const own = ranking(lastDays(30), (id) => id === 'u05');
    expect(own).to.have.length(1);
    expect(boardRows(page)).to.deep.equal([
      { user: 'u05', rank: '1', total: number.format(own[0].total) },
    ]);
    await showMetrics(page);
    expect($$(block(page, 'tally-top-users'), 'li').map((item) => item.dataset.user)).to.deep.equal(
      ['u05'],
    );
    expect($$(block(page, 'tally-table'), 'tbody tr')).to.have.length(1);
    const mine = eventsBetween(lastDays(30)).filter((event) => event.userId === 'u05');
    expect(textOf($(block(page, 'tally-stat-cards'), '[data-stat="credits"] .exact'))).to.equal(
      number.format(sum(mine, creditsOf)),
    );
  });

  it('follows a surrounding provider and hands it the range chosen in the page', async () => {
    const provider = await fixture<TallyProvider>(html`
      <tally-provider .source=${usageSource()} tz="UTC" locale="en-US" theme="light" range="90d">
        <tally-usage-tab .now=${NOW}></tally-usage-tab>
      </tally-provider>
    `);
    const page = provider.querySelector('tally-usage-tab') as TallyUsageTab;
    await settle(page);
    const board = block<TallyLeaderboard>(page, 'tally-leaderboard');
    expect(board.data?.range.preset).to.equal('90d');
    expect(board.data?.rows[0].total).to.equal(ranking(lastDays(90))[0].total);
    await chooseRange(page, '180d');
    expect(provider.range).to.deep.equal({ preset: '180d' });
    expect(page.range).to.equal(undefined);
    expect(board.data?.rows[0].total).to.equal(ranking(lastDays(180))[0].total);
  });

  it('shows the blocks’ loading, empty and error states', async () => {
    const loading = await fixture<TallyUsageTab>(
      html`<tally-usage-tab .source=${pendingSource()}></tally-usage-tab>`,
    );
    await loading.updateComplete;
    await block<TallyLeaderboard>(loading, 'tally-leaderboard').updateComplete;
    expect($$(block(loading, 'tally-leaderboard'), '[part="skeleton"]')).to.have.length(1);

    const empty = await mount({ source: new LocalSource({ now: () => NOW }) });
    expect(textOf($(block(empty, 'tally-leaderboard'), '[part="empty"]'))).to.contain(
      'No activity',
    );

    const inner = usageSource();
    const source = failingSource(inner);
    const failed = await mount({ source });
    const board = block<TallyLeaderboard>(failed, 'tally-leaderboard');
    expect(textOf($(board, '[part="error"]'))).to.contain('unreachable');
    source.query = inner.query.bind(inner);
    await click($(board, '[part="retry-button"]'));
    await settle(failed);
    expect(board.status).to.equal('ready');
  });

  it('is accessible in the light and dark themes, on both tabs', async () => {
    for (const theme of ['light', 'dark']) {
      const page = await mount({ theme });
      expect(page.dataset.tallyTheme).to.equal(theme);
      await expect(page).to.be.accessible();
      await showMetrics(page);
      await expect(page).to.be.accessible();
    }
  });
});
