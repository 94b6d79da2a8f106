import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { $, $$, click, textOf } from '../__test-support__/interact.js';
import { agentCalls, agentSource } from '../agent-analytics/__fixtures__/agent-events.js';
import { LocalSource } from '../data/local-source.js';
import { TallyFilterChangeEvent } from '../events/tally-events.js';
import './comparison.js';
import type { TallyComparison } from './comparison.js';

async function mount(options: { theme?: string; agent?: string } = {}): Promise<TallyComparison> {
  const element = await fixture<TallyComparison>(html`
    <tally-comparison
      .source=${agentSource()}
      .filters=${options.agent ? { agent: options.agent } : undefined}
      range="30d"
      tz="UTC"
      locale="en-US"
      theme=${options.theme ?? 'light'}
      selectable
    ></tally-comparison>
  `);
  await element.loadComplete;
  return element;
}

function order(element: TallyComparison): string[] {
  return $$(element, 'tbody tr').map((row) => row.getAttribute('data-value') ?? '');
}

describe('tally-comparison', () => {
  it('lists the agents by events, most first, and sorts by name on request', async () => {
    const element = await mount();
    const counts = new Map<string, number>();
    for (const call of agentCalls()) counts.set(call.agent, (counts.get(call.agent) ?? 0) + 1);
    const byEvents = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
    expect(order(element)).to.deep.equal(byEvents);
    await click($(element, '[data-sort="value"]'));
    expect(order(element)).to.deep.equal([...counts.keys()].sort());
    await click($(element, '[data-sort="value"]'));
    expect(order(element)).to.deep.equal([...counts.keys()].sort().reverse());
  });

  it('asks to narrow to an agent when its name is pressed, and to show all when pressed again', async () => {
    const element = await mount();
    const button = $(element, 'tr[data-value="sales-bot"] [part="pick-button"]');
    setTimeout(() => button.click());
    const picked = await oneEvent(element, TallyFilterChangeEvent.type);
    expect((picked as unknown as TallyFilterChangeEvent).filters).to.deep.equal({
      agent: 'sales-bot',
    });

    const narrowed = await mount({ agent: 'sales-bot' });
    expect(order(narrowed)).to.deep.equal(['sales-bot']);
    const pressed = $(narrowed, '[part="pick-button"]');
    expect(pressed.getAttribute('aria-pressed')).to.equal('true');
    setTimeout(() => pressed.click());
    const cleared = await oneEvent(narrowed, TallyFilterChangeEvent.type);
    expect((cleared as unknown as TallyFilterChangeEvent).filters).to.deep.equal({
      agent: undefined,
    });
    expect(textOf(pressed)).to.equal('sales-bot');
  });

  it('is accessible in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      await expect(await mount({ theme })).to.be.accessible();
    }
  });
});

describe('tally-comparison grouped by provider', () => {
  const NOW = Date.UTC(2026, 10, 23, 12);
  const call = (id: string, model: string, provider: string, credits: number) => ({
    id,
    name: 'chat.message',
    timestamp: NOW - 3_600_000,
    model,
    provider,
    credits,
  });

  async function grouped(theme = 'light'): Promise<TallyComparison> {
    const source = new LocalSource({
      events: [
        call('a', 'big', 'acme', 4),
        call('b', 'big', 'acme', 4),
        call('c', 'small', 'acme', 1),
        call('d', 'other', 'zeta', 3),
      ],
      now: () => NOW,
    });
    const element = await fixture<TallyComparison>(html`
      <tally-comparison
        .source=${source}
        .columns=${['events', 'credits', 'creditsPerEvent', 'multiplier']}
        by="model"
        group-by="provider"
        show-total
        sort-key="credits"
        range="7d"
        tz="UTC"
        locale="en-US"
        theme=${theme}
      ></tally-comparison>
    `);
    await element.loadComplete;
    return element;
  }

  it('puts each provider above its models with subtotals, and totals the table', async () => {
    const element = await grouped();
    const rows = $$(element, 'tbody tr, tfoot tr').map((row) => [
      row.getAttribute('part'),
      textOf(row.querySelector('th')!),
      ...['events', 'credits', 'creditsPerEvent', 'multiplier'].map((column) =>
        textOf(row.querySelector(`[data-column="${column}"]`)!),
      ),
    ]);
    expect(rows).to.deep.equal([
      // acme: 3 events, 4 + 4 + 1 = 9 credits, 3 a call; its multiplier has no subtotal.
      ['group-row', 'acme', '3', '9', '3', ''],
      ['row', 'big', '2', '8', '4', '1×'],
      ['row', 'small', '1', '1', '1', '1×'],
      ['group-row', 'zeta', '1', '3', '3', ''],
      ['row', 'other', '1', '3', '3', '1×'],
      // 12 credits over 4 calls.
      ['total-row', 'Total', '4', '12', '3', ''],
    ]);
    expect($(element, 'tr[data-group="acme"] th').getAttribute('scope')).to.equal('rowgroup');
  });

  it('is accessible grouped, in light and dark', async () => {
    for (const theme of ['light', 'dark']) await expect(await grouped(theme)).to.be.accessible();
  });
});
