import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, textOf } from '../__test-support__/interact.js';
import { Formatter } from '../format/formatter.js';
import type { TallyTimeline } from '../timeline/timeline.js';
import { settle } from '../usage-tab/__fixtures__/settle.js';
import { CREDIT_NOW, creditMonthSource } from './__fixtures__/credit-month.js';
import './credit-analytics.js';
import type { TallyCreditAnalytics } from './credit-analytics.js';

// Every expected figure is worked out by hand from the table in `credit-month.ts`; the formatter
// only writes the hand-computed number the way the page does (en-US, UTC).
const format = new Formatter('en-US', 'UTC');

async function mount(theme = 'light', range = '30d'): Promise<TallyCreditAnalytics> {
  const page = await fixture<TallyCreditAnalytics>(html`
    <tally-credit-analytics
      .source=${creditMonthSource()}
      tz="UTC"
      locale="en-US"
      theme=${theme}
      range=${range}
      .now=${CREDIT_NOW}
    ></tally-credit-analytics>
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

/** The table's rows as `[name, ...cells]`, group heading rows included. */
function rows(element: Element, columns: readonly string[]): string[][] {
  return $$(element, 'tbody tr, tfoot tr').map((row) => [
    textOf(row.querySelector('th')!),
    ...columns.map((column) => textOf(row.querySelector(`[data-column="${column}"]`)!)),
  ]);
}

function figure(element: Element, key: string): string {
  return textOf($(element, `[data-figure="${key}"]`));
}

describe('tally-credit-analytics sections (hand-computed fixture)', () => {
  it('usage by model: models under their providers with subtotals and the total', async () => {
    const page = await mount();
    const table = block(page, 'tally-comparison', 'Usage by model');
    const columns = ['multiplier', 'events', 'credits', 'creditsPerEvent'];
    expect(rows(table, columns)).to.deep.equal([
      // openai: gpt-4o c1 c2 c6 c10 (4 × 2 = 8) and gpt-4o-mini c3 c7 c8 c11 (4 × 0.5 = 2).
      ['openai', '', '8', '10', '1.25'], // 10 credits / 8 prompts
      ['gpt-4o', '2×', '4', '8', '2'],
      ['gpt-4o-mini', '0.5×', '4', '2', '0.5'],
      // anthropic: claude-sonnet c4 c5 c9, 1× each.
      ['anthropic', '', '3', '3', '1'],
      ['claude-sonnet', '1×', '3', '3', '1'],
      ['Total', '', '11', '13', '1.18'], // 13 / 11 = 1.1818…
    ]);
    expect($$(table, 'tr[part="group-row"]').map((row) => row.dataset.group)).to.deep.equal([
      'openai',
      'anthropic',
    ]);
  });

  it("usage by user: prompts, each user's top model, credits and credits per prompt", async () => {
    const page = await mount();
    const table = block(page, 'tally-comparison', 'Usage by user');
    expect(rows(table, ['events', 'topModel', 'credits', 'creditsPerEvent'])).to.deep.equal([
      // ann: c1 c2 (gpt-4o), c3 c11 (mini), c9 (claude): 2 + 2 + 0.5 + 0.5 + 1 = 6 over 5;
      // gpt-4o and gpt-4o-mini tie at 2 prompts, the first by name wins.
      ['ann', '5', 'gpt-4o', '6', '1.2'],
      // bob: c4 c5 (claude), c6 (gpt-4o): 1 + 1 + 2 = 4 over 3.
      ['bob', '3', 'claude-sonnet', '4', '1.33'],
      // cy: c7 c8 (mini), c10 (gpt-4o): 0.5 + 0.5 + 2 = 3 over 3.
      ['cy', '3', 'gpt-4o-mini', '3', '1'],
    ]);
  });

  it('usage by event name with shares', async () => {
    const page = await mount();
    const names = block(page, 'tally-breakdown', 'Credits by event name');
    const bars = $$(names, '[part="item"]').map((row) => [
      row.getAttribute('data-key'),
      textOf(row.querySelector('.value')!),
      textOf(row.querySelector('.share')!),
    ]);
    // chat.message: c1 c2 c10 (2 each) + c3 c7 c8 c11 (0.5 each) = 8 of 13; doc.generate 5.
    expect(bars).to.deep.equal([
      ['chat.message', '8', '61.5%'],
      ['doc.generate', '5', '38.5%'],
    ]);
  });

  it('timeline: the granularity switch regroups the credits by week and by month', async () => {
    const page = await mount();
    const timeline = block(page, 'tally-timeline') as TallyTimeline;
    const totals = () =>
      $$(timeline, '[part="data-table"] tbody tr').map((row) => textOf(row.querySelector('td')!));
    const choose = async (value: string) => {
      const select = $<HTMLSelectElement>(timeline, 'select[part="granularity"]');
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await settle(page);
    };
    await choose('week');
    // 30 days: 25 Oct – 23 Nov, weeks from Monday: 19 Oct, 26 Oct (nothing), 2 Nov (c1 c2 c3:
    // 4.5), 9 Nov (c4 c5 c6: 4), 16 Nov (c7 c8 c9: 2), 23 Nov (c10 c11: 2.5).
    expect(totals()).to.deep.equal(['0', '0', '4.5', '4', '2', '2.5']);
    await choose('month');
    expect(totals()).to.deep.equal(['0', '13']); // October, November
    await choose('day');
    expect(totals()).to.have.length(30);
  });

  it('offers today, yesterday, 7 d, 30 d, 3 m, 6 m and custom, and answers over the one chosen', async () => {
    const page = await mount('light', '7d');
    const picker = $(page, 'tally-date-range') as HTMLElement & { presets: string[] };
    expect(picker.presets).to.deep.equal(['today', 'yesterday', '7d', '30d', '3m', '6m', 'custom']);
    // 7 days: 17–23 Nov: c8 (0.5), c9 (1), c10 (2), c11 (0.5).
    const table = block(page, 'tally-comparison', 'Usage by model');
    expect(rows(table, ['events', 'credits']).at(-1)).to.deep.equal(['Total', '4', '4']);
  });

  it('patterns: peak day and hour, most active weekdays, week by week, peak and off-peak', async () => {
    const page = await mount();
    const patterns = block(page, 'tally-patterns');
    // 2, 9 and 23 Nov have 2 prompts each: the earliest wins.
    expect(figure(patterns, 'peakDay')).to.equal('2026-11-02 (2 events)');
    // 10:xx holds c1 c2 c8 c10 c11.
    expect(figure(patterns, 'peakHour')).to.equal('10:00–11:00');
    // Monday 7 (c1 c2 c4 c5 c7 c10 c11), Tuesday 2 (c3 c8), Saturday 2 (c6 c9).
    expect(figure(patterns, 'weekdays')).to.equal('Monday, Tuesday, Saturday');
    // Peak (weekdays 9–18): c1 c2 c3 c4 c5 c8 c10 c11 = 6600 / 8; off-peak c7; weekend (2000 +
    // 700) / 2.
    expect(figure(patterns, 'peak')).to.equal(format.duration(825));
    expect(figure(patterns, 'offPeak')).to.equal(format.duration(300));
    expect(figure(patterns, 'weekend')).to.equal(format.duration(1350));
    const weeks = $$(patterns, '[part="weeks"] tbody tr').map((row) =>
      textOf(row.querySelector('[data-column="credits"]')!),
    );
    expect(weeks).to.deep.equal(['0', '0', '4.5', '4', '2', '2.5']);
  });

  it('response times: average, fastest and slowest model, and the model comparison', async () => {
    const page = await mount();
    const times = block(page, 'tally-response-times');
    // (6600 + 300 + 2700) / 11 = 872.7.
    expect(figure(times, 'average')).to.equal(format.duration(9600 / 11));
    // gpt-4o-mini (400 + 300 + 500 + 200) / 4 = 350; gpt-4o (1000 + 1200 + 2000 + 900) / 4 = 1275;
    // claude-sonnet (800 + 1600 + 700) / 3 = 1033.3.
    expect(figure(times, 'fastest')).to.equal(`gpt-4o-mini (${format.duration(350)})`);
    expect(figure(times, 'slowest')).to.equal(`gpt-4o (${format.duration(1275)})`);
    const table = block(page, 'tally-comparison', 'Model comparison');
    const columns = ['averageLatencyMs', 'successRate', 'creditsPerEvent', 'averageRating'];
    const byModel = Object.fromEntries(
      rows(table, columns).map(([name, ...cells]) => [name, cells]),
    );
    expect(byModel).to.deep.equal({
      // Ratings: gpt-4o (5 + 4 + 4 + 5) / 4; mini (5 + 4 + 5 + 4) / 4; claude only c4's 4.
      'gpt-4o': [format.duration(1275), '100%', '2', '4.5'],
      'gpt-4o-mini': [format.duration(350), '100%', '0.5', '4.5'],
      'claude-sonnet': [format.duration(3100 / 3), '66.7%', '1', '4'], // c5 failed
    });
  });

  it('credit report and budget: plan, tiers, remaining, and at risk by the projection', async () => {
    const page = await mount();
    const report = block(page, 'tally-credit-report');
    expect(figure(report, 'creditsUsed')).to.equal('13');
    expect(figure(report, 'remaining')).to.equal('12'); // 20 + 5 − 13
    expect(figure(report, 'average')).to.equal('1.18'); // 13 / 11
    const tier = (name: string) =>
      textOf($(report, `[data-tier="${name}"] [data-column="credits"]`));
    expect([tier('premium'), tier('standard'), tier('economy')]).to.deep.equal(['8', '3', '2']);
    const budget = block(page, 'tally-budget');
    // Used 13 of 16 (81 %: past 75 %, short of 90 %). Last 7 days c8 c9 c10 c11 = 4, 4 / 7 a day
    // for the 7 days left: 13 + 4 = 17 > 16, so at risk.
    expect(figure(budget, 'used')).to.equal('13');
    expect(figure(budget, 'projected')).to.equal('17');
    expect(
      $$(budget, '[part="threshold"]')
        .filter((mark) => mark.getAttribute('data-crossed') === 'true')
        .map((mark) => mark.getAttribute('data-share')),
    ).to.deep.equal(['0.75']);
    expect($(budget, '[part="status"]').getAttribute('data-status')).to.equal('at-risk');
  });

  it('recommendations and the most credit-efficient models, by their definitions', async () => {
    const page = await mount();
    const block_ = block(page, 'tally-recommendations');
    // chat.message on gpt-4o (2×): c1 c2 c10, all ok, rating (5 + 4 + 5) / 3 = 4.67. On
    // gpt-4o-mini (0.5×): all ok, rating 4.5 — within 2 points and 0.2: save 3 × (2 − 0.5).
    // doc.generate on gpt-4o could go to claude-sonnet only if its success rate (2 / 3) were
    // within 2 points of 100 %: no.
    const items = $$(block_, 'li[data-name]');
    expect(items.map((item) => item.dataset.name)).to.deep.equal(['chat.message']);
    expect(textOf(items[0])).to.contain('gpt-4o-mini');
    expect(textOf(items[0].querySelector('[data-saved]')!)).to.equal('4.5');
    expect(textOf($(block_, '[data-summary]'))).to.contain('34.6%'); // 4.5 / 13
    // Credits per success: mini 2 / 4 = 0.5, claude 3 / 2 = 1.5, gpt-4o 8 / 4 = 2.
    const ranking = $$(block_, '[part="efficiency"] tbody tr').map((row) => [
      row.dataset.model,
      textOf(row.querySelector('[data-column="creditsPerSuccess"]')!),
    ]);
    expect(ranking).to.deep.equal([
      ['gpt-4o-mini', '0.5'],
      ['claude-sonnet', '1.5'],
      ['gpt-4o', '2'],
    ]);
  });

  it('is accessible in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      await expect(await mount(theme)).to.be.accessible();
    }
  });
});
