// Runs `npm start` (scripts/start.mjs) for a test: on a given config and database, both servers
// on free ports, from the existing build (TALLY_SKIP_BUILD). Shared by the start script's test
// and the end-to-end test of the demo app.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Startup includes seeding on a first run, which is slow on a loaded machine. */
const STARTUP_MS = 90_000;
/** A graceful stop flushes and checkpoints; past this it is taken as hung. */
const STOP_MS = 30_000;

/**
 * Runs scripts/start.mjs on `folder`'s `tally.config.json` and `tally.duckdb` and waits until it
 * serves; `extraArgs` are passed on (e.g. `--demo-days 14`).
 *
 * @param {string} folder
 * @param {string[]} [extraArgs]
 * @returns {Promise<{ demoUrl: string, apiUrl: string, output: () => string,
 *   stop: (options?: { timeoutMs?: number }) => Promise<number | string | null> }>}
 */
export async function startDemo(folder, extraArgs = []) {
  const child = spawn(
    process.execPath,
    [
      'scripts/start.mjs',
      '--db',
      join(folder, 'tally.duckdb'),
      '--config',
      join(folder, 'tally.config.json'),
      '--port',
      '0',
      '--static-port',
      '0',
      ...extraArgs,
    ],
    {
      cwd: root,
      env: { ...process.env, TALLY_SKIP_BUILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`start.mjs did not start:\n${output}`)),
      STARTUP_MS,
    );
    const look = () => {
      if (!output.includes('Press Ctrl-C to stop.')) return;
      clearTimeout(timer);
      child.stdout.off('data', look);
      resolve();
    };
    child.stdout.on('data', look);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`start.mjs exited before serving:\n${output}`));
    });
  });
  const demoUrl = /Demo app\s+(http:\/\/\S+)\/saas-app\//.exec(output)?.[1];
  const apiUrl = /Tally API\s+(http:\/\/\S+)/.exec(output)?.[1];
  assert.ok(demoUrl && apiUrl, `start.mjs printed both URLs:\n${output}`);
  return {
    demoUrl,
    apiUrl,
    output: () => output,
    /**
     * Sends Ctrl-C and resolves with the exit code; a process still running after `timeoutMs`
     * is killed (and resolves with `SIGKILL`), so a hung shutdown cannot hang the tests.
     */
    async stop({ timeoutMs = STOP_MS } = {}) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
