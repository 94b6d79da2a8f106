import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { $, $$, click, textOf } from '../__test-support__/interact.js';
import type { DataSource } from '../data/data-source.js';
import type { TallyExportFinishEvent } from '../events/tally-events.js';
import '../provider/provider.js';
import type { TallyProvider } from '../provider/provider.js';
import type { TallyTable } from '../table/table.js';
import type { TallyTimeline } from '../timeline/timeline.js';
import { parseCsv } from '../usage-tab/__fixtures__/parse-csv.js';
import { deepElements, settle } from '../usage-tab/__fixtures__/settle.js';
import {
  botRecords,
  botSource,
  HOSTILE_CITY,
  NOW,
  recordsInLast,
  storedBotEvents,
  type BotRecord,
} from './__fixtures__/bot-events.js';
import './bot-analytics.js';
import type { TallyBotAnalytics } from './bot-analytics.js';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const dateTime = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'UTC',
});

async function mount(
  options: { source?: DataSource; theme?: string; agent?: string } = {},
): Promise<TallyBotAnalytics> {
  const page = await fixture<TallyBotAnalytics>(html`
    <tally-bot-analytics
      .source=${options.source ?? botSource()}
      tz="UTC"
      locale="en-US"
      theme=${options.theme ?? 'light'}
      agent=${options.agent ?? ''}
      .now=${NOW}
    ></tally-bot-analytics>
  `);
  for (const table of $$<TallyTable>(page, 'tally-table')) table.save = () => undefined;
  await settle(page);
  return page;
}

/** The nine figures of the stat cards, computed without core. */
function figures(records: readonly BotRecord[]) {
  const events = records.map((record) => record.event);
  const tokens = (key: 'input' | 'output') =>
    events.reduce((total, event) => total + (event.tokens?.[key] ?? 0), 0);
  return {
    requests: events.length,
    uniqueIps: new Set(records.map((record) => record.server.ip)).size,
    uniqueConversations: new Set(events.map((event) => event.conversationId)).size,
    lastRequest: Math.max(...events.map((event) => Number(event.timestamp))),
    inputTokens: tokens('input'),
    outputTokens: tokens('output'),
    totalTokens: tokens('input') + tokens('output'),
    positiveFeedback: events.filter((event) => event.feedback === 1).length,
    negativeFeedback: events.filter((event) => event.feedback === -1).length,
  };
}

function card(page: TallyBotAnalytics, stat: string): string {
  return textOf($($(page, 'tally-stat-cards'), `[data-stat="${stat}"] .exact`));
}

function tableOf(page: TallyBotAnalytics, kind: 'requests' | 'tokens'): TallyTable {
  return $<TallyTable>(page, `tally-table[kind="${kind}"]`);
}

function countsBy(
  records: readonly BotRecord[],
  key: (record: BotRecord) => string,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) counts.set(key(record), (counts.get(key(record)) ?? 0) + 1);
  return counts;
}

async function chooseFilter(
  page: TallyBotAnalytics,
  table: TallyTable,
  column: string,
  value: string,
) {
  const field = $(table, `[data-filter="${column}"]`) as HTMLSelectElement | HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new Event('change'));
  await settle(page);
}

async function exportTable(page: TallyBotAnalytics, table: TallyTable, format: 'csv' | 'json') {
  const finished = oneEvent(page, 'tally-export-finish') as Promise<TallyExportFinishEvent>;
  await click($(table, '[part="export-button"]'));
  await table.updateComplete;
  await click($(table, `[data-format="${format}"]`));
  return (await finished).blob.text();
}

describe('<tally-bot-analytics>', () => {
  // A desktop window: the pages lay out as on a settings page, and nothing shifts under a click.
  before(() => setViewport({ width: 1280, height: 900 }));

  it('shows the nine stat cards of the last 7 days', async () => {
    const page = await mount();
    expect(textOf($($(page, 'tally-date-range'), '[part="trigger"]'))).to.contain('Last 7 days');
    const expected = figures(recordsInLast(botRecords(), 7));
    expect(
      $$($(page, 'tally-stat-cards'), '[part="card"]').map((element) => element.dataset.stat),
    ).to.deep.equal([
      'requests',
      'uniqueIps',
      'uniqueConversations',
      'lastRequest',
      'inputTokens',
      'outputTokens',
      'totalTokens',
      'positiveFeedback',
      'negativeFeedback',
    ]);
    for (const key of [
      'requests',
      'uniqueIps',
      'uniqueConversations',
      'inputTokens',
      'outputTokens',
      'totalTokens',
      'positiveFeedback',
      'negativeFeedback',
    ] as const) {
      expect(card(page, key), key).to.equal(number.format(expected[key]));
    }
    expect(expected.requests).to.be.above(50);
    expect(card(page, 'lastRequest')).to.equal(dateTime.format(expected.lastRequest));
    const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
    const shown = textOf(
      $($(page, 'tally-stat-cards'), '[data-stat="lastRequest"] .value [aria-hidden]'),
    );
    const minutes = Math.round((expected.lastRequest - NOW) / 60_000);
    expect([
      relative.format(minutes, 'minute'),
      relative.format(Math.round(minutes / 60), 'hour'),
    ]).to.include(shown);
  });

  it('charts requests over time and the top endpoints and countries', async () => {
    const page = await mount();
    const records = recordsInLast(botRecords(), 7);
    const timeline = $<TallyTimeline>(page, 'tally-timeline');
    expect(textOf($(timeline, '[part="interval"]'))).to.equal('Interval: 4h');
    const bucketTotals = $$(timeline, '[part="data-table"] tbody td.num').map((cell) =>
      Number(textOf(cell).replace(/,/g, '')),
    );
    expect(bucketTotals).to.have.length(42);
    expect(bucketTotals.reduce((total, value) => total + value, 0)).to.equal(records.length);

    const [endpoints, countries] = $$(page, 'tally-breakdown');
    expect(textOf($(endpoints, '[part="title"]'))).to.equal('Top endpoints');
    const listed = (element: Element) =>
      $$(element, '[part="item"]').map((row) => [
        row.dataset.key,
        textOf(row.querySelector('.value') as Element),
      ]);
    const byEndpoint = [...countsBy(records, (record) => record.event.endpoint as string)].sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    );
    expect(listed(endpoints)).to.deep.equal(
      byEndpoint.map(([key, count]) => [key, number.format(count)]),
    );

    const byCountry = [...countsBy(records, (record) => record.server.country)].sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    );
    expect(byCountry.length).to.be.above(5);
    const rest = byCountry.slice(5).reduce((total, [, count]) => total + count, 0);
    expect(listed(countries)).to.deep.equal([
      ...byCountry.slice(0, 5).map(([key, count]) => [key, number.format(count)]),
      ['other', number.format(rest)],
    ]);
  });

  it('filters the requests by endpoint, country and IP, and exports every matching row', async () => {
    const page = await mount();
    const table = tableOf(page, 'requests');
    expect($$(table, 'thead th').map((th) => textOf(th).replace(/[▲▼↕]/g, ''))).to.deep.equal([
      'Time',
      'Endpoint',
      'IP',
      'Country',
      'Region',
      'City',
      'Browser',
    ]);
    const records = recordsInLast(botRecords(), 7);
    expect(textOf($(table, '[part="pagination"] span'))).to.equal(
      `1–10 of ${number.format(records.length)}`,
    );

    await chooseFilter(page, table, 'endpoint', '/api/chat');
    const chat = records.filter((record) => record.event.endpoint === '/api/chat');
    expect(chat.length).to.be.above(10);
    expect(textOf($(table, '[part="pagination"] span'))).to.equal(`1–10 of ${chat.length}`);

    const [header, ...rows] = parseCsv(await exportTable(page, table, 'csv'));
    expect(header).to.include.members([
      'Time',
      'ID',
      'Endpoint',
      'IP',
      'Country',
      'City',
      'Browser',
    ]);
    expect(rows.map((row) => row[header.indexOf('ID')])).to.have.members(
      chat.map((record) => record.event.id),
    );
    expect(rows.every((row) => row[header.indexOf('Endpoint')] === '/api/chat')).to.equal(true);

    await chooseFilter(page, table, 'country', 'DE');
    const german = chat.filter((record) => record.server.country === 'DE');
    expect(textOf($(table, '[part="pagination"] span'))).to.contain(`of ${german.length}`);
    const ip = german[0].server.ip;
    await chooseFilter(page, table, 'ip', ip);
    const one = german.filter((record) => record.server.ip === ip);
    expect(textOf($(table, '[part="pagination"] span'))).to.equal(
      `1–${one.length} of ${one.length}`,
    );
    expect($$(table, 'tbody tr').map((row) => textOf(row.querySelectorAll('td')[2]))).to.deep.equal(
      one.map(() => ip),
    );
  });

  it('filters the token usages by source and exports them as JSON', async () => {
    const page = await mount();
    const table = tableOf(page, 'tokens');
    expect($$(table, 'thead th').map((th) => textOf(th).replace(/[▲▼↕]/g, ''))).to.deep.equal([
      'Time',
      'Source',
      'Input',
      'Output',
      'Total',
    ]);
    const usage = recordsInLast(botRecords(), 7).filter(
      (record) => record.event.tokens !== undefined,
    );
    expect(textOf($(table, '[part="pagination"] span'))).to.equal(`1–10 of ${usage.length}`);
    const select = $(table, 'select[data-filter="source"]') as HTMLSelectElement;
    expect([...select.options].map((option) => option.value)).to.include.members([
      '',
      'chat',
      'fs_chat',
      'responses',
      'ticket_summary',
    ]);
    await chooseFilter(page, table, 'source', 'fs_chat');
    const support = usage.filter((record) => record.event.source === 'fs_chat');
    expect(textOf($(table, '[part="pagination"] span'))).to.contain(`of ${support.length}`);
    const exported = JSON.parse(await exportTable(page, table, 'json')) as Record<
      string,
      unknown
    >[];
    expect(exported.map((row) => row.id)).to.have.members(support.map((record) => record.event.id));
    const byId = new Map(support.map((record) => [record.event.id, record.event]));
    for (const row of exported) {
      const tokens = byId.get(row.id as string)?.tokens;
      expect(row.source).to.equal('fs_chat');
      expect(row.total).to.equal((tokens?.input ?? 0) + (tokens?.output ?? 0));
    }
  });

  it('updates every block when the range changes', async () => {
    const page = await mount();
    const picker = $(page, 'tally-date-range');
    await click($(picker, '[part="trigger"]'));
    await (picker as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await click($(picker, '[data-preset="30d"]'));
    await settle(page);
    expect(page.range).to.deep.equal({ preset: '30d' });
    const records = recordsInLast(botRecords(), 30);
    expect(card(page, 'requests')).to.equal(number.format(records.length));
    expect(textOf($(tableOf(page, 'requests'), '[part="pagination"] span'))).to.equal(
      `1–10 of ${records.length}`,
    );
    expect(textOf($($(page, 'tally-timeline'), '[part="interval"]'))).to.equal('Interval: 12h');
  });

  it('fetches everything again on Refresh', async () => {
    const inner = botSource();
    // Without `subscribe`, new events show only when the page asks again.
    const source: DataSource = {
      query: (view, params, options) => inner.query(view, params, options),
      export: (view, params, format, options) => inner.export(view, params, format, options),
    };
    const page = await mount({ source });
    const before = recordsInLast(botRecords(), 7);
    expect(card(page, 'requests')).to.equal(number.format(before.length));
    const extra = botRecords(40, 99).map((record) => ({
      ...record,
      event: { ...record.event, timestamp: NOW - 3_600_000 },
    }));
    inner.appendStored(storedBotEvents(extra));
    await settle(page);
    expect(card(page, 'requests')).to.equal(number.format(before.length));
    await click($(page, '[part="refresh-button"]'));
    await settle(page);
    expect(card(page, 'requests')).to.equal(number.format(before.length + extra.length));
    expect(textOf($(tableOf(page, 'requests'), '[part="pagination"] span'))).to.equal(
      `1–10 of ${before.length + extra.length}`,
    );
  });

  it('shows one bot when given its agent', async () => {
    const page = await mount({ agent: 'sales-bot' });
    const records = recordsInLast(botRecords(), 7).filter(
      (record) => record.event.agent === 'sales-bot',
    );
    expect(records.length).to.be.above(0);
    expect(card(page, 'requests')).to.equal(number.format(records.length));
    expect(textOf($(tableOf(page, 'requests'), '[part="pagination"] span'))).to.contain(
      `of ${records.length}`,
    );
  });

  it('renders hostile values as text', async () => {
    const page = await mount();
    const table = tableOf(page, 'requests');
    await chooseFilter(page, table, 'country', 'GB');
    const cities = $$(table, 'tbody tr').map((row) => textOf(row.querySelectorAll('td')[5]));
    expect(cities.length).to.be.above(0);
    expect(cities.every((city) => city === HOSTILE_CITY)).to.equal(true);
    expect(deepElements(page).filter((element) => element.localName === 'img')).to.deep.equal([]);
  });

  it('follows a surrounding provider’s range', async () => {
    const provider = await fixture<TallyProvider>(html`
      <tally-provider .source=${botSource()} tz="UTC" locale="en-US" range="30d">
        <tally-bot-analytics .now=${NOW}></tally-bot-analytics>
      </tally-provider>
    `);
    const page = provider.querySelector('tally-bot-analytics') as TallyBotAnalytics;
    await settle(page);
    expect(card(page, 'requests')).to.equal(number.format(recordsInLast(botRecords(), 30).length));
  });

  it('is accessible in the light and dark themes', async () => {
    for (const theme of ['light', 'dark']) {
      const page = await mount({ theme });
      expect(page.dataset.tallyTheme).to.equal(theme);
      await expect(page).to.be.accessible();
    }
  });
});
