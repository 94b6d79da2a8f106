/**
 * Runs in headless Chromium (bundled by bench/widgets.mjs): generates the bench dataset in the
 * page, fills a LocalSource, and times the first render of a usage page and the leaderboard's
 * scrolling. Exposes `window.tallyBench`.
 */
import { LocalSource } from '@tally/widgets';
import { BENCH_NOW, generateDataset } from '../generate-events.mjs';

let source;

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

async function settle(elements) {
  // Two passes: an element may render, then start its first query in the same turn.
  for (let pass = 0; pass < 2; pass += 1) {
    await Promise.all(elements.map((element) => element.loadComplete ?? element.updateComplete));
  }
  await frame();
}

function mount(markup) {
  const host = document.createElement('div');
  host.innerHTML = markup;
  const provider = host.querySelector('tally-provider');
  provider.source = source;
  document.body.replaceChildren(host);
  return [...host.querySelectorAll('*')].filter((element) =>
    element.localName.startsWith('tally-'),
  );
}

window.tallyBench = {
  /** Generates `count` events for `users` users and fills the source; returns the ms taken. */
  load(count, users) {
    const started = performance.now();
    const { events, roster, settings } = generateDataset({ count, users });
    source = new LocalSource({ storedEvents: events, roster, settings, now: () => BENCH_NOW });
    return { ms: performance.now() - started, events: source.engine.size };
  },

  /** Mounts any markup holding one `<tally-provider>` over the source, once its data is shown. */
  async show(markup) {
    const elements = mount(markup);
    await settle(elements);
    return elements.length;
  },

  /** The leaderboard tab of a usage page: filters and the leaderboard, first paint after data. */
  async leaderboardTab() {
    const started = performance.now();
    const elements = mount(`<tally-provider tz="UTC" theme="light">
      <tally-date-range></tally-date-range>
      <tally-search></tally-search>
      <tally-user-filter></tally-user-filter>
      <tally-leaderboard></tally-leaderboard>
    </tally-provider>`);
    await settle(elements);
    const board = elements.find((element) => element.localName === 'tally-leaderboard');
    if (board.data === undefined)
      throw new Error(`the leaderboard is ${board.status}: ${board.error?.message}`);
    return { ms: performance.now() - started, rows: board.data.rows.length };
  },

  /** The metrics tab: credit cards, credits by category, and the per-user table. */
  async metricsTab() {
    const started = performance.now();
    const elements = mount(`<tally-provider tz="UTC" theme="light">
      <tally-stat-cards stats="credits,requests,activeUsers"></tally-stat-cards>
      <tally-breakdown dimension="category" measure="credits" mode="donut"></tally-breakdown>
      <tally-breakdown dimension="user" measure="credits" top="3"></tally-breakdown>
      <tally-table kind="per-user"></tally-table>
    </tally-provider>`);
    await settle(elements);
    return { ms: performance.now() - started };
  },

  /** Scrolls the leaderboard by `step` px `steps` times; the cost of each step, in ms. */
  async scroll(steps, step) {
    const elements = mount(
      `<tally-provider tz="UTC" range="180d"><tally-leaderboard></tally-leaderboard></tally-provider>`,
    );
    await settle(elements);
    const board = elements.find((element) => element.localName === 'tally-leaderboard');
    const viewport = board.shadowRoot.querySelector('.viewport');
    const costs = [];
    const intervals = [];
    let last = await new Promise((resolve) => requestAnimationFrame(resolve));
    for (let index = 0; index < steps; index += 1) {
      const started = performance.now();
      viewport.scrollTop += step;
      viewport.dispatchEvent(new Event('scroll'));
      await board.updateComplete;
      void document.body.offsetHeight;
      costs.push(performance.now() - started);
      const now = await new Promise((resolve) => requestAnimationFrame(resolve));
      intervals.push(now - last);
      last = now;
    }
    return { rows: board.data.rows.length, costs, intervals };
  },
};
