// `npm start` end to end, without a browser: scripts/start.mjs on a temporary config and
// database, both servers on free ports, the demo backend's token minting and background job,
// the SDK writing through the demo's /tally mount, a graceful stop, and a second start that
// reuses the data. Needs the build (npm test builds first); TALLY_SKIP_BUILD skips checking it.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startDemo as startScript } from '../support/start-demo.mjs';

/** The start script on `folder`, with a small demo so the first run seeds quickly. */
const startDemo = (folder) => startScript(folder, ['--demo-days', '14', '--demo-scale', '0.2']);
async function getJson(url, init) {
  const response = await fetch(url, init);
  const body = await response.json();
  return { status: response.status, body };
}

async function mintToken(demoUrl, userId) {
  return getJson(`${demoUrl}/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
}

async function query(apiUrl, token, body) {
  return getJson(`${apiUrl}/v1/query`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function requestCount(apiUrl, token, filters = {}) {
  const { status, body } = await query(apiUrl, token, {
    view: 'stats',
    range: { preset: '30d' },
    stats: ['requests'],
    filters,
  });
  assert.equal(status, 200, JSON.stringify(body));
  return body.stats.requests.value;
}

/** A GET with the path sent exactly as written (fetch would normalise `..` away). */
function rawGet(baseUrl, path) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ hostname, port, path, method: 'GET' }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode));
    });
    request.once('error', reject);
    request.end();
  });
}

describe('npm start (scripts/start.mjs)', () => {
  let folder;
  let demo;
  let admin;
  let member;
  let countAfterFirstRun;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'tally-start-'));
    demo = await startDemo(folder);
  });

  after(async () => {
    await demo?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('writes a config and seeds the demo on the first run', () => {
    assert.ok(existsSync(join(folder, 'tally.config.json')), 'the config was written');
    assert.ok(statSync(join(folder, 'tally.duckdb')).size > 0, 'the database was written');
    assert.match(demo.output(), /First run: seeding the demo organisation/);
  });

  test('serves the Tally API with a health check, also under /tally on the demo origin', async () => {
    assert.deepEqual(await getJson(`${demo.apiUrl}/healthz`), {
      status: 200,
      body: { status: 'ok' },
    });
    assert.deepEqual(await getJson(`${demo.demoUrl}/tally/healthz`), {
      status: 200,
      body: { status: 'ok' },
    });
  });

  test('serves the demo app with HTML and JavaScript content types', async () => {
    const page = await fetch(`${demo.demoUrl}/saas-app/`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    const html = await page.text();
    assert.match(html, /<script type="importmap">/);
    assert.match(html, /src="\.\/app\.js"/);
    const script = await fetch(`${demo.demoUrl}/saas-app/app.js`);
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    await script.body?.cancel();
  });

  test('serves the React example with its built bundle and lists its URL', async () => {
    assert.match(demo.output(), /React\s+http:\/\/\S+\/react\//);
    const page = await fetch(`${demo.demoUrl}/react/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /src="\.\/build\/app\.js"/);
    const script = await fetch(`${demo.demoUrl}/react/build/app.js`);
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    // The bundle holds React and the widgets it renders.
    const code = await script.text();
    assert.match(code, /tally-leaderboard/);
    assert.match(code, /react\.dev/);
  });

  test('never serves files outside the served folders', async () => {
    for (const path of [
      '/saas-app/../../tally.config.json',
      '/saas-app/%2e%2e/%2e%2e/package.json',
      '/saas-app/..%2f..%2fpackage.json',
      '/saas-app/%2e%2e%5c%2e%2e%5cpackage.json',
      '/packages/server/package.json',
      '/packages/server/src/index.ts',
      '/demo-server/demo-backend.mjs',
      '/tally.config.json',
    ]) {
      assert.equal(await rawGet(demo.demoUrl, path), 404, path);
    }
  });

  test('lists the roster with one admin for the sign-in screen', async () => {
    const { status, body } = await getJson(`${demo.demoUrl}/api/demo`);
    assert.equal(status, 200);
    assert.match(body.writeKey, /^tly_pub_/);
    assert.equal(body.tallyEndpoint, '/tally');
    const admins = body.users.filter((user) => user.role === 'admin');
    assert.equal(admins.length, 1);
    assert.ok(body.users.length > 10, 'the demo roster is there');
    admin = admins[0];
    member = body.users.find((user) => user.role === 'member');
  });

  test('mints an admin token that reads the whole team', async () => {
    const { status, body } = await mintToken(demo.demoUrl, admin.id);
    assert.equal(status, 200);
    assert.equal(body.role, 'admin');
    assert.ok(body.expiresAt > Date.now());
    const board = await query(demo.apiUrl, body.token, { view: 'leaderboard', range: '30d' });
    assert.equal(board.status, 200);
    const ranked = board.body.rows.filter((row) => row.total > 0);
    assert.ok(ranked.length > 1, 'several users have events');
  });

  test('mints a member token that reads only that member', async () => {
    const { status, body } = await mintToken(demo.demoUrl, member.id);
    assert.equal(status, 200);
    assert.equal(body.role, 'member');
    const board = await query(demo.apiUrl, body.token, {
      view: 'leaderboard',
      range: '30d',
      filters: { users: [admin.id] },
    });
    assert.equal(board.status, 200);
    assert.deepEqual(
      board.body.rows.map((row) => row.userId),
      [member.id],
    );
  });

  test('refuses tokens for people who are not on the roster', async () => {
    const { status } = await mintToken(demo.demoUrl, 'someone-else');
    assert.equal(status, 403);
  });

  test('counts events the SDK sends through the demo origin for the signed-in member', async () => {
    const { createTracker } = await import('@tally/sdk');
    const { body } = await getJson(`${demo.demoUrl}/api/demo`);
    const { body: minted } = await mintToken(demo.demoUrl, member.id);
    const before = await requestCount(demo.apiUrl, minted.token);
    const tracker = createTracker({
      endpoint: `${demo.demoUrl}${body.tallyEndpoint}`,
      writeKey: body.writeKey,
      persist: 'memory',
      onError: (error) => assert.fail(error.message),
    });
    tracker.identify(member.id);
    tracker.track('chat.message', {
      category: 'chat',
      agent: 'assistant',
      conversationId: 'c-test',
    });
    tracker.usage({
      name: 'chat.completion',
      category: 'chat',
      agent: 'assistant',
      conversationId: 'c-test',
      model: 'gpt-4o',
      provider: 'openai',
      tokens: { input: 500, output: 80 },
      latencyMs: 900,
      status: 'ok',
    });
    await tracker.shutdown({ timeoutMs: 5000 });
    assert.equal(tracker.stats.sent, 2);
    assert.equal(await requestCount(demo.apiUrl, minted.token), before + 2);
  });

  test('attributes the background job to the assistant as system work', async () => {
    const { body: minted } = await mintToken(demo.demoUrl, admin.id);
    const system = { actor: 'system', agent: 'assistant' };
    const before = await requestCount(demo.apiUrl, minted.token, system);
    const job = await getJson(`${demo.demoUrl}/api/jobs/thread-summary`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: 'c-test' }),
    });
    assert.equal(job.status, 200, JSON.stringify(job.body));
    assert.equal(await requestCount(demo.apiUrl, minted.token, system), before + 1);
    countAfterFirstRun = await requestCount(demo.apiUrl, minted.token);
  });

  test('stops gracefully on Ctrl-C', async () => {
    assert.equal(await demo.stop(), 0);
    assert.match(demo.output(), /Stopped\./);
  });

  test('reuses the config and the data on a second start', async () => {
    demo = await startDemo(folder);
    assert.match(demo.output(), /Using the existing data/);
    assert.doesNotMatch(demo.output(), /First run|No config yet/);
    const { body: minted } = await mintToken(demo.demoUrl, admin.id);
    assert.equal(await requestCount(demo.apiUrl, minted.token), countAfterFirstRun);
    assert.equal(await demo.stop(), 0);
  });
});
