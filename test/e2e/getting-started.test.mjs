// The getting-started guide, done as a reader would do it. The test reads
// docs/guides/getting-started.md, takes the fenced blocks of its walkthrough in order and follows
// them: the shell commands run (`npx tally-server …` as the workspace's `tally-server` bin, in a
// fresh temporary folder, the `curl` with Node's fetch), the keys are read from what `init`
// printed, the SDK script and the page are written from the guide's text with only the blanks
// the guide asks for filled in, and the page is opened in headless Chromium. Ports are free ones
// in place of the guide's 8787 and 5173. The usage tab must show exactly the events the script
// put on the wire, and the page must log no errors. Why it is built this way: docs/decisions/0072.
//
// Needs the build (npm test builds first) and Chromium (/usr/bin/chromium, or CHROME_PATH).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
import { leaderboardInPage } from '../support/leaderboard-in-page.mjs';
import { waitFor } from '../support/wait-for.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const guidePath = join(root, 'docs', 'guides', 'getting-started.md');
const WALKTHROUGH = 'The ten-minute walkthrough, by hand';
/** The guide's ports, replaced by free ones. */
const API_PORT = '8787';
/** Every wait is bounded; these are generous for a slow, shared machine. */
const STEP_MS = 30_000;
const STARTUP_MS = 90_000;
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

/**
 * The fenced code blocks of a Markdown text, in order: the info string's language, the text, and
 * the heading and the prose paragraph just before the block.
 */
function fencedBlocks(markdown) {
  const blocks = [];
  let heading = '';
  let paragraph = [];
  let ended = false;
  let open = null;
  for (const line of markdown.split('\n')) {
    if (open) {
      if (line.trim() === open.fence) {
        const { language, lines, before } = open;
        blocks.push({ language, text: lines.join('\n'), heading, before });
        open = null;
        paragraph = [];
      } else {
        open.lines.push(line);
      }
      continue;
    }
    const fence = /^(`{3,})\s*(\S*)/.exec(line);
    if (fence) {
      open = { fence: fence[1], language: fence[2], lines: [], before: paragraph.join(' ') };
    } else if (/^#{1,6} /.test(line)) {
      heading = line.replace(/^#+ /, '').trim();
      paragraph = [];
    } else if (line.trim() === '') {
      ended = true;
    } else {
      if (ended) paragraph = [];
      ended = false;
      paragraph.push(line.trim());
    }
  }
  return blocks;
}

/** Shell lines: continuations joined, comments and blank lines dropped; `optional` when marked. */
function shellCommands(text) {
  return text
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => {
      const comment = /\s#\s(.*)$/.exec(line);
      return {
        line: (comment ? line.slice(0, comment.index) : line).trim(),
        optional: comment ? /optional/i.test(comment[1]) : false,
      };
    })
    .filter(({ line }) => line !== '' && !line.startsWith('#'));
}

/** Splits a command line into words, honouring single and double quotes. */
function words(line) {
  const found = [];
  const pattern = /'([^']*)'|"((?:\\.|[^"\\])*)"|(\S+)/g;
  for (const match of line.matchAll(pattern)) found.push(match[1] ?? match[2] ?? match[3]);
  return found;
}

/** The script `npx <name>` runs from the repository root: the workspace package's bin. */
function binOf(name) {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const folder of workspaces) {
    const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8'));
    const bin = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : manifest.bin;
    if (bin?.[name]) return join(root, folder, bin[name]);
  }
  assert.fail(`no workspace package has a bin named ${name}`);
}

async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/**
 * `python3 -m http.server` in Node: serves `folder` on 127.0.0.1, with `extra` files (URL path →
 * file) served as if they were in it.
 */
async function staticServer(folder, port, extra) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = extra[path] ?? normalize(join(folder, path));
    if (!extra[path] && !file.startsWith(folder + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  return server;
}

describe(
  'the getting-started guide, followed as written (Chromium, DuckDB)',
  { timeout: 300_000 },
  () => {
    const guide = readFileSync(guidePath, 'utf8');
    const blocks = fencedBlocks(guide);
    const walkthrough = blocks.filter((block) => block.heading === WALKTHROUGH);
    /** What `init` prints, as the guide shows it: each key's label and prefix. */
    const printed = blocks.find((block) => block.language === '' && /write key/.test(block.text));

    let startedAt;
    let folder;
    let scriptFolder;
    let apiPort;
    let pagePort;
    let server;
    let serverOutput = '';
    let serverExited;
    let staticSite;
    let browser;
    let page;
    const keys = {};
    let token;
    let pageUrl;
    const requestsFile = () => join(scriptFolder, 'requests.jsonl');
    const pageErrors = [];
    const skipped = [];
    /** The port the guide serves the page on (`python3 -m http.server 5173`). */
    const guidePagePort = walkthrough
      .filter((block) => block.language === 'sh')
      .flatMap((block) => shellCommands(block.text))
      .map(({ line }) => /http\.server\s+(\d+)/.exec(line)?.[1])
      .find(Boolean);

    /** The folder the guide has the reader make (`mkdir -p /tmp/tally-try`): a fresh one here. */
    const guideFolder = walkthrough
      .filter((block) => block.language === 'sh')
      .flatMap((block) => shellCommands(block.text))
      .map(({ line }) => /^mkdir\s+(?:-p\s+)?(\S+)/.exec(line)?.[1])
      .find(Boolean);

    /** The guide's text with its placeholders filled in and its ports and folder replaced. */
    const fill = (text) =>
      text
        .replaceAll(`127.0.0.1:${API_PORT}`, `127.0.0.1:${apiPort}`)
        .replaceAll(`localhost:${guidePagePort}`, `localhost:${pagePort}`)
        .replaceAll(guideFolder, folder)
        .replace(/tly_pub_…/g, keys.write)
        .replace(/tly_sec_…/g, keys.secret)
        .replaceAll('PASTE-THE-TOKEN', token ?? 'PASTE-THE-TOKEN');

    async function run(line, index) {
      const [command, ...args] = words(fill(line));
      if (command === 'mkdir') {
        for (const path of args.filter((arg) => !arg.startsWith('-')))
          mkdirSync(path, { recursive: true });
      } else if (command === 'npx') {
        const [name, ...rest] = args;
        const bin = binOf(name);
        if (rest[0] === 'start') {
          rest.push('--port', `${apiPort}`);
          server = spawn(process.execPath, [bin, ...rest], {
            cwd: root,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          server.stdout.on('data', (chunk) => (serverOutput += chunk));
          server.stderr.on('data', (chunk) => (serverOutput += chunk));
          serverExited = new Promise((done) =>
            server.once('exit', (code, signal) => done(signal ?? code)),
          );
          await waitFor(
            'the server to listen',
            () => serverOutput,
            (output) => output.includes('listening on') || server.exitCode !== null,
            STARTUP_MS,
          );
          assert.match(serverOutput, /listening on/, serverOutput);
          return;
        }
        const result = spawnSync(process.execPath, [bin, ...rest], { cwd: root, encoding: 'utf8' });
        assert.equal(result.status, 0, `${line}:\n${result.stdout}${result.stderr}`);
        if (rest[0] === 'init') {
          readKeys(result.stdout);
          allowPageOrigin(rest[rest.indexOf('--config') + 1]);
        }
      } else if (command === 'curl') {
        token = (await curl(args)).token;
        assert.ok(token, 'the token answer has a token');
      } else if (command === 'node') {
        const [script] = args;
        const block = walkthrough[index - 1];
        assert.ok(
          block?.before.includes(`\`${script}\``),
          `the block before \`${line}\` is ${script}`,
        );
        writeFileSync(join(scriptFolder, script), fill(block.text));
        const result = spawnSync(
          process.execPath,
          [
            '--import',
            join(root, 'test', 'support', 'record-requests.mjs'),
            join(scriptFolder, script),
          ],
          {
            cwd: root,
            encoding: 'utf8',
            env: { ...process.env, TALLY_RECORD_REQUESTS: requestsFile() },
            timeout: STEP_MS,
          },
        );
        assert.equal(result.status, 0, `${line}:\n${result.stdout}${result.stderr}`);
      } else if (command === 'python3' && args.includes('http.server')) {
        const html = walkthrough.find((block) => block.language === 'html');
        const name = /Write `([^`]+\.html)`/.exec(html.before)?.[1];
        assert.ok(name, 'the guide names the page it has the reader write');
        const file = join(folder, name);
        writeFileSync(file, fill(html.text));
        // The guide serves the repository root, with the page written into it; here the page is
        // served from the temporary folder at the same path.
        staticSite = await staticServer(root, pagePort, { [`/${name}`]: file });
        const opened = new RegExp(`open\\s+\`(http://localhost:${guidePagePort}/[^\`]+)\``).exec(
          guide.replace(/\n/g, ' '),
        )?.[1];
        assert.ok(
          opened?.endsWith(`/${name}`),
          `the guide says to open the page written (${opened})`,
        );
        pageUrl = fill(opened);
      } else {
        assert.fail(`the walkthrough has a command this test cannot follow: ${line}`);
      }
    }

    /**
     * The page is served on a free port instead of the guide's: the origin `init` allowed for the
     * guide's port is moved to it, before the server reads the config.
     */
    function allowPageOrigin(configFile) {
      const config = readFileSync(configFile, 'utf8');
      const origin = `http://localhost:${guidePagePort}`;
      assert.ok(config.includes(`"${origin}"`), `init allows ${origin}, the guide's page origin`);
      writeFileSync(configFile, config.replaceAll(`"${origin}"`, `"http://localhost:${pagePort}"`));
    }

    function readKeys(output) {
      for (const [label, kind] of [
        ['write key', 'write'],
        ['secret key', 'secret'],
      ]) {
        const prefix = new RegExp(`^${label}\\s+(\\w+_\\w+_)`, 'm').exec(printed.text)?.[1];
        assert.ok(prefix, `the guide shows the ${label} line init prints`);
        keys[kind] = new RegExp(`^${label}\\s+(${prefix}\\S+)`, 'm').exec(output)?.[1];
        assert.ok(keys[kind], `init printed the ${label}:\n${output}`);
      }
    }

    async function curl(args) {
      let method = 'GET';
      let body;
      let url;
      const headers = {};
      for (let at = 0; at < args.length; at += 1) {
        const arg = args[at];
        if (arg === '-X') method = args[(at += 1)];
        else if (arg === '-H') {
          const [name, ...value] = args[(at += 1)].split(':');
          headers[name.trim()] = value.join(':').trim();
        } else if (arg === '-d') body = args[(at += 1)];
        else if (arg === '-s') continue;
        else if (arg.startsWith('http')) url = arg;
        else assert.fail(`curl option this test does not know: ${arg}`);
      }
      // A Node backend's `fetch` sends no Origin header, like curl.
      const response = await fetch(url, { method, headers, body });
      const answer = await response.json();
      assert.equal(response.status, 200, JSON.stringify(answer));
      return answer;
    }

    before(async () => {
      startedAt = Date.now();
      folder = mkdtempSync(join(tmpdir(), 'tally-guide-'));
      // Under the repository's node_modules, so `import '@tally/sdk'` resolves as it does at the
      // root, without writing into the repository.
      mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
      scriptFolder = mkdtempSync(join(root, 'node_modules', '.cache', 'tally-guide-'));
      writeFileSync(requestsFile(), '');
      apiPort = await freePort();
      pagePort = await freePort();
    });

    after(async () => {
      await browser?.close();
      if (server && server.exitCode === null) {
        server.kill('SIGINT');
        const timer = setTimeout(() => server.kill('SIGKILL'), STEP_MS);
        await serverExited;
        clearTimeout(timer);
      }
      await new Promise((done) => (staticSite ? staticSite.close(done) : done()));
      if (folder) rmSync(folder, { recursive: true, force: true });
      if (scriptFolder) rmSync(scriptFolder, { recursive: true, force: true });
    });

    test('the guide has a walkthrough with commands, a script and a page', () => {
      assert.ok(printed, 'the guide shows what init prints');
      assert.deepEqual(
        [...new Set(walkthrough.map((block) => block.language))].sort(),
        ['html', 'js', 'sh'],
        `the blocks under "${WALKTHROUGH}"`,
      );
    });

    test('runs every command of the walkthrough in order', async () => {
      for (const [index, block] of walkthrough.entries()) {
        if (block.language !== 'sh') continue;
        for (const { line, optional } of shellCommands(block.text)) {
          // Optional steps (the demo data) are left out, so the counts are the script's alone.
          if (optional) skipped.push(line);
          else await run(line, index);
        }
      }
      assert.ok(
        keys.write && keys.secret && token,
        'init printed the keys and the token was minted',
      );
      assert.ok(pageUrl, 'the page is served');
    });

    test("the guide's backend token endpoint mints the tokens it describes", async () => {
      const block = blocks.find(
        (shown) => shown.language === 'js' && shown.text.includes('/v1/tokens'),
      );
      assert.ok(block, 'the guide shows a backend token endpoint');
      const name = /async function (\w+)/.exec(block.text)?.[1];
      const file = join(scriptFolder, 'token-endpoint.mjs');
      writeFileSync(file, `${fill(block.text)}\nexport { ${name} };\n`);
      const { [name]: mint } = await import(pathToFileURL(file).href);
      /** The answer's fields, from the comment on the block's `return`. */
      const fields = /return [^;]+;\s*\/\/\s*\{([^}]+)\}/
        .exec(block.text)?.[1]
        .split(',')
        .map((field) => field.trim().replace(/\?$/, ''));
      assert.ok(fields?.includes('token'), `the guide lists the answer's fields (${fields})`);
      const secretBefore = process.env.TALLY_SECRET_KEY;
      process.env.TALLY_SECRET_KEY = keys.secret;
      try {
        const admin = await mint({ isAdmin: true });
        const member = await mint({ isAdmin: false, id: 'user-42' });
        assert.equal(admin.role, 'admin', JSON.stringify(admin));
        assert.equal(member.role, 'member', JSON.stringify(member));
        assert.equal(member.sub, 'user-42');
        for (const answer of [admin, member]) {
          assert.equal(typeof answer.token, 'string', JSON.stringify(answer));
          assert.deepEqual(
            Object.keys(answer).filter((key) => !fields.includes(key)),
            [],
            'every field of the answer is one the guide lists',
          );
        }
      } finally {
        if (secretBefore === undefined) delete process.env.TALLY_SECRET_KEY;
        else process.env.TALLY_SECRET_KEY = secretBefore;
      }
    });

    test("the page's usage tab shows exactly the events the script sent", async (context) => {
      const sent = readFileSync(requestsFile(), 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
        .filter(
          (request) => request.method === 'POST' && new URL(request.url).pathname === '/v1/batch',
        )
        .flatMap((request) => JSON.parse(request.body).batch ?? []);
      assert.ok(sent.length > 0, 'the script sent events');
      const byUser = new Map();
      const seen = new Set();
      for (const event of sent) {
        if (seen.has(event.id)) continue;
        seen.add(event.id);
        const counts = byUser.get(event.userId) ?? {};
        counts[event.name] = (counts[event.name] ?? 0) + 1;
        byUser.set(event.userId, counts);
      }

      browser = await puppeteer.launch({
        executablePath: ensureChromium(),
        headless: true,
        args: LAUNCH_ARGS,
        protocolTimeout: 120_000,
      });
      page = await browser.newPage();
      page.setDefaultTimeout(STEP_MS);
      page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        // The browser's own favicon request is not the page's doing.
        const { url } = message.location();
        if (message.type() === 'error' && !url?.endsWith('/favicon.ico')) {
          pageErrors.push(`console: ${message.text()} (${url})`);
        }
      });
      await page.goto(pageUrl, { waitUntil: 'load' });

      const board = await waitFor(
        "the usage tab's leaderboard",
        () => page.evaluate(leaderboardInPage),
        (shown) =>
          shown?.status === 'error' || (shown?.status === 'ready' && shown.rows.length > 0),
        STARTUP_MS,
      );
      assert.equal(board.status, 'ready', `the leaderboard failed to load: ${pageErrors}`);
      assert.deepEqual(
        board.rows.map((row) => row.userId).sort(),
        [...byUser.keys()].sort(),
        'one row per user the script sent events for',
      );
      for (const [userId, counts] of byUser) {
        const button = await page.waitForSelector(
          `tally-usage-tab >>> tally-leaderboard >>> [data-user="${userId}"] button.expand`,
        );
        await button.click();
        const shown = await waitFor(
          `the expanded row of ${userId}`,
          () => page.evaluate(leaderboardInPage),
          (current) => current?.rows.find((row) => row.userId === userId)?.byName != null,
        );
        const row = shown.rows.find((candidate) => candidate.userId === userId);
        assert.deepEqual(row.byName, counts, `${userId}'s events per name`);
        assert.equal(
          row.total,
          Object.values(counts).reduce((sum, count) => sum + count, 0),
          `${userId}'s total`,
        );
      }
      context.diagnostic(
        `followed the guide in ${((Date.now() - startedAt) / 1000).toFixed(1)} s ` +
          `(left out as optional: ${skipped.join('; ') || 'nothing'}); sent ${JSON.stringify(Object.fromEntries(byUser))}`,
      );
    });

    test('the page logged no errors', () => {
      assert.deepEqual(pageErrors, []);
    });
  },
);
