/**
 * The widgets part of `npm run bench`: bundle sizes of the pages (min+gzip, chart.js apart),
 * the time to first render of the usage page over a LocalSource holding the bench dataset in
 * headless Chromium, and the leaderboard's scroll cost with 10,000 users.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { printTable } from './lib/report.mjs';
import { bundle } from './widgets/bundle.mjs';
import { writeEntries } from './widgets/entries.mjs';

const isChart = (id) =>
  id === 'chart.js' || id.includes('/node_modules/chart.js/') || id.includes('@kurkle/color');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export async function run({ flags = [] } = {}) {
  const quick = flags.includes('--quick');
  const eventsFlag = flags.find((flag) => flag.startsWith('--events='));
  const count = eventsFlag
    ? Number(eventsFlag.slice('--events='.length))
    : quick
      ? 100_000
      : 1_000_000;
  if (!flags.includes('--no-build')) {
    const built = spawnSync('npx', ['tsc', '--build', 'packages/widgets'], { stdio: 'inherit' });
    if (built.status !== 0)
      console.log('warning: the widgets did not build cleanly; measuring dist as it is');
  }

  // Sizes.
  const folder = mkdtempSync(join(tmpdir(), 'tally-widgets-bench-'));
  const entries = writeEntries(folder);
  const sizes = [];
  for (const name of ['usage-tab', 'bot-analytics', 'all', 'local-source']) {
    const withoutCharts = await bundle(entries[name], { external: isChart });
    const whole = await bundle(entries[name]);
    sizes.push({
      name,
      gzip: withoutCharts.gzip,
      bytes: withoutCharts.bytes,
      chartGzip: whole.gzip - withoutCharts.gzip,
    });
  }
  printTable([
    ['bundle', 'min KB', 'min+gzip KB', 'chart.js adds (gzip KB)'],
    ...sizes.map((size) => [size.name, size.bytes / 1000, size.gzip / 1000, size.chartGzip / 1000]),
  ]);

  // Rendering, in headless Chromium.
  const page = await bundle(new URL('./widgets/page-entry.mjs', import.meta.url).pathname);
  rmSync(folder, { recursive: true, force: true });
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--js-flags=--max-old-space-size=8192',
    ],
  });
  const figures = [];
  const targets = [];
  try {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 900 });
    await tab.setContent(
      '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>',
    );
    await tab.addScriptTag({ content: page.code, type: 'module' });
    await tab.waitForFunction(() => window.tallyBench !== undefined);
    const loaded = await tab.evaluate((events) => window.tallyBench.load(events, 2000), count);
    console.log(
      `\nloaded ${loaded.events.toLocaleString('en-US')} events for 2,000 users in ${Math.round(loaded.ms)} ms (not timed below)`,
    );
    const runs = quick ? 3 : 7;
    const leaderboard = [];
    const metrics = [];
    let rows = 0;
    for (let index = 0; index < runs + 1; index += 1) {
      const first = await tab.evaluate(() => window.tallyBench.leaderboardTab());
      const second = await tab.evaluate(() => window.tallyBench.metricsTab());
      rows = first.rows;
      // The first run warms the JIT and chart.js up.
      if (index === 0) continue;
      leaderboard.push(first.ms);
      metrics.push(second.ms);
    }
    const scrollData = await tab.evaluate(() => window.tallyBench.load(300_000, 10_000));
    const scrolled = await tab.evaluate(() => window.tallyBench.scroll(240, 260));
    printTable([
      ['figure', 'median ms', 'p95 ms'],
      [
        `leaderboard tab, first render (${rows.toLocaleString('en-US')} rows)`,
        median(leaderboard),
        quantile(leaderboard, 0.95),
      ],
      ['metrics tab, first render', median(metrics), quantile(metrics, 0.95)],
      [
        `leaderboard scroll step (${scrolled.rows.toLocaleString('en-US')} rows)`,
        median(scrolled.costs),
        quantile(scrolled.costs, 0.95),
      ],
      [
        'leaderboard scroll frame interval',
        median(scrolled.intervals),
        quantile(scrolled.intervals, 0.95),
      ],
    ]);
    console.log(`(scroll data: ${scrollData.events.toLocaleString('en-US')} events)`);
    figures.push(
      { name: 'widgets.usage-tab-first-render', median: median(leaderboard), unit: 'ms' },
      { name: 'widgets.metrics-tab-first-render', median: median(metrics), unit: 'ms' },
      { name: 'widgets.leaderboard-scroll-step', median: median(scrolled.costs), unit: 'ms' },
      { name: 'widgets.leaderboard-scroll-frame', median: median(scrolled.intervals), unit: 'ms' },
    );
    if (!quick) {
      targets.push(
        {
          label: 'usage tab first render (1M events, 2,000 users)',
          actual: median(leaderboard),
          limit: 300,
          kind: 'max',
          unit: 'ms',
        },
        {
          label: 'leaderboard scroll step p95 (10,000 users)',
          actual: quantile(scrolled.costs, 0.95),
          limit: 16.7,
          kind: 'max',
          unit: 'ms',
        },
      );
    }
  } finally {
    await browser.close();
  }
  for (const size of sizes) {
    figures.push({ name: `widgets.bundle-${size.name}`, median: size.gzip / 1000, unit: 'KB' });
  }
  targets.push(
    ...sizes
      .filter((size) => size.name === 'usage-tab' || size.name === 'bot-analytics')
      .map((size) => ({
        label: `${size.name} bundle min+gzip without chart.js`,
        actual: size.gzip / 1000,
        limit: 40,
        kind: 'max',
        unit: 'KB',
      })),
  );
  return { figures, targets };
}
