#!/usr/bin/env node
/**
 * Runs Tally's benchmarks: `node bench/run.mjs [part...] [--flags]` (`npm run bench -- core`).
 *
 * A part is a file `bench/<part>.mjs` that exports `run(options)` (options: `{ flags }`) and
 * returns `{ figures, targets }`; helper modules live in `bench/lib/` and sub-folders. Without
 * part names every part runs. Each figure becomes one `bench: {...}` line.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchLine, printTargets } from './lib/report.mjs';

const here = dirname(fileURLToPath(import.meta.url));

// Memory figures need a full collection before each reading: run again with --expose-gc.
if (typeof globalThis.gc !== 'function' && process.env.TALLY_BENCH_CHILD === undefined) {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, TALLY_BENCH_CHILD: '1' } },
  );
  process.exit(child.status ?? 1);
}

/** Top-level files that are not parts. */
const NOT_PARTS = new Set(['run.mjs', 'generate-events.mjs']);
/** The usual order; parts not listed run after these, alphabetically. */
const ORDER = ['core', 'sdk', 'server', 'widgets'];

const parts = readdirSync(here)
  // Files starting with `_` or `.` are scratch files, never parts.
  .filter((file) => file.endsWith('.mjs') && !NOT_PARTS.has(file) && !/^[_.]/.test(file))
  .map((file) => file.slice(0, -'.mjs'.length))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

function rank(part) {
  const index = ORDER.indexOf(part);
  return index === -1 ? ORDER.length : index;
}

const argv = process.argv.slice(2);
const flags = argv.filter((arg) => arg.startsWith('-'));
const requested = argv.filter((arg) => !arg.startsWith('-'));

if (flags.includes('--help') || flags.includes('-h')) {
  console.log(`usage: npm run bench [-- <part>... [--quick] [--events=N]]
parts: ${parts.join(', ')}
  --quick       a small dataset and fewer runs, for a smoke run (targets are not judged)
  --events=N    events to generate (default 1000000)
  --no-build    do not build packages before measuring
  --skip=a,b    core: leave out peers (duckdb, arquero, typed-arrays)
See bench/README.md.`);
  process.exit(0);
}

const unknown = requested.filter((part) => !parts.includes(part));
if (unknown.length > 0) {
  console.error(
    `bench: unknown part ${unknown.map((part) => `"${part}"`).join(', ')}; the parts are: ${parts.join(', ')}`,
  );
  process.exit(2);
}

const chosen = requested.length > 0 ? [...new Set(requested)] : parts;
const summary = [];
let failed = false;
for (const part of chosen) {
  console.log(`\n=== bench: ${part} ===\n`);
  const module = await import(pathToFileURL(join(here, `${part}.mjs`)).href);
  if (typeof module.run !== 'function') {
    console.error(`bench: bench/${part}.mjs does not export a run function`);
    failed = true;
    continue;
  }
  try {
    const { figures = [], targets = [] } = (await module.run({ flags })) ?? {};
    console.log('');
    for (const figure of figures) console.log(benchLine(figure));
    summary.push({ part, targets });
  } catch (error) {
    console.error(`bench: ${part} failed:`, error);
    failed = true;
  }
}

const judged = summary.filter(({ targets }) => targets.length > 0);
if (judged.length > 0) {
  console.log('\ntargets (a miss is reported, not a failure):');
  for (const { targets } of judged) printTargets(targets);
}
process.exit(failed ? 1 : 0);
