import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { $, $$ } from '../__test-support__/interact.js';
import { settle } from '../usage-tab/__fixtures__/settle.js';
import { MONTH_NOW, monthSource } from './__fixtures__/agent-month.js';
import './agent-analytics.js';
import type { TallyAgentAnalytics } from './agent-analytics.js';

async function mount(): Promise<TallyAgentAnalytics> {
  const page = await fixture<TallyAgentAnalytics>(html`
    <tally-agent-analytics
      .source=${monthSource()}
      tz="UTC"
      locale="en-US"
      .now=${MONTH_NOW}
    ></tally-agent-analytics>
  `);
  await settle(page);
  return page;
}

/** Where a comparison table stands in its card. */
interface Fit {
  element: HTMLElement;
  heading: string;
  /** The table's right edge minus the card's content right edge (≤ 0: inside). */
  overflow: number;
  /** Whether the wrapper scrolls the table sideways. */
  scrolls: boolean;
  /** The wrapper's right edge minus the card's content right edge. */
  wrapperOverflow: number;
}

function fits(page: TallyAgentAnalytics): Fit[] {
  return $$(page, 'tally-comparison').map((element) => {
    const card = $(element, '[part="base"]');
    const style = getComputedStyle(card);
    const contentRight =
      card.getBoundingClientRect().right -
      parseFloat(style.borderRightWidth) -
      parseFloat(style.paddingRight);
    const wrapper = $(element, '[part="scroll"]');
    const table = $(element, '[part="table"]');
    return {
      element,
      heading: element.getAttribute('heading') ?? '',
      overflow: table.getBoundingClientRect().right - contentRight,
      scrolls: wrapper.scrollWidth > wrapper.clientWidth,
      wrapperOverflow: wrapper.getBoundingClientRect().right - contentRight,
    };
  });
}

describe('<tally-agent-analytics> layout', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  it('fits every comparison table in its card on a desktop window', async () => {
    await setViewport({ width: 1280, height: 900 });
    const page = await mount();
    const found = fits(page);
    expect(found.map((fit) => fit.heading)).to.include('Tokens by agent');
    for (const fit of found) {
      expect(fit.overflow, fit.heading).to.be.at.most(0.5);
      expect(fit.scrolls, fit.heading).to.equal(false);
      // A table that fits is no extra landmark nor tab stop.
      const wrapper = $(fit.element, '[part="scroll"]');
      expect(wrapper.hasAttribute('role'), fit.heading).to.equal(false);
      expect(wrapper.hasAttribute('tabindex'), fit.heading).to.equal(false);
    }
    // The last column (cost) is on screen, inside the card.
    const byAgent = $$(page, 'tally-comparison').find(
      (element) => element.getAttribute('heading') === 'Tokens by agent',
    )!;
    const cost = $(byAgent, 'th[data-column="costUsd"]').getBoundingClientRect();
    const card = $(byAgent, '[part="base"]').getBoundingClientRect();
    expect(cost.right).to.be.at.most(card.right);
  });

  it('scrolls a table too wide for a narrow window inside its card, by keyboard too', async () => {
    await setViewport({ width: 400, height: 900 });
    const page = await mount();
    // The page itself never scrolls sideways.
    expect(document.documentElement.scrollWidth).to.be.at.most(400);
    for (const fit of fits(page)) {
      expect(fit.wrapperOverflow, fit.heading).to.be.at.most(0.5);
      if (fit.overflow > 0.5) expect(fit.scrolls, fit.heading).to.equal(true);
    }
    const byAgent = $$(page, 'tally-comparison').find(
      (element) => element.getAttribute('heading') === 'Tokens by agent',
    )!;
    const wrapper = $(byAgent, '[part="scroll"]');
    expect(wrapper.scrollWidth).to.be.above(wrapper.clientWidth);
    // A scrolling region can be reached and scrolled from the keyboard, and is named.
    expect(wrapper.getAttribute('role')).to.equal('region');
    expect(wrapper.getAttribute('tabindex')).to.equal('0');
    expect(wrapper.getAttribute('aria-label')).to.equal('Tokens by agent table');
    wrapper.scrollLeft = wrapper.scrollWidth;
    const cost = $(byAgent, 'th[data-column="costUsd"]').getBoundingClientRect();
    expect(cost.right).to.be.at.most(wrapper.getBoundingClientRect().right + 0.5);
    await expect(byAgent).to.be.accessible();
  });
});
