/**
 * The core benchmark: 1M generated events appended to core's ColumnarEngine, as objects and as
 * dictionary-encoded columns (time and retained memory), then the usage tab (leaderboard, stats
 * with previous period, hourly timeline, category breakdown over 90 days) on core's views,
 * DuckDB, arquero and a hand-written typed-array pass, side by side, with their answers checked
 * against each other.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createArqueroPeer } from './core/arquero-peer.mjs';
import { toColumns } from './core/columns.mjs';
import { createDuckdbPeer } from './core/duckdb-peer.mjs';
import { toEngineColumns } from './core/engine-columns.mjs';
import { engineUsageTab } from './core/engine-stub.mjs';
import { createTypedArrayPeer } from './core/typed-array-peer.mjs';
import {
  BREAKDOWN_TOP,
  USAGE_TAB_RANGE,
  USAGE_TAB_STATS,
  answerOf,
  compareAnswers,
  fallbackRanges,
} from './core/usage-tab.mjs';
import { generateDataset } from './generate-events.mjs';
import { collectGarbage, retainedBytes, round, timeRuns } from './lib/measure.mjs';
import { format, printTable } from './lib/report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const coreDist = join(root, 'packages/core/dist');

/** Targets of DESIGN's performance budget for 1M events. */
const TARGETS = {
  usageTabMs: 25,
  vsDuckdb: 5,
  vsArquero: 50,
  appendMs: 400,
  appendMemoryMb: 150,
};

/** The implementations core is compared with, in the order they run. */
const PEERS = [
  {
    id: 'duckdb',
    key: 'duckdb',
    title: 'duckdb (sql)',
    create: createDuckdbPeer,
    runs: 5,
    quickRuns: 3,
    warmup: 2,
  },
  {
    id: 'arquero',
    key: 'arquero',
    title: 'arquero (verbs)',
    create: createArqueroPeer,
    runs: 3,
    quickRuns: 2,
    warmup: 1,
  },
  {
    id: 'typed-arrays',
    key: 'typedArrays',
    title: 'typed arrays (hand-written)',
    create: createTypedArrayPeer,
    runs: 15,
    quickRuns: 5,
    warmup: 3,
  },
];

/** What core must export for the benchmark, and where each lives when not yet exported. */
const CORE_EXPORTS = {
  ColumnarEngine: 'engine/columnar-engine.js',
  leaderboard: 'views/leaderboard.js',
  stats: 'views/stats.js',
  timeline: 'views/timeline.js',
  breakdown: 'views/breakdown.js',
};

/** Builds core (incremental) unless `--no-build`; a failed build is reported, not fatal. */
function buildCore(flags, log) {
  if (flags.includes('--no-build')) return;
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '--build', 'packages/core'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim().split('\n');
    log(`warning: building core failed; measuring the last build, if any:`);
    for (const line of output.slice(0, 8)) log(`  ${line}`);
    if (output.length > 8) log(`  ... ${output.length - 8} more lines`);
  }
}

/**
 * Loads core's build: the package entry, with names not (yet) exported from it taken from
 * their own modules. Returns `null` when there is no build or no engine.
 */
async function loadCore(log) {
  const entry = join(coreDist, 'index.js');
  const loaded = {};
  if (existsSync(entry)) {
    try {
      Object.assign(loaded, await import(pathToFileURL(entry).href));
    } catch (error) {
      log(`warning: importing packages/core/dist/index.js failed: ${error.message}`);
    }
  }
  const deep = [];
  for (const [name, path] of Object.entries(CORE_EXPORTS)) {
    if (typeof loaded[name] === 'function') continue;
    const file = join(coreDist, path);
    if (!existsSync(file)) continue;
    try {
      const module = await import(pathToFileURL(file).href);
      if (typeof module[name] === 'function') {
        loaded[name] = module[name];
        deep.push(`${name} (dist/${path})`);
      }
    } catch (error) {
      log(`warning: importing dist/${path} failed: ${error.message}`);
    }
  }
  if (deep.length > 0) log(`note: not exported from @tally/core's index yet: ${deep.join(', ')}`);
  const missing = Object.keys(CORE_EXPORTS).filter((name) => typeof loaded[name] !== 'function');
  if (missing.includes('ColumnarEngine')) {
    log('warning: core has no ColumnarEngine build; measuring the peers only');
    return null;
  }
  loaded.hasViews = missing.length === 0;
  if (!loaded.hasViews) {
    log(
      `warning: core is missing ${missing.join(', ')}: measuring the engine through its ` +
        `aggregate queries (figure core.usage-tab-engine-only) instead of the views`,
    );
  }
  return loaded;
}

/** The usage tab on core's views: the four requests a usage page makes at once. */
function coreUsageTab(core, context, ranges) {
  if (!core.hasViews) return engineUsageTab(context.engine, context.roster, ranges);
  const range = USAGE_TAB_RANGE;
  return Promise.all([
    core.leaderboard(context, { range }),
    core.stats(context, { range, stats: USAGE_TAB_STATS }),
    core.timeline(context, { range, measure: 'events', granularity: 'hour' }),
    core.breakdown(context, {
      range,
      dimension: 'category',
      measure: 'events',
      top: BREAKDOWN_TOP,
    }),
  ]).then(([leaderboard, stats, timeline, breakdown]) => ({
    leaderboard,
    stats,
    timeline,
    breakdown,
  }));
}

function readNumberFlag(flags, name, fallback) {
  const flag = flags.find((value) => value.startsWith(`--${name}=`));
  if (flag === undefined) return fallback;
  const value = Number(flag.slice(name.length + 3).replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1000) {
    throw new Error(`--${name} must be a whole number of at least 1000 (got ${flag})`);
  }
  return value;
}

function readListFlag(flags, name) {
  const flag = flags.find((value) => value.startsWith(`--${name}=`));
  return flag === undefined
    ? []
    : flag
        .slice(name.length + 3)
        .split(',')
        .filter(Boolean);
}

function countLabel(count) {
  if (count % 1_000_000 === 0) return `${count / 1_000_000}m`;
  if (count % 1000 === 0) return `${count / 1000}k`;
  return String(count);
}

function busyWarning(log) {
  const load = loadavg()[0];
  const cores = cpus().length;
  if (load > cores * 0.5) {
    log(
      `warning: the machine is busy (load ${load.toFixed(1)} on ${cores} cores): figures are noisy`,
    );
  }
}

/**
 * Runs the core benchmark.
 *
 * @param {{ flags: string[] }} options `--quick`, `--events=N`, `--no-build`
 * @returns {Promise<{ figures: object[], targets: object[] }>}
 */
export async function run({ flags = [] } = {}) {
  const log = console.log;
  const quick = flags.includes('--quick');
  const count = readNumberFlag(flags, 'events', quick ? 100_000 : 1_000_000);
  const label = countLabel(count);
  const runs = quick ? { append: 2, core: 5 } : { append: 3, core: 15 };
  const skipped = readListFlag(flags, 'skip');
  const unknownSkips = skipped.filter((id) => !PEERS.some((peer) => peer.id === id));
  if (unknownSkips.length > 0) {
    throw new Error(
      `--skip takes ${PEERS.map((peer) => peer.id).join(', ')} (got ${unknownSkips.join(', ')})`,
    );
  }
  log(
    `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ` +
      `${count.toLocaleString('en-US')} events${quick ? ' (quick)' : ''}`,
  );
  busyWarning(log);

  buildCore(flags, log);
  const core = await loadCore(log);

  // Memory baseline: everything loaded, no data yet.
  const baseline = retainedBytes();
  let generated = performance.now();
  const dataset = generateDataset({ count });
  generated = performance.now() - generated;
  const { now, roster, settings } = dataset;
  log(
    `generated ${dataset.events.length.toLocaleString('en-US')} events in ${format(generated)} ms ` +
      `(${roster.length} roster users, ${new Date(dataset.from).toISOString().slice(0, 10)} to ` +
      `${new Date(now).toISOString().slice(0, 16)}Z)`,
  );

  const results = { peers: [] };
  let ranges = fallbackRanges(now);

  // (a) core: append, retained memory, usage tab.
  if (core !== null) {
    let events = dataset.events;
    let lastEngine = null;
    results.append = await timeRuns((engine) => engine.append(events), {
      runs: runs.append,
      setup: () => {
        lastEngine = null; // let the previous run's engine be collected first
        collectGarbage();
        lastEngine = new core.ColumnarEngine();
        return lastEngine;
      },
      collect: true,
    });
    // The same events as dictionary-encoded columns (built untimed), then the objects dropped:
    // appendColumns is timed with only its input and the engines in the heap.
    lastEngine = null;
    const beforeColumns = retainedBytes();
    let columns = toEngineColumns(events, { encoded: true });
    results.columnsInputMb = (retainedBytes() - beforeColumns) / 1e6;
    events = null;
    dataset.events = null;
    results.appendColumns = await timeRuns((engine) => engine.appendColumns(columns), {
      runs: runs.append,
      setup: () => {
        lastEngine = null;
        collectGarbage();
        lastEngine = new core.ColumnarEngine();
        return lastEngine;
      },
      collect: true,
    });
    // Keep the last engine; drop every reference to the input so only the engine remains.
    lastEngine.setRoster(roster);
    columns = null;
    const retained = retainedBytes() - baseline;
    results.appendMemoryMb = retained / 1e6;

    const context = { engine: lastEngine, now, settings, roster };
    const tab = await timeRuns(() => coreUsageTab(core, context, ranges), {
      runs: runs.core,
      warmup: 3,
    });
    results.core = {
      ...tab,
      title: core.hasViews ? 'tally core (views)' : 'tally core (engine only)',
      answer: answerOf(tab.result),
    };
    ranges = {
      range: { from: tab.result.stats.range.from, to: tab.result.stats.range.to },
      previous: {
        from: tab.result.stats.previousRange.from,
        to: tab.result.stats.previousRange.to,
      },
    };
    lastEngine = null;
    context.engine = null;
    collectGarbage();
  }

  // The peers load the same events (regenerated: the first copy was dropped for the memory
  // figure), as columns.
  const columns = toColumns(dataset.events ?? generateDataset({ count }).events);
  dataset.events = null;
  collectGarbage();
  const rangeNote =
    `${new Date(ranges.range.from).toISOString().slice(0, 10)} to ` +
    `${new Date(ranges.range.to).toISOString().slice(0, 10)} (UTC), previous period from ` +
    `${new Date(ranges.previous.from).toISOString().slice(0, 10)}`;
  log(`usage tab range: ${rangeNote}`);

  // (b) DuckDB, (c) arquero, (d) the hand-written typed-array pass.
  for (const peer of PEERS) {
    if (skipped.includes(peer.id)) continue;
    let loadMs = performance.now();
    const implementation = await peer.create(columns, roster);
    loadMs = performance.now() - loadMs;
    const tab = await timeRuns(() => implementation.usageTab(ranges), {
      runs: quick ? peer.quickRuns : peer.runs,
      warmup: peer.warmup,
    });
    const extra =
      peer.id === 'duckdb'
        ? ` (${format((await implementation.memoryBytes()) / 1e6)} MB in duckdb)`
        : '';
    results.peers.push({ ...peer, ...tab, loadMs, extra, answer: answerOf(tab.result) });
    implementation.close?.();
  }

  // Same answers, or the comparison is worthless.
  const measured = [
    ...(results.core ? [{ id: 'core', title: results.core.title, ...results.core }] : []),
    ...results.peers,
  ];
  const reference = measured[0];
  const differing = [];
  for (const entry of measured) {
    if (entry === reference) {
      entry.agreement = 'reference';
      continue;
    }
    const differences = compareAnswers(reference.answer, entry.answer);
    entry.agreement = differences.length === 0 ? 'agree' : `${differences.length} DIFFER`;
    if (differences.length > 0) {
      differing.push(entry.id);
      log(`warning: ${entry.id}'s answers differ from ${reference.id}'s (${differences.length}):`);
      for (const difference of differences.slice(0, 10)) log(`  ${difference}`);
    }
  }

  // Report.
  const tallyMedian = results.core?.median ?? null;
  const ratio = (peer) => (tallyMedian === null ? null : round(peer / tallyMedian, 2));
  log('');
  log(`usage tab over ${count.toLocaleString('en-US')} events; ${rangeNote}`);
  if (reference !== undefined) {
    const { stats: cards, leaderboard: board, timeline: line } = reference.answer;
    log(
      `  answers: ${format(cards.requests.value)} requests (previous ${format(cards.requests.previous)}), ` +
        `${cards.uniqueIps.value} IPs, ${board.ranked} ranked + ${board.idle} idle users, ` +
        `p95 ${format(cards.latencyP95.value)} ms, ${line.buckets} hourly buckets`,
    );
    const span = (samples) => `${format(Math.min(...samples))}–${format(Math.max(...samples))}`;
    const rows = [
      ['implementation', 'median ms', 'min–max ms', 'cpu ms', 'runs', 'peer ÷ core', 'answers'],
    ];
    for (const entry of measured) {
      rows.push([
        entry.title,
        round(entry.median),
        span(entry.samples),
        round(entry.cpuMedian),
        String(entry.samples.length),
        entry.id === 'core' ? '1' : tallyMedian === null ? '-' : format(ratio(entry.median), 2),
        entry.agreement,
      ]);
    }
    printTable(rows);
  }
  if (results.peers.length > 0) {
    const loads = results.peers.map((peer) => `${peer.id} ${format(peer.loadMs)} ms${peer.extra}`);
    log(`  loading the peers (not timed above): ${loads.join(', ')}`);
  }
  if (results.append) {
    const samples = (entry) => entry.samples.map((sample) => format(sample)).join(', ');
    log('');
    log(
      `append ${count.toLocaleString('en-US')} events to ColumnarEngine as objects, append(events): ` +
        `median ${format(results.append.median)} ms (${samples(results.append)}; cpu ${format(results.append.cpuMedian)} ms)`,
    );
    log(
      `append them as dictionary-encoded columns, appendColumns(columns): median ` +
        `${format(results.appendColumns.median)} ms (${samples(results.appendColumns)}; ` +
        `cpu ${format(results.appendColumns.cpuMedian)} ms; the input columns hold ` +
        `${format(results.columnsInputMb)} MB)`,
    );
    log(
      `retained after gc: ${format(results.appendMemoryMb)} MB (JS heap + ArrayBuffers, input dropped)`,
    );
  }
  busyWarning(log);

  const figures = [];
  const targets = [];
  const peerMedian = (id) => results.peers.find((peer) => peer.id === id)?.median;
  if (results.core) {
    const vs = {};
    for (const peer of results.peers) vs[peer.key] = ratio(peer.median);
    const tabName = core.hasViews ? 'core.usage-tab' : 'core.usage-tab-engine-only';
    figures.push({
      name: tabName,
      median: round(results.core.median, 2),
      unit: 'ms',
      cpu: round(results.core.cpuMedian, 2),
      vs,
    });
    figures.push({
      name: `core.append-${label}`,
      median: round(results.append.median),
      unit: 'ms',
      cpu: round(results.append.cpuMedian),
    });
    figures.push({
      name: `core.append-columns-${label}`,
      median: round(results.appendColumns.median),
      unit: 'ms',
      cpu: round(results.appendColumns.cpuMedian),
    });
    figures.push({
      name: `core.append-${label}-memory`,
      median: round(results.appendMemoryMb),
      unit: 'MB',
    });
    if (count === 1_000_000) {
      const versus = (id) => (peerMedian(id) === undefined ? null : ratio(peerMedian(id)));
      targets.push(
        {
          label: tabName,
          actual: results.core.median,
          limit: TARGETS.usageTabMs,
          kind: 'max',
          unit: ' ms',
        },
        {
          label: `${tabName} vs duckdb`,
          actual: versus('duckdb'),
          limit: TARGETS.vsDuckdb,
          kind: 'min',
          unit: '×',
        },
        {
          label: `${tabName} vs arquero`,
          actual: versus('arquero'),
          limit: TARGETS.vsArquero,
          kind: 'min',
          unit: '×',
        },
        {
          label: 'core.append-columns-1m',
          actual: results.appendColumns.median,
          limit: TARGETS.appendMs,
          kind: 'max',
          unit: ' ms',
        },
        {
          label: 'core.append-1m-memory',
          actual: results.appendMemoryMb,
          limit: TARGETS.appendMemoryMb,
          kind: 'max',
          unit: ' MB',
        },
      );
    } else {
      log(
        `note: targets are set for 1,000,000 events; not judged for ${count.toLocaleString('en-US')}`,
      );
    }
  }
  for (const peer of results.peers) {
    figures.push({
      name: `core.usage-tab.${peer.id}`,
      median: round(peer.median, 2),
      unit: 'ms',
      cpu: round(peer.cpuMedian, 2),
    });
  }
  if (differing.length > 0) {
    log(
      `warning: ${differing.join(', ')} disagree with ${reference.id} (see above): ` +
        'the ratios compare different work',
    );
  }
  return { figures, targets };
}
