// A @web/test-runner command plugin that saves a PNG of the test page (or a part of it) under
// docs/screenshots/. Browser side: `executeServerCommand('tally-screenshot', { name, clip })`
// from @web/test-runner-commands. It drives the Chromium page through @web/test-runner-chrome's
// puppeteer page, whose `screenshot()` is Chrome DevTools' `Page.captureScreenshot`.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const NAME = /^[a-z0-9][a-z0-9-]{0,80}$/;

/**
 * @param {{ rootDir?: string, folder?: string }} [options]
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function screenshotPlugin({ rootDir = process.cwd(), folder = 'docs/screenshots' } = {}) {
  const target = path.resolve(rootDir, folder);
  return {
    name: 'tally-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'tally-screenshot') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`tally-screenshot needs a Chromium launcher (got ${session.browser.type})`);
      }
      const { name, clip } = payload ?? {};
      if (typeof name !== 'string' || !NAME.test(name)) {
        throw new Error(
          `tally-screenshot: name must be lowercase letters, digits and dashes (got ${name})`,
        );
      }
      const page = session.browser.getPage(session.id);
      await mkdir(target, { recursive: true });
      const file = path.join(target, `${name}.png`);
      await page.screenshot({
        path: file,
        type: 'png',
        ...(clip
          ? { clip: { ...clip, scale: 1 }, captureBeyondViewport: true }
          : { fullPage: true }),
      });
      return path.relative(rootDir, file);
    },
  };
}
