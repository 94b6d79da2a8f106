import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { expectEveryBlockAnswered } from '../__test-support__/analytics-server.js';
import '../credit-analytics/credit-analytics.js';
import { capture } from '../usage-tab/__fixtures__/capture.js';
import { settle } from '../usage-tab/__fixtures__/settle.js';
import './agent-analytics.js';

// Screenshots of the analytics pages for docs/screenshots/ (decision 0054), over the real server
// holding the test server's demo tenant: 30,000 events of the benchmark's generator over 90 days.
// `npx wtr --files 'packages/widgets/src/agent-analytics/analytics-screenshots.server.test.ts'`
// rewrites the four PNGs.

/** What the plugin's `tally-demo-server` command answers. */
interface DemoServer {
  url: string;
  adminToken: string;
}

describe('analytics page screenshots (docs/screenshots/)', () => {
  before(() => setViewport({ width: 1280, height: 900 }));

  for (const theme of ['light', 'dark']) {
    it(`saves the agent analytics page in the ${theme} theme`, async () => {
      const server = await executeServerCommand<DemoServer, undefined>('tally-demo-server');
      const page = await fixture<LitElement>(html`
        <tally-agent-analytics
          style="--tally-page-padding: 24px; width: 1180px"
          endpoint=${server.url}
          token=${server.adminToken}
          tz="UTC"
          locale="en-US"
          theme=${theme}
        ></tally-agent-analytics>
      `);
      await settle(page, 60_000);
      expectEveryBlockAnswered(page);
      await capture(page, `agent-analytics-${theme}`);
    });

    it(`saves the credit analytics page in the ${theme} theme`, async () => {
      const server = await executeServerCommand<DemoServer, undefined>('tally-demo-server');
      const page = await fixture<LitElement>(html`
        <tally-credit-analytics
          style="--tally-page-padding: 24px; width: 1180px"
          endpoint=${server.url}
          token=${server.adminToken}
          tz="UTC"
          locale="en-US"
          theme=${theme}
        ></tally-credit-analytics>
      `);
      await settle(page, 60_000);
      expectEveryBlockAnswered(page);
      expect(page.getBoundingClientRect().height).to.be.above(600);
      await capture(page, `credit-analytics-${theme}`);
    });
  }
});
