import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { executeServerCommand, readFile, resetMouse, setViewport } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { $, click } from '../__test-support__/interact.js';
import { botSource, NOW as BOT_NOW } from '../bot-analytics/__fixtures__/bot-events.js';
import '../bot-analytics/bot-analytics.js';
import { settle } from './__fixtures__/settle.js';
import { NOW, usageSource } from './__fixtures__/usage-events.js';
import './usage-tab.js';
import type { TallyUsageTab } from './usage-tab.js';

/** From this test file to the repository root, for the file commands. */
const ROOT = '../../../..';

/** The width and height a PNG's header states. */
function pngSize(base64: string): { width: number; height: number } {
  const bytes = Uint8Array.from(atob(base64.slice(0, 64)), (char) => char.charCodeAt(0));
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.slice(0, 8)]).to.deep.equal(signature);
  const view = new DataView(bytes.buffer);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Saves a PNG of `element` as `docs/screenshots/<name>.png` and checks the file written. */
async function capture(element: Element, name: string): Promise<void> {
  // No hover highlight left by an earlier click.
  await resetMouse();
  window.scrollTo(0, 0);
  await nextFrame();
  await nextFrame();
  const box = element.getBoundingClientRect();
  const clip = {
    x: Math.floor(box.left + window.scrollX),
    y: Math.floor(box.top + window.scrollY),
    width: Math.ceil(box.width),
    height: Math.ceil(box.height),
  };
  const written = await executeServerCommand<string, { name: string; clip: typeof clip }>(
    'tally-screenshot',
    {
      name,
      clip,
    },
  );
  expect(written).to.equal(`docs/screenshots/${name}.png`);
  const data = await readFile({ path: `${ROOT}/docs/screenshots/${name}.png`, encoding: 'base64' });
  expect(data, `${name}.png was written`).to.be.a('string');
  expect(pngSize(data as string)).to.deep.equal({ width: clip.width, height: clip.height });
  expect(clip.height).to.be.above(300);
}

describe('page screenshots (docs/screenshots/)', () => {
  before(() => setViewport({ width: 1280, height: 900 }));

  for (const theme of ['light', 'dark']) {
    it(`saves both tabs of the usage page in the ${theme} theme`, async () => {
      const page = await fixture<TallyUsageTab>(html`
        <tally-usage-tab
          style="--tally-page-padding: 24px; width: 1180px"
          .source=${usageSource()}
          tz="UTC"
          locale="en-US"
          theme=${theme}
          .now=${NOW}
        ></tally-usage-tab>
      `);
      await settle(page);
      await capture(page, `usage-tab-leaderboard-${theme}`);
      await click($(page, '[data-tab="metrics"]'));
      await settle(page);
      await capture(page, `usage-tab-metrics-${theme}`);
    });

    it(`saves the bot analytics page in the ${theme} theme`, async () => {
      const page = await fixture<LitElement>(html`
        <tally-bot-analytics
          style="--tally-page-padding: 24px; width: 1180px"
          .source=${botSource()}
          tz="UTC"
          locale="en-US"
          theme=${theme}
          .now=${BOT_NOW}
        ></tally-bot-analytics>
      `);
      await settle(page);
      await capture(page, `bot-analytics-${theme}`);
    });
  }
});
