/**
 * The analytics pages' benchmark (`npm run bench -- pages`): the first render of
 * `<tally-agent-analytics>` and `<tally-credit-analytics>` in headless Chromium, (a) over the
 * Tally server (`HttpSource`, `POST /v1/query`) on a DuckDB file of 10M stored events, and (b)
 * over a `LocalSource` holding 1M events in the page.
 *
 * A first render runs from mounting the tag (default range: this month for the agent page, 30
 * days for the credit page) until every data block shows its answer; each block's own time is
 * until its answer arrived and rendered. Every run mounts a fresh page and source, so nothing
 * is cached in the browser; the server keeps no answer cache either.
 *
 * Figures (`bench:` lines; for `.p95` figures the `median` field holds the p95):
 * - `pages.server.<page>` and `pages.server.<page>.p95`: the whole page over the server.
 * - `pages.server.<page>.slowest-section.p95`: the slowest block's p95 (the target: ≤ 500 ms).
 * - `pages.server.<page>.<section>.p95`: each block's p95 (`<section>` is the page section and
 *   the block's heading, as words joined by dashes).
 * - `pages.local.<page>` and `pages.local.<page>.p95`: the whole page over the LocalSource.
 *
 * Flags: `--quick` (1M stored, 100k local, 3 runs, targets not judged), `--server-events=N`
 * (10M), `--local-events=N` (1M), `--runs=N` (timed runs per page, default 10), `--no-build`.
 * The DuckDB file is the server benchmark's (`bench/server/query.mjs`), built once and kept in
 * the temp folder.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { BENCH_NOW } from './generate-events.mjs';
import { round } from './lib/measure.mjs';
import { printTable } from './lib/report.mjs';
import { BENCH_KEYS, benchConfig } from './server/bench-config.mjs';
import { createClient } from './server/http-client.mjs';
import { openDatabase, quantile } from './server/query.mjs';
import { bundle } from './widgets/bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'packages/server/dist');

/** The target: every section of a page answered within 500 ms p95 over 10M events. */
const SECTION_P95_MS = 500;
const PAGES = ['agent', 'credit'];

function readFlag(flags, name, fallback) {
  const flag = flags.find((candidate) => candidate.startsWith(`--${name}=`));
  if (flag === undefined) return fallback;
  const value = Number(flag.slice(name.length + 3));
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`--${name}: must be a positive whole number`);
  return value;
}

const slug = (label) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Renders `kind` `warmup + runs` times; the page's and each block's times of the timed runs. */
async function samplePage(tab, kind, runs, warmup) {
  const pages = [];
  const sections = {};
  let requests = [];
  for (let index = 0; index < warmup + runs; index += 1) {
    const result = await tab.evaluate((page) => window.tallyPages.render(page), kind);
    if (result.failed.length > 0) {
      throw new Error(`${kind} page: blocks failed:\n  ${result.failed.join('\n  ')}`);
    }
    requests = result.requests;
    if (index < warmup) continue;
    pages.push(result.ms);
    for (const [label, ms] of Object.entries(result.sections)) (sections[label] ??= []).push(ms);
  }
  return {
    requests,
    median: quantile(pages, 0.5),
    p95: quantile(pages, 0.95),
    sections: Object.entries(sections).map(([label, samples]) => ({
      label,
      median: quantile(samples, 0.5),
      p95: quantile(samples, 0.95),
    })),
  };
}

/**
 * Times each distinct request of a page alone on `POST /v1/query`, one after another (no
 * queueing behind the page's other requests): the server's own time per view.
 */
async function sampleAlone(url, requests, runs) {
  const client = createClient(url, 1);
  const distinct = [...new Map(requests.map((body) => [JSON.stringify(body), body])).values()];
  const results = [];
  try {
    for (const body of distinct) {
      const text = JSON.stringify(body);
      const samples = [];
      for (let index = 0; index < runs; index += 1) {
        const started = performance.now();
        const answer = await client.post('/v1/query', text, {
          authorization: `Bearer ${BENCH_KEYS.secret}`,
        });
        if (answer.status !== 200) throw new Error(`${text} answered ${answer.status}`);
        samples.push(performance.now() - started);
      }
      const { view, range: _range, tz: _tz, filters: _filters, ...params } = body;
      const label = `${view} ${Object.values(params)
        .map((value) => (Array.isArray(value) ? value.join('+') : String(value)))
        .join(' ')}`.trim();
      results.push({ label, median: quantile(samples, 0.5), p95: quantile(samples, 0.95) });
    }
  } finally {
    client.close();
  }
  return results;
}

/** Runs the pages benchmark. */
export async function run({ flags = [] } = {}) {
  const log = (...parts) => console.log(...parts);
  const quick = flags.includes('--quick');
  const serverEvents = readFlag(flags, 'server-events', quick ? 1_000_000 : 10_000_000);
  const localEvents = readFlag(flags, 'local-events', quick ? 100_000 : 1_000_000);
  const runs = readFlag(flags, 'runs', quick ? 3 : 10);
  const warmup = 1;
  if (!flags.includes('--no-build')) {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const built = spawnSync(process.execPath, [tsc, '--build'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`building the packages failed:\n${built.stdout}`);
  }
  const load = loadavg()[0];
  if (load > cpus().length / 2) {
    log(
      `warning: the machine is busy (load ${load.toFixed(1)} on ${cpus().length} cores); the figures are pessimistic`,
    );
  }

  const server = await import(pathToFileURL(join(dist, 'index.js')).href);
  log(`server: ${serverEvents.toLocaleString('en-US')} stored events`);
  const { store, settings } = await openDatabase({ count: serverEvents, dist, log });
  const tally = server.createTallyServer({
    store,
    // A plan and a budget, so the credit report and budget blocks do their whole work.
    config: benchConfig({
      ...settings,
      planCredits: 2_000_000,
      additionalCredits: 500_000,
      budget: { measure: 'credits', limit: 2_500_000, period: 'month' },
    }),
    now: () => BENCH_NOW,
  });
  const listening = await server.listen(tally, { host: '127.0.0.1', port: 0 });
  const entry = await bundle(new URL('./pages/page-entry.mjs', import.meta.url).pathname);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    // A render over 10M events on a busy machine can take minutes.
    protocolTimeout: 1_800_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--js-flags=--max-old-space-size=8192',
    ],
  });
  const results = { server: {}, local: {} };
  let localLoad;
  try {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 900 });
    // The page comes from the server's origin, as a same-site embedding would (no CORS preflights).
    await tab.goto(`${listening.url}/healthz`).catch(() => undefined);
    await tab.setContent(
      '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>',
    );
    await tab.addScriptTag({ content: entry.code, type: 'module' });
    await tab.waitForFunction(() => window.tallyPages !== undefined);

    await tab.evaluate(
      (url, token) => window.tallyPages.useServer(url, token),
      listening.url,
      BENCH_KEYS.secret,
    );
    for (const kind of PAGES) {
      log(`  ${kind} page over the server: ${warmup} warm-up and ${runs} timed renders`);
      results.server[kind] = await samplePage(tab, kind, runs, warmup);
      const aloneRuns = Math.min(runs, 3);
      log(`  ${kind} page's requests one at a time: ${aloneRuns} runs each`);
      results.server[kind].alone = await sampleAlone(
        listening.url,
        results.server[kind].requests,
        aloneRuns,
      );
    }

    localLoad = await tab.evaluate((count) => window.tallyPages.useLocal(count, 2000), localEvents);
    log(
      `  loaded ${localLoad.events.toLocaleString('en-US')} events into a LocalSource in ${Math.round(localLoad.ms)} ms (not timed below)`,
    );
    for (const kind of PAGES) {
      log(`  ${kind} page over the LocalSource: ${warmup} warm-up and ${runs} timed renders`);
      results.local[kind] = await samplePage(tab, kind, runs, warmup);
    }
  } finally {
    await browser.close();
    await listening.close();
    await store.close();
  }

  const figures = [];
  const targets = [];
  for (const kind of PAGES) {
    const over = results.server[kind];
    log(`\n${kind} page over the server (${serverEvents.toLocaleString('en-US')} events):`);
    printTable([
      ['section / block', 'median ms', 'p95 ms'],
      ...over.sections.map((section) => [
        section.label,
        round(section.median, 0),
        round(section.p95, 0),
      ]),
      ['whole page', round(over.median, 0), round(over.p95, 0)],
    ]);
    log(`\n${kind} page's requests, each alone on POST /v1/query (no queueing):`);
    printTable([
      ['request', 'median ms', 'p95 ms'],
      ...over.alone.map((request) => [
        request.label,
        round(request.median, 0),
        round(request.p95, 0),
      ]),
    ]);
    const slowest = over.sections.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    figures.push(
      { name: `pages.server.${kind}`, median: round(over.median, 0), unit: 'ms' },
      { name: `pages.server.${kind}.p95`, median: round(over.p95, 0), unit: 'ms' },
      {
        name: `pages.server.${kind}.slowest-section.p95`,
        median: round(slowest.p95, 0),
        unit: 'ms',
      },
      ...over.sections.map((section) => ({
        name: `pages.server.${kind}.${slug(section.label)}.p95`,
        median: round(section.p95, 0),
        unit: 'ms',
      })),
      ...over.alone.map((request) => ({
        name: `pages.server.${kind}.alone.${slug(request.label)}`,
        median: round(request.median, 0),
        unit: 'ms',
      })),
    );
    if (!quick) {
      targets.push({
        label: `${kind} page: slowest section p95 over ${serverEvents.toLocaleString('en-US')} events (${slowest.label})`,
        actual: round(slowest.p95, 0),
        limit: SECTION_P95_MS,
        kind: 'max',
        unit: ' ms',
      });
    }
  }
  log('');
  printTable([
    ['page over a LocalSource', 'median ms', 'p95 ms', 'slowest block p95 ms'],
    ...PAGES.map((kind) => {
      const local = results.local[kind];
      return [
        `${kind} (${localLoad.events.toLocaleString('en-US')} events)`,
        round(local.median, 0),
        round(local.p95, 0),
        round(Math.max(...local.sections.map((section) => section.p95)), 0),
      ];
    }),
  ]);
  for (const kind of PAGES) {
    figures.push(
      { name: `pages.local.${kind}`, median: round(results.local[kind].median, 0), unit: 'ms' },
      { name: `pages.local.${kind}.p95`, median: round(results.local[kind].p95, 0), unit: 'ms' },
    );
  }
  return { figures, targets };
}
