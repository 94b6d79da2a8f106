#!/usr/bin/env node
// Type-checks each package's tests (their own tsconfig.test.json), after `tsc --build` checked the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

let failed = false;
for (const name of readdirSync('packages')) {
  const config = join('packages', name, 'tsconfig.test.json');
  if (!existsSync(config)) continue;
  const result = spawnSync('npx', ['tsc', '-p', config, '--noEmit'], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
