import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, click, textOf } from '../__test-support__/interact.js';
import { Formatter } from '../format/formatter.js';
import { settle } from '../usage-tab/__fixtures__/settle.js';
import { MONTH_NOW, monthSource } from './__fixtures__/agent-month.js';
import './agent-analytics.js';
import type { TallyAgentAnalytics } from './agent-analytics.js';

// Every expected figure below is worked out by hand from the table in `agent-month.ts`; the
// formatter only writes the hand-computed number the way the page does (en-US, UTC).
const format = new Formatter('en-US', 'UTC');

async function mount(theme = 'light'): Promise<TallyAgentAnalytics> {
  const page = await fixture<TallyAgentAnalytics>(html`
    <tally-agent-analytics
      .source=${monthSource()}
      tz="UTC"
      locale="en-US"
      theme=${theme}
      .now=${MONTH_NOW}
    ></tally-agent-analytics>
  `);
  await settle(page);
  return page;
}

function block(page: Element, selector: string, heading?: string): HTMLElement {
  const found = $$(page, selector).find(
    (element) => heading === undefined || element.getAttribute('heading') === heading,
  );
  if (found === undefined) throw new Error(`no ${selector} "${heading}"`);
  return found;
}

function card(page: Element, heading: string, stat: string): string {
  return textOf($(block(page, 'tally-stat-cards', heading), `[data-stat="${stat}"] .exact`));
}

function change(page: Element, heading: string, stat: string): string {
  const text = textOf($(block(page, 'tally-stat-cards', heading), `[data-stat="${stat}"] .change`));
  return text.replace(/^[▲▼■]\s*/, '').replace(/ vs previous period.*$/, '');
}

function cell(element: Element, row: string, column: string): string {
  return textOf($(element, `[data-value="${row}"] [data-column="${column}"]`));
}

function bars(page: Element, heading: string): [string, string, string][] {
  return $$(block(page, 'tally-breakdown', heading), '[part="item"]').map((row) => [
    row.getAttribute('data-key') ?? '',
    textOf(row.querySelector('.value')!),
    textOf(row.querySelector('.share')!),
  ]);
}

function buckets(page: Element, heading: string): Record<string, string> {
  return Object.fromEntries(
    $$(block(page, 'tally-distribution', heading), '[part="item"]').map((row) => [
      row.getAttribute('data-bucket'),
      textOf(row.querySelector('[data-column="sessions"]')!),
    ]),
  );
}

function hourly(page: Element): Record<number, string> {
  const element = block(page, 'tally-latency-by-hour');
  return Object.fromEntries(
    $$(element, 'tr[data-hour]')
      .map((row) => [
        Number(row.getAttribute('data-hour')),
        textOf(row.querySelector('[data-column="averageLatencyMs"]')!),
      ])
      .filter(([, text]) => text !== '—'),
  );
}

function figure(page: Element, selector: string, heading: string, key: string): string {
  return textOf($(block(page, selector, heading), `[data-figure="${key}"]`));
}

function health(page: Element, group: string, window: string): string {
  const element = block(page, 'tally-health');
  return textOf($(element, `[data-group="${group}"] [data-window="${window}"] .value`));
}

function marker(page: Element, group: string, window: string): string | null {
  const element = block(page, 'tally-health');
  return (
    $(element, `[data-group="${group}"] [data-window="${window}"]`)
      .querySelector('[data-status]')
      ?.getAttribute('data-status') ?? null
  );
}

async function pickAgent(page: TallyAgentAnalytics, agent: string): Promise<void> {
  const table = block(page, 'tally-comparison[selectable]');
  await click($(table, `tr[data-value="${agent}"] [part="pick-button"]`));
  await settle(page);
}

describe('tally-agent-analytics sections (hand-computed fixture)', () => {
  it('overview: users, agents, sessions, events and cost against the previous period', async () => {
    const page = await mount();
    // 12 agent calls + 2 queue.depth readings in 1–23 November; 2 calls in the previous 23 days.
    expect(card(page, 'Overview', 'requests')).to.equal('14');
    expect(change(page, 'Overview', 'requests')).to.equal('+600%'); // (14 − 2) / 2
    // u1, u2, u3 now; u1, u2 before: (3 − 2) / 2 = +50 %.
    expect(card(page, 'Overview', 'activeUsers')).to.equal('3');
    expect(change(page, 'Overview', 'activeUsers')).to.equal('+50%');
    // support, research, sales now; support, research before.
    expect(card(page, 'Overview', 'activeAgents')).to.equal('3');
    expect(change(page, 'Overview', 'activeAgents')).to.equal('+50%');
    // DAU on the 23rd: u1 (r1, s1, s2), u2 (s3), u3 (m1); the week and month hold the same 3.
    expect(card(page, 'Overview', 'dau')).to.equal('3');
    expect(card(page, 'Overview', 'mau')).to.equal('3');
    // Sessions (30-minute gap): u1 {m2, m3} {r1, s1, s2}; u2 {s4} {r2, r3} {s3}; u3 {r4} {s5} {m1}.
    expect(card(page, 'Overview', 'sessions')).to.equal('8');
    // 0.75 (support) + 1.00 (research) + 0.04 (sales).
    expect(card(page, 'Overview', 'costUsd')).to.equal('$1.79');
  });

  it('engagement: session length and events per session, with their distributions', async () => {
    const page = await mount();
    // Durations 8 + 2 + 20 min and five one-event sessions: 30 min / 8 = 3.75 min.
    expect(card(page, 'Sessions', 'avgSessionDurationMs')).to.equal(format.duration(225_000));
    expect(card(page, 'Sessions', 'eventsPerSession')).to.equal('1.5'); // 12 events / 8
    expect(buckets(page, 'Session duration')).to.deep.equal({
      '<1m': '5',
      '1–5m': '1', // 2 min
      '5–10m': '1', // 8 min
      '10m+': '1', // 20 min
    });
    // Sizes 2, 3, 2, 1, 1, 1, 1, 1.
    expect(buckets(page, 'Events per session')).to.deep.equal({
      '1–2': '7',
      '3–5': '1',
      '6–10': '0',
      '10+': '0',
    });
  });

  it('agents: the comparison and the response time by hour of day', async () => {
    const page = await mount();
    const table = block(page, 'tally-comparison[selectable]');
    expect(cell(table, 'support', 'events')).to.equal('5');
    // support sessions: u1 {s1, s2} (1 min), u2 {s3} {s4}, u3 {s5}: 4 sessions, 60 s / 4.
    expect(cell(table, 'support', 'sessions')).to.equal('4');
    expect(cell(table, 'support', 'averageSessionDurationMs')).to.equal(format.duration(15_000));
    expect(cell(table, 'support', 'costUsd')).to.equal('$0.75');
    expect(cell(table, 'support', 'errorRate')).to.equal('20%'); // 1 error in 5
    // (400 + 600 + 200 + 400 + 1000) / 5 = 520.
    expect(cell(table, 'support', 'averageLatencyMs')).to.equal(format.duration(520));
    // research: sessions {r1}, {r2, r3} (20 min), {r4}: 20 min / 3.
    expect(cell(table, 'research', 'averageSessionDurationMs')).to.equal(format.duration(400_000));
    expect(cell(table, 'research', 'errorRate')).to.equal('25%'); // 1 in 4
    // (800 + 1200 + 2000 + 600) / 4 = 1150.
    expect(cell(table, 'research', 'averageLatencyMs')).to.equal(format.duration(1150));
    expect(cell(table, 'sales', 'costUsd')).to.equal('$0.04');
    expect(hourly(page)).to.deep.equal({
      10: format.duration(325), // s3 200, s4 400, r4 600, m1 100: 1300 / 4
      11: format.duration(600), // r1 800, s1 400, s2 600: 1800 / 3 (readings have no latency)
      14: format.duration(940), // s5 1000, r2 1200, r3 2000, m2 300, m3 200: 4700 / 5
    });
    // Busiest hours: 11 (r1, s1, s2, g1, g2) and 14 (s5, r2, r3, m2, m3), 5 each: the earlier wins.
    expect(figure(page, 'tally-patterns', 'Usage patterns', 'peakHour')).to.equal('11:00–12:00');
  });

  it('costs: per unit, by provider with shares, top agents and the forecast', async () => {
    const page = await mount();
    expect(card(page, 'Cost per unit', 'costPerEvent')).to.equal('$0.13'); // 1.79 / 14
    expect(card(page, 'Cost per unit', 'costPerSession')).to.equal('$0.22'); // 1.79 / 8
    expect(card(page, 'Cost per unit', 'costPerActiveUser')).to.equal('$0.60'); // 1.79 / 3
    // anthropic 1.00 of 1.79 = 55.9 %; openai 0.75 + 0.04 = 0.79, 44.1 %.
    // The two queue readings name no provider or agent: an "unknown" row of $0.00.
    expect(bars(page, 'Cost by provider')).to.deep.equal([
      ['anthropic', '$1.00', '55.9%'],
      ['openai', '$0.79', '44.1%'],
      ['unknown', '$0.00', '0%'],
    ]);
    expect(bars(page, 'Top agents by cost').map(([key, value]) => [key, value])).to.deep.equal([
      ['research', '$1.00'],
      ['support', '$0.75'],
      ['sales', '$0.04'],
      ['unknown', '$0.00'],
    ]);
    // Last 7 days (17–23 Nov): s4 .10 + r2 .20 + r3 .10 + s1 .10 + s2 .05 + s3 .20 + r1 .40
    // + m1 .01 = 1.16. The 7 days before, to the same time (10 Nov – 16 Nov noon): s5 .30 + m2
    // .02 + m3 .01 = 0.33. Projected: 1.79 used + 1.16 / 7 a day × 7 days left = 2.95.
    expect(figure(page, 'tally-budget', 'Cost forecast', 'used')).to.equal('$1.79');
    expect(figure(page, 'tally-budget', 'Cost forecast', 'lastSevenDays')).to.equal('$1.16');
    expect(figure(page, 'tally-budget', 'Cost forecast', 'projected')).to.equal('$2.95');
    expect(figure(page, 'tally-budget', 'Cost forecast', 'weekOverWeek')).to.equal('+251.5%'); // 0.83 / 0.33
  });

  it('tokens: totals, shares, tokens per event, by agent and by model', async () => {
    const page = await mount();
    const tokens = 'Prompt and completion tokens';
    // Input: support 800 + research 1000 + sales 140; output: 350 + 700 + 120.
    expect(card(page, tokens, 'inputTokens')).to.equal('1,940');
    expect(card(page, tokens, 'outputTokens')).to.equal('1,170');
    expect(card(page, tokens, 'totalTokens')).to.equal('3,110');
    expect(card(page, tokens, 'inputTokenShare')).to.equal('62.38%'); // 1940 / 3110
    expect(card(page, tokens, 'outputTokenShare')).to.equal('37.62%'); // 1170 / 3110
    expect(card(page, tokens, 'tokensPerEvent')).to.equal('222.14'); // 3110 / 14 events
    const byAgent = block(page, 'tally-comparison', 'Tokens by agent');
    expect(cell(byAgent, 'support', 'totalTokens')).to.equal('1,150');
    expect(cell(byAgent, 'support', 'tokensPerEvent')).to.equal('230'); // 1150 / 5
    expect(cell(byAgent, 'research', 'tokensPerEvent')).to.equal('425'); // 1700 / 4
    expect(cell(byAgent, 'sales', 'tokensPerEvent')).to.equal('86.67'); // 260 / 3
    expect(bars(page, 'Tokens by model').map(([key, value]) => [key, value])).to.deep.equal([
      ['claude-sonnet', '1,700'],
      ['gpt-4o', '1,150'],
      ['gpt-4o-mini', '260'],
      ['unknown', '0'], // the queue readings
    ]);
  });

  it('health: error rates, percentiles, uptime, load and the queue gauge', async () => {
    const page = await mount();
    // Now (11:55–12:00): r1 ok, s1 ok, s2 error: 1 / 3.
    expect(health(page, 'error-rate', 'now')).to.equal('33.33%');
    expect(marker(page, 'error-rate', 'now')).to.equal('bad');
    // 24 h: r2, r3 (error), s3, m1, r1, s1, s2 (error): 2 / 7. 7 d: + s4: 2 / 8.
    expect(health(page, 'error-rate', 'last24Hours')).to.equal('28.57%');
    expect(health(page, 'error-rate', 'last7Days')).to.equal('25%');
    // 12 latencies sorted: 100 200 200 300 400 400 600 600 800 1000 1200 2000.
    // p50 at 5.5: (400 + 600) / 2; p95 at 10.45: 1200 + 0.45 × 800; p99 at 10.89: 1200 + 0.89 × 800.
    expect(health(page, 'latency', 'p50')).to.equal(format.duration(500));
    expect(health(page, 'latency', 'p95')).to.equal(format.duration(1560));
    expect(health(page, 'latency', 'p99')).to.equal(format.duration(1912));
    expect(marker(page, 'latency', 'p95')).to.equal('good'); // under 2 s
    // Minutes with events in 24 h: 22nd 14:00, 14:20 (all failed), 23rd 10:00, 11:00, 11:50,
    // 11:57, 11:58, 11:59 (all failed): 6 / 8. 7 d adds 20th 10:10: 7 / 9. 30 d adds 5th, 10th,
    // 15th 14:30 and 14:38: 11 / 13.
    expect(health(page, 'uptime', 'last24Hours')).to.equal('75%');
    expect(health(page, 'uptime', 'last7Days')).to.equal('77.78%');
    expect(health(page, 'uptime', 'last30Days')).to.equal('84.62%');
    expect($$(block(page, 'tally-health'), '[part="incidents"] li')).to.have.length(2);
    // Load: 3 events in the last 5 minutes; the day's busiest minute is 10:00 (s3 and m1).
    expect(health(page, 'load', 'current')).to.equal('0.6 / min');
    expect(health(page, 'load', 'peak')).to.equal('2 / min');
    // queue.depth: 7 at 11:00, then 3 at 11:50; the dial runs to the highest reading.
    const gauge = $(block(page, 'tally-health'), '[data-gauge="queue.depth"] tally-gauge');
    const meter = $(gauge, '[role="meter"]');
    expect(meter.getAttribute('aria-valuenow')).to.equal('3');
    expect(meter.getAttribute('aria-valuemax')).to.equal('7');
  });

  it('narrows every section to an agent when it is pressed, and back', async () => {
    const page = await mount();
    await pickAgent(page, 'research');
    expect(page.agent).to.equal('research');
    // Overview: r1–r4 now, p2 before: (4 − 1) / 1 = +300 %.
    expect(card(page, 'Overview', 'requests')).to.equal('4');
    expect(change(page, 'Overview', 'requests')).to.equal('+300%');
    expect(card(page, 'Overview', 'activeAgents')).to.equal('1');
    expect(card(page, 'Overview', 'dau')).to.equal('1'); // u1 (r1)
    expect(card(page, 'Overview', 'wau')).to.equal('2'); // u1, u2 (r2, r3 on the 22nd)
    expect(card(page, 'Overview', 'sessions')).to.equal('3'); // {r1} {r2, r3} {r4}
    expect(card(page, 'Overview', 'costUsd')).to.equal('$1.00');
    // Engagement: 20 min / 3 sessions; 4 events / 3.
    expect(card(page, 'Sessions', 'avgSessionDurationMs')).to.equal(format.duration(400_000));
    expect(card(page, 'Sessions', 'eventsPerSession')).to.equal('1.33');
    expect(buckets(page, 'Session duration')).to.deep.equal({
      '<1m': '2',
      '1–5m': '0',
      '5–10m': '0',
      '10m+': '1',
    });
    // Agents: one row; hours 10 (r4 600), 11 (r1 800), 14 ((1200 + 2000) / 2).
    const table = block(page, 'tally-comparison[selectable]');
    expect($$(table, 'tbody tr').map((row) => row.getAttribute('data-value'))).to.deep.equal([
      'research',
    ]);
    expect(hourly(page)).to.deep.equal({
      10: format.duration(600),
      11: format.duration(800),
      14: format.duration(1600),
    });
    expect(figure(page, 'tally-patterns', 'Usage patterns', 'peakHour')).to.equal('14:00–15:00');
    // Costs: 1.00 / 4 events, / 3 sessions, / 3 users.
    expect(card(page, 'Cost per unit', 'costPerEvent')).to.equal('$0.25');
    expect(card(page, 'Cost per unit', 'costPerSession')).to.equal('$0.33');
    expect(bars(page, 'Cost by provider')).to.deep.equal([['anthropic', '$1.00', '100%']]);
    // Forecast: last 7 days r2 .20 + r3 .10 + r1 .40 = 0.70; nothing the week before.
    expect(figure(page, 'tally-budget', 'Cost forecast', 'used')).to.equal('$1.00');
    expect(figure(page, 'tally-budget', 'Cost forecast', 'lastSevenDays')).to.equal('$0.70');
    expect(figure(page, 'tally-budget', 'Cost forecast', 'projected')).to.equal('$1.70');
    expect(figure(page, 'tally-budget', 'Cost forecast', 'weekOverWeek')).to.equal('—');
    // Tokens: 1000 in, 700 out, 1700 / 4 a call.
    const tokens = 'Prompt and completion tokens';
    expect(card(page, tokens, 'totalTokens')).to.equal('1,700');
    expect(card(page, tokens, 'inputTokenShare')).to.equal('58.82%'); // 1000 / 1700
    expect(card(page, tokens, 'tokensPerEvent')).to.equal('425');
    expect(bars(page, 'Tokens by model').map(([key, value]) => [key, value])).to.deep.equal([
      ['claude-sonnet', '1,700'],
    ]);
    // Health: now r1 ok; 24 h r2, r3 (error), r1: 1 / 3.
    expect(health(page, 'error-rate', 'now')).to.equal('0%');
    expect(marker(page, 'error-rate', 'now')).to.equal('good');
    expect(health(page, 'error-rate', 'last24Hours')).to.equal('33.33%');
    // 600 800 1200 2000: p50 at 1.5 = 1000; p95 at 2.85 = 1200 + 0.85 × 800.
    expect(health(page, 'latency', 'p50')).to.equal(format.duration(1000));
    expect(health(page, 'latency', 'p95')).to.equal(format.duration(1880));
    // Minutes 22nd 14:00, 14:20 (failed), 23rd 11:57: 2 / 3; 30 d adds the 5th: 3 / 4.
    expect(health(page, 'uptime', 'last24Hours')).to.equal('66.67%');
    expect(health(page, 'uptime', 'last30Days')).to.equal('75%');
    expect(health(page, 'load', 'current')).to.equal('0.2 / min'); // r1 alone
    // The queue readings belong to no agent.
    expect(block(page, 'tally-health').shadowRoot!.querySelector('tally-gauge')).to.equal(null);

    // Pressing the agent again shows every agent.
    await pickAgent(page, 'research');
    expect(page.agent).to.equal(undefined);
    expect(card(page, 'Overview', 'requests')).to.equal('14');
    expect(card(page, 'Sessions', 'eventsPerSession')).to.equal('1.5');
    expect(hourly(page)[14]).to.equal(format.duration(940));
    expect(card(page, 'Cost per unit', 'costPerEvent')).to.equal('$0.13');
    expect(card(page, 'Prompt and completion tokens', 'tokensPerEvent')).to.equal('222.14');
    expect(health(page, 'error-rate', 'now')).to.equal('33.33%');
    expect(figure(page, 'tally-budget', 'Cost forecast', 'projected')).to.equal('$2.95');
  });

  it('is accessible in light and dark with the gauge on screen', async () => {
    for (const theme of ['light', 'dark']) {
      const page = await mount(theme);
      expect($$(block(page, 'tally-health'), 'tally-gauge')).to.have.length(1);
      await expect(page).to.be.accessible();
    }
  });
});
