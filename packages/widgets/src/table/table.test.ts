import {
  ColumnarEngine,
  createEnricher,
  csvChunks,
  eventRows,
  jsonChunks,
  perUserTable,
  validateEvent,
  type EventTableCell,
  type ExportColumn,
  type PerUserRow,
  type ViewContext,
} from '@tally/core';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../provider/provider.js';
import type { TallyProvider } from '../provider/provider.js';
import type { TallyExportFinishEvent } from '../events/tally-events.js';
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
  ROSTER,
  SETTINGS,
  usageEvents,
  usageSource,
} from '../__test-support__/usage-data.js';
import './table.js';
import type { TallyTable } from './table.js';

const endOfToday = Math.floor(NOW / DAY) * DAY + DAY;

/** Core over the fixture, filled separately from the source under test. */
function coreContext(): ViewContext {
  const engine = new ColumnarEngine();
  const enrich = createEnricher(SETTINGS);
  engine.append(
    usageEvents().map((event) => {
      const result = validateEvent(event);
      if (!result.ok) throw new Error('invalid fixture event');
      return enrich(result.event);
    }),
  );
  engine.setRoster(ROSTER);
  return { engine, now: NOW, settings: SETTINGS };
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

async function mount(
  kind: string,
  extra: { theme?: string; filterColumns?: string; pageSize?: number } = {},
) {
  const provider = await fixture<TallyProvider>(html`
    <tally-provider
      .source=${usageSource()}
      tz="UTC"
      locale="en-US"
      theme=${extra.theme ?? 'light'}
    >
      <tally-table
        kind=${kind}
        filter-columns=${extra.filterColumns ?? ''}
        page-size=${extra.pageSize ?? 10}
        show-columns=${kind === 'requests' ? 'time,endpoint,ip,country,region,city,browser' : ''}
      ></tally-table>
    </tally-provider>
  `);
  const table = provider.querySelector('tally-table') as TallyTable;
  table.save = () => undefined;
  await table.loadComplete;
  return { provider, table };
}

function cells(table: TallyTable, column: number) {
  return $$(table, 'tbody tr').map((row) => textOf(row.querySelectorAll('td')[column]));
}

describe('<tally-table>', () => {
  it('pages through the requests, newest first, with the chosen columns', async () => {
    const { table } = await mount('requests');
    const events = usageEvents().filter(
      (event) => Number(event.timestamp) >= endOfToday - 30 * DAY,
    );
    expect($$(table, 'thead th').map((th) => textOf(th).replace(/[▲▼↕]/g, ''))).to.deep.equal([
      'Time',
      'Endpoint',
      'IP',
      'Country',
      'Region',
      'City',
      'Browser',
    ]);
    expect($$(table, 'tbody tr')).to.have.length(10);
    expect(textOf($(table, '[part="pagination"] span'))).to.equal(`1–10 of ${events.length}`);
    const newest = [...events].sort((a, b) => Number(b.timestamp) - Number(a.timestamp))[0];
    const format = new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZone: 'UTC',
    });
    expect(cells(table, 0)[0]).to.equal(format.format(Number(newest.timestamp)));
    await click($(table, '[data-page="next"]'));
    await table.loadComplete;
    expect(textOf($(table, '[part="pagination"] span'))).to.equal(`11–20 of ${events.length}`);
  });

  it('follows the provider range, back on the first page', async () => {
    const { provider, table } = await mount('requests');
    await click($(table, '[data-page="next"]'));
    await table.loadComplete;
    provider.range = { preset: '7d' };
    await provider.updateComplete;
    await table.loadComplete;
    const week = usageEvents().filter((event) => Number(event.timestamp) >= endOfToday - 7 * DAY);
    expect(textOf($(table, '[part="pagination"] span'))).to.equal(
      `1–${Math.min(10, week.length)} of ${week.length}`,
    );
  });

  it('sorts by a header clicked, and flips on a second click', async () => {
    const { table } = await mount('tokens');
    const column = $$(table, 'thead button').findIndex(
      (button) => button.dataset.column === 'total',
    );
    const totals = () => cells(table, column).map((value) => Number(value.replace(/,/g, '')));
    await click($(table, '[data-column="total"]'));
    await table.loadComplete;
    expect($(table, '[data-column="total"]').closest('th')?.getAttribute('aria-sort')).to.equal(
      'descending',
    );
    const usage = usageEvents().filter(
      (event) => event.tokens !== undefined && Number(event.timestamp) >= endOfToday - 30 * DAY,
    );
    const expected = usage
      .map((event) => (event.tokens?.input ?? 0) + (event.tokens?.output ?? 0))
      .sort((a, b) => b - a);
    expect(totals()).to.deep.equal(expected.slice(0, 10));
    $(table, '[data-column="total"]').focus();
    await sendKeys({ press: 'Enter' });
    await table.loadComplete;
    expect(totals()).to.deep.equal([...expected].reverse().slice(0, 10));
  });

  it('filters rows by a column value chosen above the table', async () => {
    const { table } = await mount('requests', { filterColumns: 'endpoint,country,ip' });
    const select = $(table, 'select[data-filter="endpoint"]') as HTMLSelectElement;
    await waitUntil(() => select.options.length > 1, 'the endpoint filter offers the endpoints');
    expect([...select.options].map((option) => option.value)).to.include('/api/chat');
    select.value = '/api/chat';
    select.dispatchEvent(new Event('change'));
    await table.loadComplete;
    const expected = usageEvents().filter(
      (event) => event.endpoint === '/api/chat' && Number(event.timestamp) >= endOfToday - 30 * DAY,
    ).length;
    expect(textOf($(table, '[part="pagination"] span'))).to.equal(`1–10 of ${expected}`);
    const ip = $(table, 'input[data-filter="ip"]') as HTMLInputElement;
    ip.value = '203.0.113.9';
    ip.dispatchEvent(new Event('change'));
    await table.loadComplete;
    expect(textOf($(table, '[part="empty"]'))).to.contain('No rows match');
    expect($(table, 'select[data-filter="endpoint"]')).to.be.instanceOf(HTMLElement);
  });

  it('exports every matching request, not the page, exactly as core writes it', async () => {
    const { table } = await mount('requests', { filterColumns: 'endpoint' });
    await click($(table, '[data-column="time"]'));
    await table.loadComplete;
    await click($(table, '[part="export-button"]'));
    await table.updateComplete;
    expect(table.shadowRoot?.activeElement?.getAttribute('data-format')).to.equal('csv');
    const finished = oneEvent(table, 'tally-export-finish') as Promise<TallyExportFinishEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await finished;
    expect(event.filename).to.match(/^tally-requests-\d{4}-\d{2}-\d{2}\.csv$/);
    const table30 = await eventRows(coreContext(), {
      preset: 'requests',
      range: { preset: '30d', tz: 'UTC' },
      sort: [{ column: 'time', direction: 'asc' }],
      limit: 'all',
    });
    const columns: ExportColumn<Record<string, EventTableCell>>[] = table30.columns.map(
      (column) => ({
        key: column.key,
        header: column.label,
        ...(column.type === 'time'
          ? { format: (value: unknown) => new Date(value as number).toISOString() }
          : {}),
      }),
    );
    const expected = await text(csvChunks(table30.rows, columns));
    const csv = await event.blob.text();
    expect(csv).to.equal(expected);
    expect(csv.trim().split('\r\n')).to.have.length(table30.total + 1);
    expect(table30.total).to.be.above(10);
  });

  it('exports JSON from the menu chosen with the arrow keys', async () => {
    const { table } = await mount('tokens');
    $(table, '[part="export-button"]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await table.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    expect(table.shadowRoot?.activeElement?.getAttribute('data-format')).to.equal('json');
    const finished = oneEvent(table, 'tally-export-finish') as Promise<TallyExportFinishEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await finished;
    const rows = await eventRows(coreContext(), {
      preset: 'tokens',
      range: { preset: '30d', tz: 'UTC' },
      sort: [{ column: 'time', direction: 'desc' }],
      limit: 'all',
    });
    expect(await event.blob.text()).to.equal(await text(jsonChunks(rows.rows)));
  });

  it('lists every user with a column per category, sortable, downloadable as CSV', async () => {
    const { table } = await mount('per-user', { pageSize: 25 });
    expect(table.shadowRoot?.querySelector('img')).to.equal(null);
    expect(cells(table, 1).map((cell) => cell.split(' ')[0])).to.include('<img');
    expect(cells(table, 1).some((cell) => cell.startsWith(HOSTILE))).to.equal(true);
    await click($(table, '[data-column="count:research"]'));
    await table.loadComplete;
    const research = countBy(
      usageEvents().filter((event) => event.category === 'research' && event.userId !== undefined),
      (event) => event.userId,
    );
    const top = [...research].sort((a, b) => b[1] - a[1])[0];
    expect($$(table, 'tbody tr')[0].querySelectorAll('td')[1].textContent).to.contain(
      ROSTER.find((user) => user.id === top[0])?.name,
    );
    const finished = oneEvent(table, 'tally-export-finish') as Promise<TallyExportFinishEvent>;
    await click($(table, '[part="export-button"]'));
    await table.updateComplete;
    await click($(table, '[data-format="csv"]'));
    const event = await finished;
    const core = await perUserTable(coreContext(), {
      range: { preset: '30d', tz: 'UTC' },
      sort: { by: 'count', key: 'research', direction: 'desc' },
    });
    const columns: ExportColumn<PerUserRow>[] = [
      { key: 'rank', header: 'Rank' },
      { key: 'userId', header: 'User ID' },
      { key: 'name', header: 'Name' },
      { key: 'email', header: 'Email' },
      ...core.keys.map((key) => ({
        key: `count:${key}`,
        header: key,
        format: (_value: unknown, row: PerUserRow) => row.counts[key] ?? 0,
      })),
      { key: 'total', header: 'Total' },
      { key: 'credits', header: 'Credits' },
      { key: 'licensed', header: 'Licensed' },
      { key: 'active', header: 'Active' },
    ];
    expect(await event.blob.text()).to.equal(await text(csvChunks(core.rows, columns)));
  });

  it('shows loading and error states, and reports a failed export', async () => {
    const loading = await fixture<TallyTable>(
      html`<tally-table .source=${pendingSource()}></tally-table>`,
    );
    expect($(loading, '[part="skeleton"]')).to.be.instanceOf(HTMLElement);
    const source = failingSource(usageSource(), 1);
    const failed = await fixture<TallyTable>(
      html`<tally-table .source=${source} tz="UTC"></tally-table>`,
    );
    await failed.loadComplete;
    expect(textOf($(failed, '[role="alert"]'))).to.contain('unreachable');
    await click($(failed, '[part="retry-button"]'));
    await failed.loadComplete;
    expect($$(failed, 'tbody tr').length).to.be.above(0);
    source.export = () => Promise.reject(new Error('disk full'));
    await failed.exportAll('csv');
    await failed.updateComplete;
    expect(textOf($(failed, '.export-error'))).to.equal('Export failed: disk full');
  });

  it('is accessible in the light and dark themes', async () => {
    for (const theme of ['light', 'dark']) {
      const { table } = await mount('requests', { theme, filterColumns: 'endpoint,country,ip' });
      await click($(table, '[part="export-button"]'));
      await table.updateComplete;
      await expect(table).to.be.accessible();
      const perUser = await mount('per-user', { theme });
      await expect(perUser.table).to.be.accessible();
    }
  });
});
