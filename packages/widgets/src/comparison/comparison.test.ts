import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { $, $$, click, textOf } from '../__test-support__/interact.js';
import { agentCalls, agentSource } from '../agent-analytics/__fixtures__/agent-events.js';
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
