/**
 * A @web/test-runner plugin for the SDK's browser tests. It runs the test collector as a real
 * HTTP server on 127.0.0.1 for the whole test run (started in `serverStart`, a different origin
 * from the test pages, so requests are real cross-origin fetches), and answers server commands
 * from the tests (`executeServerCommand` of `@web/test-runner-commands`):
 *
 * - `tally-collector` `{ action, ...}`: `url`, `reset`, `stats`, `events`, `faults`, `maxBatch`,
 *   `rejectNames`: read and script the collector from Node, so a test can query it even while
 *   its page is offline.
 * - `tally-network` `{ forMs }`: takes the page offline through the DevTools protocol for `forMs`
 *   (the browser fires `offline`, then `online`, and `navigator.onLine` follows).
 */
import { startCollector } from './collector.mjs';

/** The plugin; `collector` options are passed to {@link startCollector}. */
export function tallyCollectorPlugin(options = {}) {
  /** @type {Awaited<ReturnType<typeof startCollector>> | undefined} */
  let collector;

  return {
    name: 'tally-collector',
    async serverStart() {
      collector = await startCollector(options);
    },
    async serverStop() {
      await collector?.close();
    },
    async executeCommand({ command, payload, session }) {
      if (command === 'tally-collector') {
        const { action, value } = payload ?? {};
        switch (action) {
          case 'url':
            return { url: collector.url, writeKey: collector.writeKey };
          case 'reset':
            collector.reset(value);
            return true;
          case 'stats':
            return collector.stats();
          case 'events':
            return collector.events();
          case 'faults':
            collector.setFaults(value ?? []);
            return true;
          case 'maxBatch':
            collector.setMaxBatch(value);
            return true;
          case 'rejectNames':
            collector.setRejectNames(value ?? []);
            return true;
          default:
            throw new Error(`tally-collector: unknown action ${action}`);
        }
      }
      if (command === 'tally-network') {
        const page = session.browser.getPage?.(session.id);
        if (!page) throw new Error(`${command} needs the Chrome launcher`);
        // Offline also cuts the test runner's own connection to the page, so the page cannot ask
        // to go back online: the plugin does it after `forMs`.
        await page.setOfflineMode(true);
        setTimeout(() => page.setOfflineMode(false).catch(() => {}), payload?.forMs ?? 1000);
        return true;
      }
      return undefined;
    },
  };
}
