import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../leaderboard/leaderboard.js';
import type { TallyLeaderboard } from '../leaderboard/leaderboard.js';
import '../provider/provider.js';
import type { TallyProvider } from '../provider/provider.js';
import type { TallyRangeChangeEvent } from '../events/tally-events.js';
import { $, $$, click, textOf } from '../__test-support__/interact.js';
import { countBy, DAY, NOW, usageEvents, usageSource } from '../__test-support__/usage-data.js';
import './date-range.js';
import type { TallyDateRange } from './date-range.js';

async function mount(theme = 'light') {
  const provider = await fixture<TallyProvider>(html`
    <tally-provider
      .source=${usageSource()}
      tz="UTC"
      locale="en-US"
      theme=${theme}
      data-floor="2026-06-03"
    >
      <tally-date-range .now=${NOW}></tally-date-range>
      <tally-leaderboard></tally-leaderboard>
    </tally-provider>
  `);
  const picker = provider.querySelector('tally-date-range') as TallyDateRange;
  const board = provider.querySelector('tally-leaderboard') as TallyLeaderboard;
  await board.loadComplete;
  return { provider, picker, board };
}

describe('<tally-date-range>', () => {
  it('shows the last 30 days by default, with the dates and the time zone', async () => {
    const { picker } = await mount();
    const trigger = $(picker, '[part="trigger"]');
    expect(textOf(trigger)).to.equal('Last 30 days Oct 25, 2026 – Nov 23, 2026');
    expect(textOf($(picker, '[part="timezone"]'))).to.equal('Time zone: UTC');
  });

  it('applies a preset clicked in the picker to every widget of the provider', async () => {
    const { provider, picker, board } = await mount();
    let announced: TallyRangeChangeEvent | undefined;
    picker.addEventListener('tally-range-change', (event) => (announced = event));
    await click($(picker, '[part="trigger"]'));
    await picker.updateComplete;
    expect($(picker, '[part="trigger"]').getAttribute('aria-expanded')).to.equal('true');
    await click($(picker, '[data-preset="90d"]'));
    await provider.updateComplete;
    await board.loadComplete;
    expect(announced?.range).to.deep.equal({ preset: '90d' });
    expect(provider.range).to.deep.equal({ preset: '90d' });
    expect(board.data?.range.preset).to.equal('90d');
    // The old event (45 days ago) of u5 now counts.
    expect(board.data?.rows.find((row) => row.userId === 'u5')?.total).to.equal(1);
  });

  it('picks a custom range on the calendar with clicks and applies it', async () => {
    const { provider, picker, board } = await mount();
    await click($(picker, '[part="trigger"]'));
    await picker.updateComplete;
    await click($(picker, '[data-day="2026-11-10"]'));
    await picker.updateComplete;
    await click($(picker, '[data-day="2026-11-16"]'));
    await picker.updateComplete;
    await click($$(picker, '.apply-row button').at(-1) as HTMLElement);
    await provider.updateComplete;
    await board.loadComplete;
    expect(provider.range).to.deep.equal({ from: '2026-11-10', to: '2026-11-16' });
    const from = Date.UTC(2026, 10, 10);
    const to = Date.UTC(2026, 10, 17);
    const expected = countBy(
      usageEvents().filter(
        (event) =>
          event.userId !== undefined &&
          Number(event.timestamp) >= from &&
          Number(event.timestamp) < to,
      ),
      (event) => event.userId,
    );
    const shown = Object.fromEntries(
      (board.data?.rows ?? []).filter((row) => row.total > 0).map((row) => [row.userId, row.total]),
    );
    expect(shown).to.deep.equal(Object.fromEntries(expected));
    expect(textOf($(picker, '[part="trigger"]'))).to.contain('Nov 10, 2026 – Nov 16, 2026');
  });

  it('moves through days with the arrow keys and closes on Escape', async () => {
    const { picker } = await mount();
    await click($(picker, '[part="trigger"]'));
    await picker.updateComplete;
    $(picker, '[data-day="2026-11-23"]').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await picker.updateComplete;
    expect((picker.shadowRoot?.activeElement as HTMLElement).dataset.day).to.equal('2026-11-22');
    await sendKeys({ press: 'ArrowUp' });
    await picker.updateComplete;
    expect((picker.shadowRoot?.activeElement as HTMLElement).dataset.day).to.equal('2026-11-15');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'ArrowRight' });
    await picker.updateComplete;
    await sendKeys({ press: 'Enter' });
    await picker.updateComplete;
    expect(textOf($(picker, '.apply-row span'))).to.equal('Nov 15, 2026 – Nov 16, 2026');
    await sendKeys({ press: 'Escape' });
    await picker.updateComplete;
    expect(picker.open).to.equal(false);
    expect(picker.shadowRoot?.activeElement?.getAttribute('part')).to.equal('trigger');
  });

  it('disables the days before the data floor and says why', async () => {
    const { picker } = await mount();
    picker.open = true;
    await picker.updateComplete;
    for (let step = 0; step < 5; step += 1) {
      await click($(picker, '.month-row .back'));
      await picker.updateComplete;
    }
    expect(textOf($(picker, '.month-label'))).to.equal('June 2026');
    expect($(picker, '[data-day="2026-06-02"]').hasAttribute('disabled')).to.equal(true);
    expect($(picker, '[data-day="2026-06-02"]').getAttribute('aria-label')).to.contain(
      'before tracking began',
    );
    expect($(picker, '[data-day="2026-06-03"]').hasAttribute('disabled')).to.equal(false);
    expect($(picker, '.month-row .back').hasAttribute('disabled')).to.equal(true);
    expect(textOf($(picker, '.panel [part="floor-note"]'))).to.contain('Jun 3, 2026');
  });

  it('notes when the range is clamped to the data floor', async () => {
    const { provider, picker } = await mount();
    provider.range = { preset: '180d' };
    await provider.updateComplete;
    await picker.updateComplete;
    expect(textOf($(picker, '[part="floor-note"]'))).to.contain('earlier days are not included');
  });

  it('steps whole months with the month switcher', async () => {
    const { provider, picker, board } = await mount();
    picker.open = true;
    await picker.updateComplete;
    await click($(picker, '.whole-month'));
    await provider.updateComplete;
    expect(provider.range).to.deep.equal({ preset: 'month:2026-11' });
    await picker.updateComplete;
    expect(textOf($(picker, '[part="trigger"]'))).to.contain('November 2026');
    await click($(picker, '.trigger-row [aria-label="Previous month"]'));
    await provider.updateComplete;
    await board.loadComplete;
    expect(provider.range).to.deep.equal({ preset: 'month:2026-10' });
    const october = usageEvents().filter(
      (event) =>
        event.userId !== undefined &&
        Number(event.timestamp) >= Date.UTC(2026, 9, 1) &&
        Number(event.timestamp) < Date.UTC(2026, 10, 1),
    );
    expect(board.data?.totals.total).to.equal(october.length);
    expect(NOW - 45 * DAY).to.be.below(Date.UTC(2026, 9, 31));
  });

  it('works alone, keeping the range it announces', async () => {
    const picker = await fixture<TallyDateRange>(
      html`<tally-date-range
        .now=${NOW}
        tz="UTC"
        locale="en-US"
        presets="7d,30d,custom"
      ></tally-date-range>`,
    );
    picker.open = true;
    await picker.updateComplete;
    expect($$(picker, '[part="preset"]').map((button) => textOf(button))).to.deep.equal([
      'Last 7 days',
      'Last 30 days',
    ]);
    await click($(picker, '[data-preset="7d"]'));
    await picker.updateComplete;
    expect(picker.range).to.deep.equal({ preset: '7d' });
    expect(textOf($(picker, '[part="trigger"]'))).to.equal(
      'Last 7 days Nov 17, 2026 – Nov 23, 2026',
    );
  });

  it('is accessible in the light and dark themes, open and closed', async () => {
    for (const theme of ['light', 'dark']) {
      const { picker } = await mount(theme);
      await expect(picker).to.be.accessible();
      picker.open = true;
      await picker.updateComplete;
      await expect(picker).to.be.accessible();
    }
  });
});
