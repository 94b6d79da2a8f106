#!/usr/bin/env node
// Makes sure a Chromium for the browser tests exists: Debian's `chromium` package, installed
// with apt-get when missing. Browsers are never downloaded by test tooling.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(path)) return path;
  if (process.env.CHROME_PATH) {
    throw new Error(`CHROME_PATH points to ${path}, which does not exist`);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = isRoot ? [] : ['sudo', '-n'];
  console.log("chromium is missing: installing Debian's chromium package with apt-get…");
  const run = (args) => {
    const [command, ...rest] = [...prefix, ...args];
    const result = spawnSync(command, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) throw new Error(`${[command, ...rest].join(' ')} failed`);
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'chromium']);
  if (!existsSync(path)) throw new Error(`apt-get installed chromium but ${path} is missing`);
  console.log(execFileSync(path, ['--version']).toString().trim());
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(`chromium: ${ensureChromium()}`);
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
}
