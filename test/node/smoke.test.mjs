// Each package imports by its name from the build, through its exports map.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

for (const name of ['core', 'sdk', 'server', 'widgets']) {
  test(`@tally/${name} imports by package name from its build`, async () => {
    const manifest = JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8'));
    assert.equal(manifest.name, `@tally/${name}`);
    assert.equal(Object.keys(manifest.exports['.'])[0], 'types', 'types come first in exports');
    const module = await import(`@tally/${name}`);
    assert.ok(Object.keys(module).length > 0, `@tally/${name} exports something`);
  });
}

test('@tally/core exposes its engine, views and errors by name', async () => {
  const core = await import('@tally/core');
  for (const name of [
    'TallyError',
    'ColumnarEngine',
    'validateEvent',
    'resolveRange',
    'leaderboard',
    'stats',
  ]) {
    assert.equal(typeof core[name], 'function', `${name} is exported`);
  }
});
