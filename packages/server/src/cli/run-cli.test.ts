import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { fakeIo } from '../__test-support__/fake-io.js';
import { validateConfig } from '../config/validate-config.js';
import { DuckDbStore } from '../store/duckdb-store.js';
import { runCli } from './run-cli.js';

describe('tally-server', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tally-cli-'));
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it('init writes a valid private config and prints its keys', async () => {
    const io = fakeIo(folder);
    assert.equal(await runCli(['init', '--tenant', 'acme'], io), 0);
    const path = join(folder, 'tally.config.json');
    const config = validateConfig(JSON.parse(await readFile(path, 'utf8')));
    const [tenant] = config.tenants;
    assert.equal(tenant.id, 'acme');
    const printed = io.lines.join('\n');
    assert.ok(printed.includes(tenant.writeKeys[0]));
    assert.ok(printed.includes(tenant.secretKeys[0]));
    assert.ok(!printed.includes(config.tokens.secret), 'the token secret stays in the file');
    assert.equal((await stat(path)).mode & 0o077, 0, 'only the owner may read it');
  });

  it('init refuses to replace a config unless --force', async () => {
    const path = join(folder, 'keep.json');
    await writeFile(path, '{"keep":true}');
    const io = fakeIo(folder);
    assert.equal(await runCli(['init', '--config', 'keep.json'], io), 1);
    assert.match(io.errors.join('\n'), /already exists; use --force/);
    assert.equal(await readFile(path, 'utf8'), '{"keep":true}');
    assert.equal(await runCli(['init', '--config', 'keep.json', '--force'], fakeIo(folder)), 0);
    assert.ok(JSON.parse(await readFile(path, 'utf8')).tenants);
  });

  it('start serves the API until SIGTERM, then shuts down cleanly', async () => {
    await runCli(['init', '--config', 'start.json'], fakeIo(folder));
    const io = fakeIo(folder);
    const running = runCli(
      ['start', '--config', 'start.json', '--db', ':memory:', '--port', '0'],
      io,
    );
    const line = await io.waitFor(/listening on/);
    const url = /(http:\/\/\S+)/.exec(line)?.[1];
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    io.signal('SIGTERM');
    assert.equal(await running, 0);
    assert.match(io.lines.join('\n'), /stopped/);
    await assert.rejects(fetch(`${url}/healthz`));
  });

  it('seed --demo fills the first tenant of a DuckDB file, once', async () => {
    await runCli(['init', '--config', 'seed.json'], fakeIo(folder));
    const args = ['seed', '--demo', '--config', 'seed.json', '--db', 'seed.duckdb'];
    args.push('--days', '10', '--users', '6');
    const io = fakeIo(folder);
    assert.equal(await runCli(args, io), 0, io.errors.join('\n'));
    const seeded = /6 users, (\d+) new events/.exec(io.lines.join('\n'));
    assert.ok(seeded !== null && Number(seeded[1]) > 0, io.lines.join('\n'));
    const again = fakeIo(folder);
    assert.equal(await runCli(args, again), 0);
    assert.ok(again.lines.join('\n').includes(`0 new events (${seeded[1]} were already there)`));
    const store = await DuckDbStore.open(join(folder, 'seed.duckdb'));
    try {
      const engine = store.engine('default');
      assert.equal((await engine.roster()).length, 6);
      const rows = await engine.rows({ range: { from: 0, to: 8.64e15 }, limit: 0 });
      assert.equal(rows.total, Number(seeded[1]));
    } finally {
      await store.close();
    }
  });

  it('runs as the package bin from the build', () => {
    const bin = fileURLToPath(new URL('../../bin/tally-server.js', import.meta.url));
    const result = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /usage: tally-server <command>/);
  });

  it('explains misuse with exit code 2 and config errors with 1', async () => {
    const io = fakeIo(folder);
    assert.equal(await runCli(['start', '--port', 'eighty'], io), 2);
    assert.match(io.errors.join('\n'), /--port: must be a whole number/);
    assert.equal(await runCli(['serve'], io), 2);
    assert.equal(await runCli(['seed', '--config', 'seed.json'], io), 2);
    await writeFile(
      join(folder, 'bad.json'),
      JSON.stringify({ tenants: [], tokens: { secret: 'x'.repeat(40) } }),
    );
    const bad = fakeIo(folder);
    assert.equal(await runCli(['start', '--config', 'bad.json', '--db', ':memory:'], bad), 1);
    assert.match(bad.errors.join('\n'), /bad\.json: tenants: must be a non-empty array/);
    const missing = fakeIo(folder);
    assert.equal(await runCli(['start', '--config', 'nope.json'], missing), 1);
    assert.match(missing.errors.join('\n'), /run `tally-server init`/);
  });
});
