/**
 * Runs in headless Chromium (bundled by bench/pages.mjs): mounts `<tally-agent-analytics>` or
 * `<tally-credit-analytics>` over the Tally server (`HttpSource`) or over a `LocalSource`
 * holding the bench dataset, and times the first render: from mounting the tag until every data
 * block shows its answer, and for each block until its own answer arrived and rendered.
 * Exposes `window.tallyPages`.
 */
import { HttpSource, LocalSource } from '@tally/widgets';
import { BENCH_NOW, generateDataset } from '../generate-events.mjs';

const TAGS = { agent: 'tally-agent-analytics', credit: 'tally-credit-analytics' };

let source;
/** The view requests of the latest render, as the page sent them. */
let requests = [];

/** Records each request a page makes, then passes it on. */
function recording(inner) {
  return {
    query(view, params, options) {
      requests.push({ view, ...params });
      return inner.query(view, params, options);
    },
    export: (...args) => inner.export(...args),
    settings: () => inner.settings?.() ?? Promise.resolve({}),
  };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** The data blocks in a page's shadow root, with the section each sits in. */
function blocksOf(page) {
  return [...page.shadowRoot.querySelectorAll('*')]
    .filter((element) => 'loadComplete' in element)
    .map((element) => ({
      element,
      label: `${element.closest('[data-section]')?.getAttribute('data-section') ?? 'page'} / ${element.getAttribute('heading') ?? element.localName}`,
    }));
}

window.tallyPages = {
  /** Reads from the Tally server at `endpoint` with `token`. */
  useServer(endpoint, token) {
    source = new HttpSource({ endpoint, token, timeoutMs: 120_000, retries: 0 });
  },

  /** Generates `count` events for `users` users into a LocalSource; returns the ms taken. */
  useLocal(count, users) {
    const started = performance.now();
    const { events, roster, settings } = generateDataset({ count, users });
    source = new LocalSource({ storedEvents: events, roster, settings, now: () => BENCH_NOW });
    return { ms: performance.now() - started, events: source.engine.size };
  },

  /**
   * Mounts one page (`agent` or `credit`) and waits until every block answered; returns the
   * page's time and each block's, in ms from mounting, and the blocks that failed.
   */
  async render(kind) {
    document.body.replaceChildren();
    await frame();
    const page = document.createElement(TAGS[kind]);
    page.setAttribute('tz', 'UTC');
    page.setAttribute('locale', 'en-US');
    page.now = BENCH_NOW;
    requests = [];
    page.source = recording(source);
    const started = performance.now();
    document.body.append(page);
    await page.updateComplete;
    const blocks = blocksOf(page);
    const sections = {};
    const failed = [];
    await Promise.all(
      blocks.map(async ({ element, label }) => {
        // A block may start its query only after its first render: wait until it left loading.
        // (`idle` for a few turns: one that never asks stays idle.)
        for (let turn = 0; ; turn += 1) {
          await element.loadComplete;
          await element.updateComplete;
          if (element.status !== 'loading' && (element.status !== 'idle' || turn > 20)) break;
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        sections[label] = performance.now() - started;
        if (element.status === 'error') failed.push(`${label}: ${element.error?.message}`);
      }),
    );
    await frame();
    return { ms: performance.now() - started, sections, failed, requests };
  },
};
