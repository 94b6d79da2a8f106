import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, textOf } from '../__test-support__/interact.js';
import {
  analyticsServer,
  creditsOf,
  expectConformanceCovers,
  expectEveryBlockAnswered,
  expectServerAnswersAsScoped,
  inLastDays,
  recordingSource,
  type AnalyticsEvent,
  type AnalyticsServer,
} from '../__test-support__/analytics-server.js';
import type { DataSource } from '../data/data-source.js';
import { Formatter } from '../format/formatter.js';
import { settle } from '../usage-tab/__fixtures__/settle.js';
import './credit-analytics.js';
import type { TallyCreditAnalytics } from './credit-analytics.js';

// The credits and models page over HTTP against the real server (a DuckDB file, 127.0.0.1), at
// its default range of 30 days; the analytics tenant's events are all in the last 5 days.

const format = new Formatter('en-US', 'UTC');
/** Every view the page asks for. */
const VIEWS = [
  'breakdown',
  'budget',
  'comparison',
  'credit-report',
  'patterns',
  'recommendations',
  'timeline',
];

async function mount(source: DataSource): Promise<TallyCreditAnalytics> {
  const page = await fixture<TallyCreditAnalytics>(html`
    <tally-credit-analytics .source=${source} tz="UTC" locale="en-US"></tally-credit-analytics>
  `);
  await settle(page);
  return page;
}

/** The models table as shown: `{ model: { events, credits } }`. */
function shownModels(page: Element): Record<string, Record<string, string>> {
  return Object.fromEntries(
    $$($(page, 'tally-comparison'), 'tbody tr[part="row"]').map((row) => {
      const cell = (column: string) => textOf(row.querySelector(`[data-column="${column}"]`)!);
      return [
        row.getAttribute('data-value') ?? '',
        { events: cell('events'), credits: cell('credits') },
      ];
    }),
  );
}

function expectedModels(
  server: AnalyticsServer,
  events: readonly AnalyticsEvent[],
): Record<string, Record<string, string>> {
  const models = [...new Set(events.flatMap((event) => event.model ?? []))];
  return Object.fromEntries(
    models.map((model) => {
      const mine = events.filter((event) => event.model === model);
      return [
        model,
        { events: format.number(mine.length, 0), credits: format.number(creditsOf(server, mine)) },
      ];
    }),
  );
}

/** A breakdown's rows as shown: `{ key: value }`. */
function breakdown(page: Element, heading: string): Record<string, string> {
  const block = $$(page, 'tally-breakdown').find(
    (element) => element.getAttribute('heading') === heading,
  )!;
  return Object.fromEntries(
    $$(block, '[part="item"]').map((row) => [
      row.getAttribute('data-key') ?? '',
      textOf(row.querySelector('.value')!),
    ]),
  );
}

function expectedByName(server: AnalyticsServer, events: readonly AnalyticsEvent[]) {
  const names = [...new Set(events.map((event) => event.name))];
  const credits = names
    .map((name) => ({
      name,
      credits: creditsOf(
        server,
        events.filter((e) => e.name === name),
      ),
    }))
    .sort((a, b) => b.credits - a.credits || a.name.localeCompare(b.name));
  return Object.fromEntries(
    credits.map(({ name, credits: value }) => [name, format.number(value)]),
  );
}

describe('<tally-credit-analytics> over HTTP on the Tally server', () => {
  it('answers every section with the credits of the ingested events', async () => {
    const server = await analyticsServer();
    const source = recordingSource(server, server.adminToken);
    const page = await mount(source);
    expectEveryBlockAnswered(page);
    expect([...new Set(source.requests.map((request) => request.view))].sort()).to.deep.equal(
      VIEWS,
    );
    const events = inLastDays(server.events, 30);
    expect(events.length).to.equal(server.events.length);
    expect(shownModels(page)).to.deep.equal(expectedModels(server, events));
    expect(breakdown(page, 'Credits by event name')).to.deep.equal(expectedByName(server, events));
  });

  it('renders from the endpoint and token attributes alone', async () => {
    const server = await analyticsServer();
    const page = await fixture<TallyCreditAnalytics>(html`
      <tally-credit-analytics
        endpoint=${server.url}
        token=${server.adminToken}
        tz="UTC"
        locale="en-US"
      ></tally-credit-analytics>
    `);
    await settle(page);
    expectEveryBlockAnswered(page);
    expect(shownModels(page)).to.deep.equal(expectedModels(server, inLastDays(server.events, 30)));
  });

  it('shows a member token only its own credits', async () => {
    const server = await analyticsServer('u-dia');
    const page = await mount(recordingSource(server, server.memberToken ?? ''));
    expectEveryBlockAnswered(page, true);
    const own = inLastDays(server.events, 30).filter((event) => event.userId === 'u-dia');
    expect(own.length).to.be.greaterThan(10);
    expect(shownModels(page)).to.deep.equal(expectedModels(server, own));
    expect(breakdown(page, 'Credits by event name')).to.deep.equal(expectedByName(server, own));
    expect(Object.keys(breakdown(page, 'Credits by user'))).to.deep.equal(['u-dia']);
  });

  it('asks only views the server answers, and scopes each to a member', async () => {
    const server = await analyticsServer();
    const member = await analyticsServer('u-dia');
    const source = recordingSource(server, server.adminToken);
    await mount(source);
    await expectConformanceCovers('credit-analytics', source.requests);
    await expectServerAnswersAsScoped(server, member, 'u-dia', source.requests);
  });
});
