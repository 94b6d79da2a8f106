#!/usr/bin/env node
// `npm test`: lint, type-check, build, then every test (Node and headless Chromium), and one
// summary line `tests: N passed, M failed`. A failing stage without test counts (lint, types,
// build) counts as one failed test, so the summary never hides it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex === -1 ? null : process.argv[onlyIndex + 1];

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, options = {}) {
  console.log(`\n▶ ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  return result.status === 0;
}

function readCounts(file) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8').trim().split('\n').pop());
  } catch {
    return null;
  }
}

function stage(label, command, args) {
  if (!run(label, command, args)) {
    totals.failed += 1;
    failures.push(label);
    return false;
  }
  return true;
}

function testStage(label, command, args, countsFile, env = {}) {
  const ok = run(label, command, args, { env: { ...process.env, ...env } });
  const counts = readCounts(countsFile);
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed + (counts.errors ?? 0);
    totals.skipped += counts.skipped ?? 0;
  }
  if (!ok || !counts) {
    if (!counts || counts.failed + (counts.errors ?? 0) === 0) totals.failed += 1;
    failures.push(label);
  }
}

/** Test files under `folder` whose names end in `.test.ts` or `.test.mjs`. */
function findTests(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.test\.(ts|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter((file) => !file.includes('node_modules'))
    .sort();
}

const wants = (name) => only === null || only === name;

if (only === null) {
  stage('lint', 'npx', ['eslint', '.']);
  stage('format', 'npx', ['prettier', '--check', '.']);
}
if (only === null || only === 'node' || only === 'browser') {
  const built = stage('type-check and build', 'npm', ['run', '--silent', 'build']);
  if (built && only === null) stage('type-check tests', 'node', ['scripts/typecheck-tests.mjs']);
}

if (wants('node')) {
  testStage(
    'node tests (mocha)',
    'npx',
    ['mocha', '--reporter', './scripts/mocha-counting-reporter.cjs'],
    `${results}/node-mocha.json`,
    { TALLY_MOCHA_COUNTS: `${results}/node-mocha.json` },
  );
  // node:test suites: the server, the SDK in Node, the cross-package smoke tests, and the
  // end-to-end tests of the demo and of the getting-started guide, which drive Chromium
  // themselves (see docs/decisions/0071 and 0072).
  const nodeTestFiles = [
    ...findTests('packages/server/src'),
    ...findTests('packages/sdk/test-node'),
    ...findTests('test/node'),
    ...findTests('test/e2e'),
  ];
  if (nodeTestFiles.length > 0) {
    testStage(
      'node tests (node --test)',
      'node',
      [
        '--import',
        'tsx',
        '--test',
        '--test-concurrency=1',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=./scripts/node-test-counting-reporter.mjs',
        `--test-reporter-destination=${results}/node-test.json`,
        ...nodeTestFiles,
      ],
      `${results}/node-test.json`,
    );
  }
}

if (wants('browser')) {
  let chromium = null;
  try {
    chromium = ensureChromium();
  } catch (error) {
    console.error(`cannot run browser tests: ${error instanceof Error ? error.message : error}`);
  }
  if (chromium) {
    testStage(
      'browser tests (Chromium)',
      'npx',
      ['wtr', '--config', 'web-test-runner.config.mjs'],
      `${results}/browser.json`,
      { CHROME_PATH: chromium, TALLY_WTR_COUNTS: `${results}/browser.json` },
    );
  } else {
    totals.failed += 1;
    failures.push('browser tests (Chromium missing)');
  }
}

const summary = `tests: ${totals.passed} passed, ${totals.failed} failed`;
writeFileSync(`${results}/summary.txt`, `${summary}\n`);
if (failures.length > 0) console.log(`\nfailed stages: ${failures.join(', ')}`);
if (totals.skipped > 0) console.log(`skipped tests: ${totals.skipped} (a skip is a defect)`);
console.log(summary);
process.exit(failures.length > 0 || totals.failed > 0 || totals.skipped > 0 ? 1 : 0);
