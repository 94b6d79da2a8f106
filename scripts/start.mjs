#!/usr/bin/env node
// `npm start`: the whole demo from a fresh clone. Builds what is missing or stale, writes
// tally.config.json with `tally-server init` if there is none, seeds the demo tenant into the
// DuckDB file on the first run (`tally-server seed --demo`), then serves the Tally API and the
// demo web server (examples/, the packages' browser bundles, the Tally API mounted under /tally)
// until Ctrl-C, which stops both gracefully. A second run reuses the config and the data.
//
// Options: --db <file> --config <file> --port <n> (API, default 8787 or the next free one)
// --static-port <n> (demo, default 5173 or the next free one) --host <addr> --demo-days <n>
// --demo-scale <x>. TALLY_SKIP_BUILD=1 starts from the existing build without checking it.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['core', 'sdk', 'server', 'widgets'];
/** The browser bundles the examples load (import maps and script tags point at them). */
const BUNDLES = ['sdk', 'widgets'];
const STAMP = join(root, 'node_modules', '.cache', 'tally-start', 'build-stamp');
/** How many ports after the asked one are tried when it is taken. */
const PORT_TRIES = 20;

const HELP = `usage: npm start [-- options]

  --db <file>          the DuckDB file (default ./tally.duckdb)
  --config <file>      the server config (default ./tally.config.json; written if missing)
  --port <n>           the Tally API's port (default 8787, or the next free one; 0 for any)
  --static-port <n>    the demo's port (default 5173, or the next free one; 0 for any)
  --host <addr>        the address both listen on (default 127.0.0.1)
  --demo-days <n>      days of demo data seeded on the first run (default 180)
  --demo-scale <x>     activity of the seeded demo (default 1)

  TALLY_SKIP_BUILD=1   start from the existing build without checking it`;

const { values: options } = parseOptions({
  db: { type: 'string', default: join(root, 'tally.duckdb') },
  config: { type: 'string', default: join(root, 'tally.config.json') },
  port: { type: 'string', default: '8787' },
  'static-port': { type: 'string', default: '5173' },
  host: { type: 'string', default: '127.0.0.1' },
  'demo-days': { type: 'string' },
  'demo-scale': { type: 'string' },
  help: { type: 'boolean', default: false },
});
if (options.help) {
  console.log(HELP);
  process.exit(0);
}

const dbPath = options.db === ':memory:' ? options.db : resolve(options.db);
const configPath = resolve(options.config);
const apiPort = readPort(options.port, '--port');
const staticPort = readPort(options['static-port'], '--static-port');
const serverBin = join(root, 'packages', 'server', 'bin', 'tally-server.js');

try {
  await main();
} catch (error) {
  console.error(`npm start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

async function main() {
  if (process.env.TALLY_SKIP_BUILD === '1') {
    if (!existsSync(join(root, 'packages', 'server', 'dist', 'index.js'))) {
      throw new Error(
        'TALLY_SKIP_BUILD is set but packages/server/dist is missing: run npm run build',
      );
    }
  } else {
    await build();
  }

  if (!existsSync(configPath)) {
    step(`No config yet: writing ${shown(configPath)}`);
    cli(['init', '--config', configPath]);
  }

  if (dbPath === ':memory:') {
    step('In-memory database: nothing is kept, and the demo is not seeded');
  } else if (existsSync(dbPath)) {
    step(`Using the existing data in ${shown(dbPath)}`);
  } else {
    step(`First run: seeding the demo organisation into ${shown(dbPath)} (takes a few seconds)`);
    const extra = [
      ...(options['demo-days'] === undefined ? [] : ['--days', options['demo-days']]),
      ...(options['demo-scale'] === undefined ? [] : ['--scale', options['demo-scale']]),
    ];
    try {
      cli(['seed', '--demo', '--config', configPath, '--db', dbPath, ...extra]);
    } catch (error) {
      // A half-seeded file would be taken for a seeded one next time.
      rmSync(dbPath, { force: true });
      rmSync(`${dbPath}.wal`, { force: true });
      throw error;
    }
  }

  await serve();
}

/**
 * Runs the server's command line (`init`, `seed`) and fails when it does. Its output is shown
 * indented, without its advice on what to run next: this script does that.
 */
function cli(args) {
  const result = spawnSync(process.execPath, [serverBin, ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n');
  for (const line of lines)
    if (line.trim() !== '' && !line.startsWith('Next:')) console.log(`  ${line}`);
  if (result.status !== 0) {
    throw new Error(
      `tally-server ${args[0]} failed (${result.error?.message ?? `exit ${result.status}`})`,
    );
  }
}

async function serve() {
  // Imported only now: they are the build's output.
  const { createTallyServer, DuckDbStore, MemoryStore, listen, loadConfig } =
    await import('@tally/server');
  const { createTracker } = await import('@tally/sdk');
  const { demoApp } = await import('../examples/demo-server/demo-app.mjs');
  const { demoBackend } = await import('../examples/demo-server/demo-backend.mjs');
  const { staticFiles } = await import('../examples/demo-server/static-files.mjs');

  const config = await loadConfig(configPath);
  const [tenant] = config.tenants;
  const store = dbPath === ':memory:' ? new MemoryStore() : await DuckDbStore.open(dbPath);
  const tally = createTallyServer({ store, config });
  const api = await listenFrom(apiPort, (port) => listen(tally, { port, host: options.host }));

  // The demo's backend reports its background jobs like any vendor backend: the SDK in Node,
  // with the secret key (system events need it), to the API.
  const tracker = createTracker({
    endpoint: api.url,
    writeKey: tenant.secretKeys[0],
    persist: 'memory',
    onError: (error) => console.error(`demo backend: ${error.message}`),
  });
  const handler = demoApp({
    tally,
    backend: demoBackend({
      apiUrl: api.url,
      secretKey: tenant.secretKeys[0],
      writeKey: tenant.writeKeys[0],
      tenant: tenant.id,
      tracker,
      plainHtmlFile: join(root, 'examples', 'plain-html', 'index.html'),
    }),
    files: staticFiles({
      '/saas-app/': join(root, 'examples', 'saas-app'),
      '/plain-html/': join(root, 'examples', 'plain-html'),
      '/react/': join(root, 'examples', 'react'),
      ...Object.fromEntries(
        PACKAGES.map((name) => [`/packages/${name}/dist/`, join(root, 'packages', name, 'dist')]),
      ),
    }),
  });
  let demo;
  try {
    demo = await listenFrom(staticPort, (port) => listen(handler, { port, host: options.host }));
  } catch (error) {
    await api.close();
    await store.close();
    throw error;
  }

  console.log(`
Tally is running.

  Demo app     ${demo.url}/saas-app/
  Plain HTML   ${demo.url}/plain-html/
  React        ${demo.url}/react/
  Tally API    ${api.url}   (also at ${demo.url}/tally; health: ${api.url}/healthz)

  Data         ${dbPath === ':memory:' ? ':memory:' : shown(dbPath)}
  Config       ${shown(configPath)}   (tenant ${tenant.id}; it holds the keys: keep it private)

Press Ctrl-C to stop.`);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) {
      console.error(`\n${signal} again: exiting without a clean shutdown`);
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping (finishing requests in flight)…`);
    try {
      await tracker.shutdown({ timeoutMs: 2000 });
      // The demo first: its /tally requests still need the API.
      await demo.close();
      await api.close();
      await store.close();
      console.log('Stopped.');
      process.exit(0);
    } catch (error) {
      console.error(
        `npm start: shutdown failed: ${error instanceof Error ? error.message : error}`,
      );
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Listens on `port`, or on the next free one when it is taken (0: any free port). */
async function listenFrom(port, open) {
  for (let candidate = port; ; candidate += 1) {
    try {
      return await open(candidate);
    } catch (error) {
      const taken = error?.code === 'EADDRINUSE';
      if (!taken || port === 0 || candidate >= Math.min(port + PORT_TRIES - 1, 65_535)) throw error;
    }
  }
}

// ---- build ------------------------------------------------------------------------------

/**
 * Builds when a package's output is missing or older than its sources (`npm run build`), then
 * makes the browser bundles the examples load if the build did not (the root rollup config
 * may not list every package yet).
 */
async function build() {
  const stale = PACKAGES.filter(isStale);
  if (reactExampleIsStale()) stale.push('the React example');
  if (stale.length > 0) {
    step(`Building (${stale.join(', ')} ${stale.length === 1 ? 'is' : 'are'} missing or stale)`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const started = new Date();
    const ok = await run(npm, ['run', '--silent', 'build']);
    if (ok) {
      mkdirSync(dirname(STAMP), { recursive: true });
      writeFileSync(STAMP, `${started.toISOString()}\n`);
      // Dated when the build began: a source saved while it ran counts as newer.
      utimesSync(STAMP, started, started);
    } else if (
      PACKAGES.every((name) => existsSync(join(root, 'packages', name, 'dist', 'index.js')))
    ) {
      step('The build failed: starting with the previous build (see the errors above)');
    } else {
      throw new Error('the build failed, and there is no earlier build to start from');
    }
  }
  for (const name of BUNDLES) {
    const file = bundlePath(name);
    const inputs = newest(
      join(root, 'packages', name, 'dist'),
      (path) => path.endsWith('.js') && !path.includes('/browser/'),
    );
    const core = newest(
      join(root, 'packages', 'core', 'dist'),
      (path) => path.endsWith('.js') && !path.includes('/browser/'),
    );
    if (existsSync(file) && statSync(file).mtimeMs >= Math.max(inputs, core)) continue;
    step(`Bundling @tally/${name} for the browser`);
    await bundle(name);
  }
}

function isStale(name) {
  const folder = join(root, 'packages', name);
  if (!existsSync(join(folder, 'dist', 'index.js'))) return true;
  const sources = Math.max(
    newest(join(folder, 'src'), (path) => path.endsWith('.ts') && !path.endsWith('.test.ts')),
    mtime(join(folder, 'tsconfig.json')),
    mtime(join(folder, 'package.json')),
  );
  const built = Math.max(
    mtime(STAMP),
    newest(join(folder, 'dist'), (path) => path.endsWith('.js') && !path.includes('/browser/')),
  );
  return sources > built;
}

/** Whether the React example's bundle (examples/react/build/app.js) is missing or stale. */
function reactExampleIsStale() {
  const folder = join(root, 'examples', 'react');
  const sources = Math.max(
    newest(join(folder, 'src'), (path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path)),
    mtime(join(folder, 'tsconfig.json')),
  );
  return sources > mtime(join(folder, 'build', 'app.js'));
}

function bundlePath(name) {
  return join(root, 'packages', name, 'dist', 'browser', `tally-${name}.js`);
}

/** The same bundle the root rollup config makes for a package (unminified). */
async function bundle(name) {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const built = await rollup({
    input: join(root, 'packages', name, 'dist', 'index.js'),
    plugins: [nodeResolve({ exportConditions: ['browser', 'production', 'default'] })],
    onwarn(warning, warn) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  try {
    // One file per package: the SDK's lazily loaded validator goes inline.
    await built.write({
      file: bundlePath(name),
      format: 'es',
      sourcemap: true,
      inlineDynamicImports: true,
    });
  } finally {
    await built.close();
  }
}

/** The newest modification time of the files under `folder` that `keep` accepts (0 if none). */
function newest(folder, keep) {
  let latest = 0;
  if (!existsSync(folder)) return latest;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (!keep(path.split('\\').join('/'))) continue;
    latest = Math.max(latest, mtime(path));
  }
  return latest;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function run(command, args) {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.once('exit', (code) => done(code === 0));
    child.once('error', () => done(false));
  });
}

// ---- helpers ----------------------------------------------------------------------------

function parseOptions(definitions) {
  try {
    return parseArgs({ options: definitions });
  } catch (error) {
    console.error(`npm start: ${error.message}\n\n${HELP}`);
    process.exit(2);
  }
}

function readPort(value, flag) {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`npm start: ${flag}: must be a port number from 0 to 65535 (got ${value})`);
    process.exit(2);
  }
  return port;
}

function step(message) {
  console.log(`▸ ${message}`);
}

/** A path as short as it is clear: relative to the working directory when inside it. */
function shown(path) {
  const relativePath = relative(process.cwd(), path);
  return relativePath && !relativePath.startsWith('..') ? relativePath : path;
}
