/**
 * The SDK part of `npm run bench -- sdk`:
 *
 * - size: min+gzip and brotli of `import { createTracker } from '@tally/sdk'` bundled for the
 *   browser with its dependencies (rollup + terser), as an app's bundler would: what loads with
 *   the page, each lazy chunk (the transport with `ky`, loaded on the first send or when the page
 *   is idle; core's validator, loaded only for invalid events) and the total;
 * - track cost: the main-thread time of `track()` in headless Chromium, 10,000 calls timed in
 *   batches of 100 (the page clock is too coarse for one call), median per call;
 * - throughput: events per second from `track()` to a local collector that stored them all.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/measure.mjs';
import { printTable } from './lib/report.mjs';
import {
  SIZE_BUDGET_GZIP,
  SIZE_TARGET_GZIP,
  bundleScript,
  bundleSize,
} from '../packages/sdk/scripts/bundle-size.mjs';
import { startCollector } from '../packages/sdk/test-support/collector.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TRACK_CALLS = 10_000;
const BATCH = 100;

export async function run({ flags = [] } = {}) {
  const log = console.log;
  const quick = flags.includes('--quick');
  if (!flags.includes('--no-build')) {
    const built = spawnSync('npx', ['tsc', '--build', 'packages/sdk'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) log('warning: packages/sdk did not build; measuring the existing dist');
  }

  const size = await bundleSize("export { createTracker } from '@tally/sdk';");
  printTable([
    ['bundle', 'minified B', 'gzip B', 'brotli B'],
    ['with the page (eager)', size.eager.minified, size.eager.gzip, size.eager.brotli],
    ...size.lazy.map((chunk) => [`lazy: ${chunk.name}`, chunk.minified, chunk.gzip, chunk.brotli]),
    ['total', size.total.minified, size.total.gzip, size.total.brotli],
  ]);

  const figures = [
    { name: 'sdk.size-gzip', median: size.eager.gzip, unit: 'B' },
    { name: 'sdk.size-brotli', median: size.eager.brotli, unit: 'B' },
    { name: 'sdk.size-total-gzip', median: size.total.gzip, unit: 'B' },
  ];
  const targets = [
    {
      label:
        SIZE_BUDGET_GZIP === SIZE_TARGET_GZIP
          ? 'sdk bundle min+gzip (target, and the npm test budget)'
          : 'sdk bundle min+gzip (target)',
      actual: size.eager.gzip,
      limit: SIZE_TARGET_GZIP,
      kind: 'max',
      unit: ' B',
    },
  ];
  if (SIZE_BUDGET_GZIP !== SIZE_TARGET_GZIP) {
    targets.push({
      label: 'sdk bundle min+gzip (npm test budget)',
      actual: size.eager.gzip,
      limit: SIZE_BUDGET_GZIP,
      kind: 'max',
      unit: ' B',
    });
  }

  const script = await bundleScript(
    "import { createTracker } from '@tally/sdk'; globalThis.createTracker = createTracker;",
  );
  const browser = await measureInChromium({ script, quick, log });
  if (browser) {
    printTable([
      ['figure', 'value'],
      ['track() median per call, µs', browser.trackMedianUs],
      ['track() p95 of batch means, µs', browser.trackP95Us],
      [
        `delivery of ${browser.events.toLocaleString('en-US')} events, events/s`,
        browser.throughput,
      ],
    ]);
    figures.push(
      { name: 'sdk.track', median: browser.trackMedianUs, unit: 'µs' },
      { name: 'sdk.throughput', median: browser.throughput, unit: 'events/s' },
    );
    targets.push({
      label: 'sdk track() median per call',
      actual: browser.trackMedianUs,
      limit: 20,
      kind: 'max',
      unit: ' µs',
    });
  }
  return { figures, targets: quick ? [] : targets };
}

/** Serves a page running the bundle on 127.0.0.1 and measures it in headless Chromium. */
async function measureInChromium({ script, quick, log }) {
  const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    log(`warning: no Chromium at ${executablePath}; track() cost and throughput not measured`);
    return null;
  }
  const { default: puppeteer } = await import('puppeteer-core');
  const collector = await startCollector();
  const html = `<!doctype html><meta charset="utf-8"><title>sdk bench</title>
<script type="module" src="/sdk.js"></script>`;
  // A page of its own on 127.0.0.1: a real origin, so the tracker gets IndexedDB and Web Locks.
  const server = createServer((request, response) => {
    const isScript = request.url === '/sdk.js';
    response.writeHead(200, {
      'content-type': isScript ? 'text/javascript' : 'text/html; charset=utf-8',
    });
    response.end(isScript ? script : html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/`);
    await tab.waitForFunction(() => typeof globalThis.createTracker === 'function');
    const calls = quick ? 2_000 : TRACK_CALLS;
    const batchMeans = await tab.evaluate(
      async ({ endpoint, writeKey, calls, batch }) => {
        const tally = globalThis.createTracker({
          endpoint,
          writeKey,
          flushAt: 1e9,
          flushIntervalMs: 3_600_000,
          maxQueue: 1e6,
          onError: () => {},
        });
        const fields = { category: 'chat', conversationId: 'c-1', source: 'chat' };
        for (let index = 0; index < 1000; index += 1) tally.track('bench.warmup', fields);
        await tally.flush();
        const means = [];
        for (let done = 0; done < calls; done += batch) {
          const start = performance.now();
          for (let index = 0; index < batch; index += 1) tally.track('chat.message', fields);
          means.push(((performance.now() - start) * 1000) / batch);
          // Let the queue write its batch, as between the user's actions.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        await tally.shutdown({ timeoutMs: 30_000 });
        return means;
      },
      { endpoint: collector.url, writeKey: collector.writeKey, calls, batch: BATCH },
    );
    collector.reset();
    // A burst the default queue holds (maxQueue 10,000), as in the 10,000-event test.
    const events = quick ? 2_000 : 10_000;
    // From the first track() to the collector storing the last event (the queue's own cleanup
    // in IndexedDB goes on afterwards and is not counted).
    const started = Date.now();
    await tab.evaluate(
      ({ endpoint, writeKey, events }) => {
        globalThis.tally = globalThis.createTracker({
          endpoint,
          writeKey: `${writeKey}_throughput`,
          onError: () => {},
        });
        for (let index = 0; index < events; index += 1) {
          globalThis.tally.track('chat.message', { category: 'chat' });
        }
      },
      { endpoint: collector.url, writeKey: collector.writeKey, events },
    );
    const deadline = Date.now() + 120_000;
    while (collector.stats().stored < events && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const seconds = (Date.now() - started) / 1000;
    await tab.evaluate(() => globalThis.tally.shutdown({ timeoutMs: 30_000 }));
    const stored = collector.stats().stored;
    if (stored !== events) log(`warning: the collector stored ${stored} of ${events} events`);
    const sorted = [...batchMeans].sort((a, b) => a - b);
    return {
      trackMedianUs: round(median(batchMeans)),
      trackP95Us: round(sorted[Math.floor(sorted.length * 0.95)]),
      events,
      throughput: Math.round(stored / seconds),
    };
  } finally {
    await browser.close();
    server.close();
    await collector.close();
  }
}

function round(value) {
  return Math.round(value * 100) / 100;
}
