#!/usr/bin/env node
// Type-checks the tests of each package and example (their own tsconfig.test.json), after
// `tsc --build` checked the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

let failed = false;
const folders = ['packages', 'examples'].flatMap((parent) =>
  readdirSync(parent).map((name) => join(parent, name)),
);
for (const folder of folders) {
  const config = join(folder, 'tsconfig.test.json');
  if (!existsSync(config)) continue;
  const result = spawnSync('npx', ['tsc', '-p', config, '--noEmit'], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
