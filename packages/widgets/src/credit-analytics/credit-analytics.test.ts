import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, textOf } from '../__test-support__/interact.js';
import type { TallyBreakdown } from '../breakdown/breakdown.js';
import { Formatter } from '../format/formatter.js';
import { settle } from '../usage-tab/__fixtures__/settle.js';
import { creditSource, creditsOf, NOW, prompts, SETTINGS } from './__fixtures__/credit-events.js';
import './credit-analytics.js';
import type { TallyCreditAnalytics } from './credit-analytics.js';

const format = new Formatter('en-US', 'UTC');

async function mount(theme = 'light'): Promise<TallyCreditAnalytics> {
  const page = await fixture<TallyCreditAnalytics>(html`
    <tally-credit-analytics
      .source=${creditSource()}
      tz="UTC"
      locale="en-US"
      theme=${theme}
      .now=${NOW}
    ></tally-credit-analytics>
  `);
  await settle(page);
  return page;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('tally-credit-analytics', () => {
  it('shows each model with its multiplier, prompts and credits', async () => {
    const page = await mount();
    const table = $(page, 'tally-comparison');
    const list = prompts();
    for (const model of ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet']) {
      const mine = list.filter((prompt) => prompt.model === model);
      const row = $(table, `tr[data-value="${model}"]`);
      const cell = (column: string) => textOf(row.querySelector(`[data-column="${column}"]`)!);
      expect(cell('events'), model).to.equal(format.number(mine.length, 0));
      expect(cell('credits'), model).to.equal(format.number(sum(mine.map(creditsOf))));
      expect(cell('multiplier'), model).to.equal(`${format.number(creditsOf(mine[0]))}×`);
    }
  });

  it('shows the monthly credit report against the plan', async () => {
    const page = await mount();
    const report = $(page, 'tally-credit-report');
    const used = sum(prompts().map(creditsOf));
    const figure = (name: string) => textOf($(report, `[data-figure="${name}"]`));
    expect(figure('creditsUsed')).to.equal(format.number(used));
    expect(figure('planCredits')).to.equal(format.number(SETTINGS.planCredits!));
    expect(figure('remaining')).to.equal(
      format.number(SETTINGS.planCredits! + SETTINGS.additionalCredits! - used),
    );
    const premium = prompts().filter((prompt) => creditsOf(prompt) >= 2);
    expect(textOf($(report, '[data-tier="premium"] [data-column="credits"]'))).to.equal(
      format.number(sum(premium.map(creditsOf))),
    );
    expect(textOf($(report, '[data-tier="economy"] [data-column="events"]'))).to.equal(
      format.number(prompts().filter((prompt) => creditsOf(prompt) < 1).length),
    );
  });

  it('shows credits by event name', async () => {
    const page = await mount();
    const block = $$<TallyBreakdown>(page, 'tally-breakdown').find(
      (element) => element.getAttribute('heading') === 'Credits by event name',
    )!;
    for (const name of ['chat.message', 'doc.generate']) {
      const credits = sum(
        prompts()
          .filter((prompt) => prompt.name === name)
          .map(creditsOf),
      );
      expect(textOf($(block, `[data-key="${name}"] .value`)), name).to.equal(
        format.number(credits),
      );
    }
  });

  it('recommends moving premium prompts to the cheapest model that does as well', async () => {
    const page = await mount();
    const block = $(page, 'tally-recommendations');
    // Every model succeeds and rates 4, so each event name's gpt-4o prompts could go to the 0.5× model.
    for (const name of ['chat.message', 'doc.generate']) {
      const premium = prompts().filter(
        (prompt) => prompt.name === name && prompt.model === 'gpt-4o',
      );
      const item = $(block, `li[data-name="${name}"]`);
      expect(textOf(item)).to.contain('gpt-4o-mini');
      expect(textOf(item.querySelector('[data-saved]')!)).to.equal(
        format.number(premium.length * (2 - 0.5)),
      );
    }
    expect(textOf($(block, 'tr[data-model="gpt-4o-mini"] td'))).to.equal('1');
  });

  it('is accessible in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      await expect(await mount(theme)).to.be.accessible();
    }
  });
});
