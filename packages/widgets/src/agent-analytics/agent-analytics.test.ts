import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, click, textOf } from '../__test-support__/interact.js';
import type { TallyBreakdown } from '../breakdown/breakdown.js';
import type { TallyComparison } from '../comparison/comparison.js';
import { Formatter } from '../format/formatter.js';
import { blocksOf, settle } from '../usage-tab/__fixtures__/settle.js';
import { agentCalls, agentSource, NOW, type AgentCall } from './__fixtures__/agent-events.js';
import './agent-analytics.js';
import type { TallyAgentAnalytics } from './agent-analytics.js';

const format = new Formatter('en-US', 'UTC');

async function mount(theme = 'light'): Promise<TallyAgentAnalytics> {
  const page = await fixture<TallyAgentAnalytics>(html`
    <tally-agent-analytics
      .source=${agentSource()}
      tz="UTC"
      locale="en-US"
      theme=${theme}
      .now=${NOW}
    ></tally-agent-analytics>
  `);
  await settle(page);
  return page;
}

/** Cost in USD of some calls, summed in whole cents so that no float error creeps in. */
function costOf(calls: readonly AgentCall[]): number {
  return calls.reduce((cents, call) => cents + Math.round(call.costUsd * 100), 0) / 100;
}

function errorRateOf(calls: readonly AgentCall[]): number {
  return calls.filter((call) => call.status === 'error').length / calls.length;
}

function card(page: TallyAgentAnalytics, block: string, stat: string): string {
  const cards = $$(page, 'tally-stat-cards').find(
    (element) => element.getAttribute('heading') === block,
  );
  return textOf($(cards!, `[data-stat="${stat}"] .exact`));
}

function agentsTable(page: TallyAgentAnalytics): TallyComparison {
  return $<TallyComparison>(page, 'tally-comparison[selectable]');
}

function breakdown(page: TallyAgentAnalytics, heading: string): Map<string, string> {
  const element = $$<TallyBreakdown>(page, 'tally-breakdown').find(
    (block) => block.getAttribute('heading') === heading,
  );
  return new Map(
    $$(element!, '[part="item"]').map((row) => [
      row.getAttribute('data-key') ?? '',
      textOf(row.querySelector('.value')!),
    ]),
  );
}

describe('tally-agent-analytics', () => {
  it('shows the overview of every agent', async () => {
    const page = await mount();
    const calls = agentCalls();
    expect(card(page, 'Overview', 'requests')).to.equal(format.number(calls.length));
    expect(card(page, 'Overview', 'activeUsers')).to.equal(
      format.number(new Set(calls.map((call) => call.userId)).size),
    );
    expect(card(page, 'Overview', 'costUsd')).to.equal(format.usd(costOf(calls)));
    const tokens = calls.reduce((sum, call) => sum + call.tokens.input, 0);
    expect(card(page, 'Prompt and completion tokens', 'inputTokens')).to.equal(
      format.number(tokens),
    );
  });

  it('compares the agents: events, cost and error rate', async () => {
    const page = await mount();
    const calls = agentCalls();
    const table = agentsTable(page);
    const agents = [...new Set(calls.map((call) => call.agent))];
    expect($$(table, 'tbody tr')).to.have.length(agents.length);
    for (const agent of agents) {
      const mine = calls.filter((call) => call.agent === agent);
      const row = $(table, `tr[data-value="${agent}"]`);
      const cell = (column: string) => textOf(row.querySelector(`[data-column="${column}"]`)!);
      expect(cell('events'), agent).to.equal(format.number(mine.length, 0));
      expect(cell('costUsd'), agent).to.equal(format.usd(costOf(mine)));
      expect(cell('errorRate'), agent).to.equal(format.percent(errorRateOf(mine)));
    }
  });

  it('sorts the agents by a column when its header is pressed', async () => {
    const page = await mount();
    const table = agentsTable(page);
    await click($(table, '[data-sort="costUsd"]'));
    const calls = agentCalls();
    const expected = [...new Set(calls.map((call) => call.agent))].sort(
      (a, b) =>
        costOf(calls.filter((call) => call.agent === b)) -
        costOf(calls.filter((call) => call.agent === a)),
    );
    const shown = $$(table, 'tbody tr').map((row) => row.getAttribute('data-value'));
    expect(shown).to.deep.equal(expected);
    expect($(table, '[data-sort="costUsd"]').closest('th')!.getAttribute('aria-sort')).to.equal(
      'descending',
    );
  });

  it('narrows the whole page to an agent when it is pressed, and back', async () => {
    const page = await mount();
    const calls = agentCalls();
    const mine = calls.filter((call) => call.agent === 'research-agent');
    await click($(agentsTable(page), 'tr[data-value="research-agent"] [part="pick-button"]'));
    await settle(page);
    expect(page.agent).to.equal('research-agent');
    const blocks = blocksOf(page) as unknown as { effectiveFilters: { agent?: unknown } }[];
    expect(blocks.length).to.be.greaterThan(10);
    for (const block of blocks) expect(block.effectiveFilters.agent).to.equal('research-agent');
    expect(textOf($(page, '[part="scope"]'))).to.contain('research-agent');
    expect(card(page, 'Overview', 'requests')).to.equal(format.number(mine.length));
    expect(card(page, 'Overview', 'costUsd')).to.equal(format.usd(costOf(mine)));
    expect(
      $$(agentsTable(page), 'tbody tr').map((row) => row.getAttribute('data-value')),
    ).to.deep.equal(['research-agent']);
    expect([...breakdown(page, 'Cost by provider').keys()]).to.deep.equal(['anthropic']);
    expect(breakdown(page, 'Tokens by model').get('claude-sonnet')).to.equal(
      format.number(mine.reduce((sum, call) => sum + call.tokens.input + call.tokens.output, 0)),
    );

    await click($(page, '[part="show-all-button"]'));
    await settle(page);
    expect(page.agent).to.equal(undefined);
    expect(card(page, 'Overview', 'requests')).to.equal(format.number(calls.length));
    expect($$(agentsTable(page), 'tbody tr')).to.have.length(3);
  });

  it('is accessible in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const page = await mount(theme);
      await expect(page).to.be.accessible();
    }
  });
});
