import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, click, textOf } from '../__test-support__/interact.js';
import {
  analyticsServer,
  costOf,
  expectConformanceCovers,
  expectEveryBlockAnswered,
  expectServerAnswersAsScoped,
  inLastDays,
  recordingSource,
  type AnalyticsEvent,
} from '../__test-support__/analytics-server.js';
import type { DataSource } from '../data/data-source.js';
import { Formatter } from '../format/formatter.js';
import { blocksOf, settle } from '../usage-tab/__fixtures__/settle.js';
import './agent-analytics.js';
import type { TallyAgentAnalytics } from './agent-analytics.js';

// The agent analytics page over HTTP against the real server (a DuckDB file, 127.0.0.1): the
// test server's analytics tenant holds events of the last 5 days, so the page shows 7 days.

const format = new Formatter('en-US', 'UTC');
const RANGE = { preset: '7d' as const };
/** Every view the page asks for. */
const VIEWS = [
  'breakdown',
  'budget',
  'comparison',
  'health',
  'patterns',
  'sessions',
  'stats',
  'timeline',
];

async function mount(source: DataSource): Promise<TallyAgentAnalytics> {
  const page = await fixture<TallyAgentAnalytics>(html`
    <tally-agent-analytics
      .source=${source}
      .range=${RANGE}
      tz="UTC"
      locale="en-US"
    ></tally-agent-analytics>
  `);
  await settle(page);
  return page;
}

function card(page: Element, block: string, stat: string): string {
  const cards = $$(page, 'tally-stat-cards').find(
    (element) => element.getAttribute('heading') === block,
  );
  return textOf($(cards!, `[data-stat="${stat}"] .exact`));
}

const agentsTable = (page: Element) => $(page, 'tally-comparison[selectable]');

/** The agents table as `{ agent: { events, costUsd, errorRate } }` as shown. */
function shownAgents(page: Element): Record<string, Record<string, string>> {
  return Object.fromEntries(
    $$(agentsTable(page), 'tbody tr').map((row) => {
      const cell = (column: string) => textOf(row.querySelector(`[data-column="${column}"]`)!);
      return [
        row.getAttribute('data-value') ?? '',
        { events: cell('events'), costUsd: cell('costUsd'), errorRate: cell('errorRate') },
      ];
    }),
  );
}

/** The same table computed from the ingested events. */
function expectedAgents(events: readonly AnalyticsEvent[]): Record<string, Record<string, string>> {
  const agents = [...new Set(events.flatMap((event) => event.agent ?? []))];
  return Object.fromEntries(
    agents.map((agent) => {
      const mine = events.filter((event) => event.agent === agent);
      const errors = mine.filter((event) => event.status === 'error').length;
      const rated = mine.filter((event) => event.status !== undefined).length;
      return [
        agent,
        {
          events: format.number(mine.length, 0),
          costUsd: format.usd(costOf(mine)),
          errorRate: format.percent(errors / rated),
        },
      ];
    }),
  );
}

function expectOverview(page: Element, events: readonly AnalyticsEvent[]): void {
  expect(card(page, 'Overview', 'requests')).to.equal(format.number(events.length));
  expect(card(page, 'Overview', 'activeUsers')).to.equal(
    format.number(new Set(events.flatMap((event) => event.userId ?? [])).size),
  );
  expect(card(page, 'Overview', 'costUsd')).to.equal(format.usd(costOf(events)));
  expect(card(page, 'Prompt and completion tokens', 'inputTokens')).to.equal(
    format.number(events.reduce((sum, event) => sum + (event.tokens?.input ?? 0), 0)),
  );
}

describe('<tally-agent-analytics> over HTTP on the Tally server', () => {
  it('answers every section with the numbers of the ingested events', async () => {
    const server = await analyticsServer();
    const source = recordingSource(server, server.adminToken);
    const page = await mount(source);
    expectEveryBlockAnswered(page);
    expect([...new Set(source.requests.map((request) => request.view))].sort()).to.deep.equal(
      VIEWS,
    );
    const events = inLastDays(server.events, 7);
    expect(events.length).to.equal(server.events.length);
    expectOverview(page, events);
    expect(shownAgents(page)).to.deep.equal(expectedAgents(events));
  });

  it('renders from the endpoint and token attributes alone', async () => {
    const server = await analyticsServer();
    const page = await fixture<TallyAgentAnalytics>(html`
      <tally-agent-analytics
        endpoint=${server.url}
        token=${server.adminToken}
        .range=${RANGE}
        tz="UTC"
        locale="en-US"
      ></tally-agent-analytics>
    `);
    await settle(page);
    expectEveryBlockAnswered(page);
    expectOverview(page, inLastDays(server.events, 7));
  });

  it('shows a member token only its own events', async () => {
    const server = await analyticsServer('u-ben');
    const page = await mount(recordingSource(server, server.memberToken ?? ''));
    expectEveryBlockAnswered(page, true);
    const own = inLastDays(server.events, 7).filter((event) => event.userId === 'u-ben');
    expect(own.length).to.be.greaterThan(10);
    expectOverview(page, own);
    expect(shownAgents(page)).to.deep.equal(expectedAgents(own));
  });

  it('sends the agent filter to the server when an agent is picked, and narrows every section', async () => {
    const server = await analyticsServer();
    const source = recordingSource(server, server.adminToken);
    const page = await mount(source);
    source.clear();
    await click($(agentsTable(page), 'tr[data-value="research-agent"] [part="pick-button"]'));
    await settle(page);
    expectEveryBlockAnswered(page);
    // Every block asked again, each with the agent filter.
    expect(source.requests.length).to.be.at.least(blocksOf(page).length - 1);
    for (const request of source.requests) {
      expect(request.params.filters?.agent, request.view).to.equal('research-agent');
    }
    const mine = inLastDays(server.events, 7).filter((event) => event.agent === 'research-agent');
    expectOverview(page, mine);
    expect(shownAgents(page)).to.deep.equal(expectedAgents(mine));

    source.clear();
    await click($(page, '[part="show-all-button"]'));
    await settle(page);
    for (const request of source.requests)
      expect(request.params.filters?.agent).to.equal(undefined);
    expectOverview(page, inLastDays(server.events, 7));
  });

  it('asks only views the server answers, and scopes each to a member', async () => {
    const server = await analyticsServer();
    const member = await analyticsServer('u-ben');
    const source = recordingSource(server, server.adminToken);
    const page = await mount(source);
    await click($(agentsTable(page), 'tr[data-value="support-bot"] [part="pick-button"]'));
    await settle(page);
    await expectConformanceCovers('agent-analytics', source.requests);
    await expectServerAnswersAsScoped(server, member, 'u-ben', source.requests);
  });
});
