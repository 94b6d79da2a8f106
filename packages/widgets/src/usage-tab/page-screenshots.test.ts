import { fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { $, click } from '../__test-support__/interact.js';
import { botSource, NOW as BOT_NOW } from '../bot-analytics/__fixtures__/bot-events.js';
import '../bot-analytics/bot-analytics.js';
import { capture } from './__fixtures__/capture.js';
import { settle } from './__fixtures__/settle.js';
import { NOW, usageSource } from './__fixtures__/usage-events.js';
import './usage-tab.js';
import type { TallyUsageTab } from './usage-tab.js';

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
