// The demo end to end, in real headless Chromium. `tally-server init` and `seed --demo` write a
// fresh config and DuckDB file, whose seeded counts are read straight from DuckDB; `npm start`
// serves that data, and the page reaches it through a proxy that can fail the Tally API's batch
// route. A member signs in, chats, rates answers, makes a document and starts a background job
// (the assistant's, not theirs); the page goes offline and keeps chatting; back online the API
// is down, so delivery retries and fails, and the page is reloaded with the events still queued
// in IndexedDB; the API comes back and the queue drains; then the API stores a batch but its
// answers are lost, so the page sends the same events again. The member's own usage view and
// the admin's usage tab must show the seeded counts plus exactly the events the clicks
// produced, and the DuckDB file, read directly after a graceful stop, must hold each of them
// once. Why it is built this way: docs/decisions/0071.
//
// Needs the build (npm test builds first) and Chromium (/usr/bin/chromium, or CHROME_PATH).
/* global document, indexedDB */
import { DuckDBInstance } from '@duckdb/node-api';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
import { startDemo } from '../support/start-demo.mjs';
import { startOutageProxy } from '../support/outage-proxy.mjs';
import { leaderboardInPage } from '../support/leaderboard-in-page.mjs';
import { waitFor } from '../support/wait-for.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const serverBin = join(root, 'packages', 'server', 'bin', 'tally-server.js');
/** Every wait is bounded; these are generous for a slow, shared machine. */
const STEP_MS = 30_000;
const DRAIN_MS = 120_000;
const BATCH_PATH = '/tally/v1/batch';
/** Days of seeded demo data: well inside the usage tab's default range of 30 days. */
const SEEDED_DAYS = 7;

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Runs the server's command line and fails with its output when it fails. */
function cli(args) {
  const result = spawnSync(process.execPath, [serverBin, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `tally-server ${args[0]}:\n${result.stdout}${result.stderr}`);
}

/**
 * Every event in the DuckDB file, read straight from it with DuckDB (no server code involved):
 * user, actor, agent, id, name, category and timestamp.
 */
async function readDatabase(path) {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT user_id AS "userId", actor, agent, id, name, category, ts::DOUBLE AS ts
        FROM events`,
    );
    return reader.getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * One user's own events among `events` (actor `user`, as the leaderboard counts them): per name,
 * per category, the total, and the distinct ids.
 */
function countsOf(events, userId) {
  const mine = events.filter((event) => event.userId === userId && event.actor === 'user');
  const byName = {};
  const byCategory = {};
  for (const event of mine) {
    byName[event.name] = (byName[event.name] ?? 0) + 1;
    // The views put events without a category under this key.
    const category = event.category ?? 'uncategorized';
    byCategory[category] = (byCategory[category] ?? 0) + 1;
  }
  return { byName, byCategory, total: mine.length, ids: new Set(mine.map((event) => event.id)) };
}

/** `a` plus `b`, key by key. */
function addCounts(a, b) {
  const sum = { ...a };
  for (const [name, count] of Object.entries(b)) sum[name] = (sum[name] ?? 0) + count;
  return sum;
}

async function postJson(url, body, token) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  assert.equal(response.status, 200, JSON.stringify(answer));
  return answer;
}

// ---- in the page ------------------------------------------------------------------------

/** Events waiting in the SDK's IndexedDB queues of this origin. */
function queuedInPage() {
  return (async () => {
    let count = 0;
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith('tally:')) continue;
      count += await new Promise((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const database = opening.result;
          if (!database.objectStoreNames.contains('events')) {
            database.close();
            return resolve(0);
          }
          const counting = database.transaction('events').objectStore('events').count();
          counting.onsuccess = () => {
            database.close();
            resolve(counting.result);
          };
          counting.onerror = () => reject(counting.error);
        };
      });
    }
    return count;
  })();
}

describe('the demo app end to end (Chromium, npm start, DuckDB)', { timeout: 300_000 }, () => {
  let folder;
  let dbPath;
  let demo;
  let browser;
  let page;
  let roster;
  let member;
  let admin;
  let seeded;
  /** The tenant's categories (id and label) from the config `tally-server init` wrote. */
  let categoryLabels;
  let baseline;
  /** What the member's usage view showed: checked against the file after the stop. */
  let shownToMember;
  let startedAt;
  /** Events the clicks produced, per name: what the server must end up with. */
  const sent = {};
  /** The same events per category: the app files its chat under `chat`, documents under `documents`. */
  const sentByCategory = {};
  /** The bodies of the batch requests the page made (promises: some are read afterwards). */
  const batchBodies = [];
  /** The page's origin: the demo server behind a proxy that can take the Tally API down. */
  let proxy;
  const pageErrors = [];
  /** Background jobs the page asked the backend for. */
  let systemJobs = 0;

  const count = (name, category) => {
    sent[name] = (sent[name] ?? 0) + 1;
    sentByCategory[category] = (sentByCategory[category] ?? 0) + 1;
  };
  const sentTotal = () => Object.values(sent).reduce((sum, value) => sum + value, 0);
  const queued = () => page.evaluate(queuedInPage);

  /** The member's events at or after `startedAt` as the server answers them (admin token). */
  async function storedSinceStart() {
    const { token } = await postJson(`${demo.demoUrl}/api/token`, { userId: admin.id });
    const board = await postJson(
      `${demo.apiUrl}/v1/query`,
      {
        view: 'leaderboard',
        range: { from: startedAt, to: Date.now() + 60_000 },
        filters: { users: [member.id] },
      },
      token,
    );
    return board.rows.find((row) => row.userId === member.id)?.total ?? 0;
  }

  async function signIn(user) {
    await page.waitForSelector('section.sign-in button.person', { timeout: STEP_MS });
    const buttons = await page.$$('section.sign-in button.person');
    for (const button of buttons) {
      const label = await button.evaluate((element) => element.querySelector('strong').textContent);
      if (label === user.name) {
        await button.click();
        return;
      }
    }
    assert.fail(`${user.name} is not on the sign-in screen`);
  }

  /**
   * Sends a message in the chat and waits for the answer; counts the message and the model call
   * (tracked whether it answered or failed). Rates the answer when `rating` is given and it
   * answered. Returns whether it answered.
   */
  async function chat(text, rating) {
    const before = (await page.$$('ol.messages li.theirs:not(.pending)')).length;
    await page.type('#message', text);
    await page.keyboard.press('Enter');
    count('chat.message', 'chat');
    await page.waitForFunction(
      (expected) =>
        document.querySelectorAll('ol.messages li.theirs:not(.pending)').length === expected,
      { timeout: STEP_MS },
      before + 1,
    );
    count('chat.completion', 'chat');
    const answer = (await page.$$('ol.messages li.theirs')).at(-1);
    const answered = !(await answer.evaluate((element) => element.classList.contains('failed')));
    if (answered && rating !== undefined) {
      const [helpful, notHelpful] = await answer.$$('button.thumb');
      await (rating > 0 ? helpful : notHelpful).click();
      count('chat.feedback', 'chat');
    }
    return answered;
  }

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'tally-e2e-'));
    dbPath = join(folder, 'tally.duckdb');
    const configPath = join(folder, 'tally.config.json');
    // What `npm start` does on a first run, done here so the seeded counts can be read from the
    // file before the server holds it.
    cli(['init', '--config', configPath]);
    cli([
      'seed',
      '--demo',
      '--config',
      configPath,
      '--db',
      dbPath,
      '--days',
      `${SEEDED_DAYS}`,
      '--scale',
      '0.2',
    ]);
    seeded = await readDatabase(dbPath);
    categoryLabels = JSON.parse(readFileSync(configPath, 'utf8')).tenants[0].settings.categories;
    demo = await startDemo(folder);
    proxy = await startOutageProxy(
      demo.demoUrl,
      (request) => request.method === 'POST' && request.url?.startsWith(BATCH_PATH) === true,
    );
    assert.match(demo.output(), /Using the existing data/);
    // Seeded events all lie before this; the page's all lie after it.
    startedAt = Date.now();

    const response = await fetch(`${demo.demoUrl}/api/demo`);
    roster = (await response.json()).users;
    admin = roster.find((user) => user.role === 'admin');
    // A member with seeded activity whose email only they match, so the admin's search finds
    // one row.
    member = roster.find(
      (user) =>
        user.role === 'member' &&
        seeded.some((event) => event.userId === user.id) &&
        user.email &&
        roster.filter(
          (other) => other.email?.includes(user.email) || other.name.includes(user.email),
        ).length === 1,
    );
    assert.ok(admin && member, 'the roster has an admin and a member');
    baseline = countsOf(seeded, member.id);

    browser = await puppeteer.launch({
      executablePath: ensureChromium(),
      headless: true,
      args: LAUNCH_ARGS,
      protocolTimeout: 120_000,
    });
    page = await browser.newPage();
    page.setDefaultTimeout(STEP_MS);
    page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      // Failed requests are logged by the browser itself while offline; those are expected.
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
        pageErrors.push(`console.error: ${message.text()}`);
      }
    });
    page.on('request', (request) => {
      if (!request.url().includes(BATCH_PATH) || request.method() !== 'POST') return;
      // A body built by `fetch` from a Request is not in the event; ask for it.
      const body = request.postData() ?? request.fetchPostData().catch(() => undefined);
      batchBodies.push(Promise.resolve(body));
    });
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await proxy?.close();
    await demo?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test("seeds a fresh database whose events all lie inside the usage tab's 30 days", () => {
    assert.ok(seeded.length > 0, 'the seed wrote events');
    const oldest = Math.min(...seeded.map((event) => event.ts));
    const newest = Math.max(...seeded.map((event) => event.ts));
    assert.ok(oldest > startedAt - (SEEDED_DAYS + 1) * 86_400_000, `oldest seeded event ${oldest}`);
    assert.ok(newest < startedAt, 'no seeded event lies after the start');
  });

  test('a member signs in, chats, rates answers and makes a document', async () => {
    await page.goto(`${proxy.url}/saas-app/`, { waitUntil: 'load' });
    await signIn(member);
    await page.waitForSelector('#message');
    await page.select('#model', 'gpt-4o-mini');
    let documented = false;
    const prompts = ['Prep my meeting agenda', 'Draft an email reply', 'Summarise the thread'];
    for (const [index, text] of prompts.entries()) {
      const answered = await chat(text, index % 2 === 0 ? 1 : -1);
      if (answered && !documented) {
        const answer = (await page.$$('ol.messages li.theirs')).at(-1);
        const [make] = await answer.$$('button.link');
        await make.click();
        await page.waitForFunction(
          (element) => /^Document "/.test(element.querySelector('.answer-tools .note').textContent),
          { timeout: STEP_MS },
          answer,
        );
        count('doc.generate', 'documents');
        documented = true;
      }
    }
    // The backend's background job is the assistant's work, not the member's.
    await page.click('::-p-text(Summarise thread in the background)');
    await page.waitForFunction(
      () => /the assistant's work/.test(document.querySelector('.chat-footer .status').textContent),
      { timeout: STEP_MS },
    );
    systemJobs += 1;
    // Everything so far reaches the server while online.
    const expected = sentTotal();
    await waitFor(
      'the online events on the server',
      storedSinceStart,
      (total) => total === expected,
    );
    await waitFor('an empty queue', queued, (left) => left === 0);
  });

  test('keeps chatting offline: events wait in IndexedDB', async () => {
    const before = sentTotal();
    await page.setOfflineMode(true);
    await chat('Compare the market options', 1);
    await chat('Write a short spec', -1);
    const offline = sentTotal() - before;
    await waitFor('the offline events in IndexedDB', queued, (left) => left === offline);
    assert.equal(await storedSinceStart(), before, 'nothing reached the server while offline');
  });

  test('retries while the endpoint is unreachable and keeps the queue across a reload', async () => {
    const delivered = sentTotal() - (await queued());
    // Back online, but the Tally API is down: delivery retries with backoff.
    proxy.setMode('down');
    const refusedBefore = proxy.counts.refused;
    await page.setOfflineMode(false);
    await chat('Any recap of yesterday?', 1);
    await waitFor(
      'two failed delivery attempts',
      async () => proxy.counts.refused - refusedBefore,
      (failures) => failures >= 2,
    );
    const waiting = sentTotal() - delivered;
    await waitFor('every undelivered event in IndexedDB', queued, (left) => left === waiting);

    // The page-close request fails too; the events stay queued for the next page.
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('#message');
    assert.equal(await queued(), waiting, 'the queue survived the reload');
    const refusedAfterReload = proxy.counts.refused;
    await waitFor(
      'the reloaded page retrying',
      async () => proxy.counts.refused - refusedAfterReload,
      (failures) => failures >= 1,
    );
    await page.select('#model', 'gpt-4o-mini');
    await chat('One more question after the reload', -1);
    assert.equal(await storedSinceStart(), delivered, 'nothing got through while the API was down');

    proxy.setMode('up');
    const expected = sentTotal();
    await waitFor(
      'the queue to drain to the server',
      async () => ({ stored: await storedSinceStart(), queued: await queued() }),
      (state) => state.stored === expected && state.queued === 0,
      DRAIN_MS,
    );
  });

  test('stores events once when the acknowledgements are lost and the page sends them again', async () => {
    const before = sentTotal();
    proxy.setMode('lose-answers');
    const lostBefore = proxy.counts.lost;
    await chat('Recap the pricing decision', 1);
    // The server stores every event, but the page, never told, keeps them and sends them again.
    await waitFor(
      'the server storing the events and a retry whose answer is lost too',
      async () => ({ lost: proxy.counts.lost - lostBefore, stored: await storedSinceStart() }),
      (state) => state.lost >= 2 && state.stored === sentTotal(),
    );
    await waitFor('the page still holding them', queued, (left) => left === sentTotal() - before);

    proxy.setMode('up');
    const expected = sentTotal();
    await waitFor(
      'the queue to drain',
      async () => ({ stored: await storedSinceStart(), queued: await queued() }),
      (state) => state.stored === expected && state.queued === 0,
      DRAIN_MS,
    );
  });

  /** A row's per-category counts, from its text alternative, keyed by category id. */
  function categoriesOf(row) {
    const idOf = new Map(categoryLabels.map(({ id, label }) => [label, id]));
    const counts = {};
    for (const part of row.categories.split(', ')) {
      const split = part.lastIndexOf(' ');
      const label = part.slice(0, split);
      counts[idOf.get(label) ?? label] = Number(part.slice(split + 1).replace(/[^\d]/g, ''));
    }
    return counts;
  }

  /** Opens Settings > Usage and waits for the leaderboard to show `done` rows. */
  async function openUsage(done) {
    await page.click('nav a[data-section="settings"]');
    return waitFor(
      "the usage tab's leaderboard",
      () => page.evaluate(leaderboardInPage),
      (board) => board?.status === 'ready' && done(board.rows),
    );
  }

  /** Expands `userId`'s row and reads its events per name. */
  async function expand(userId) {
    const button = await page.waitForSelector(
      `tally-usage-tab >>> tally-leaderboard >>> [data-user="${userId}"] button.expand`,
    );
    await button.click();
    const board = await waitFor(
      `the expanded row of ${userId}`,
      () => page.evaluate(leaderboardInPage),
      (shown) => shown?.rows.find((row) => row.userId === userId)?.byName != null,
    );
    return board.rows.find((row) => row.userId === userId);
  }

  test("the member's usage view shows exactly their own events and no one else", async () => {
    const board = await openUsage((rows) => rows.length > 0);
    assert.deepEqual(
      board.rows.map((row) => row.userId),
      [member.id],
      'a member sees only their own row',
    );
    shownToMember = await expand(member.id);
    assert.equal(shownToMember.total, baseline.total + sentTotal());
    assert.deepEqual(shownToMember.byName, addCounts(baseline.byName, sent));
    assert.deepEqual(categoriesOf(shownToMember), addCounts(baseline.byCategory, sentByCategory));
  });

  test("the admin's usage tab shows the member's exact counts among the team", async () => {
    await page.click('::-p-aria(Sign out)');
    await signIn(admin);
    await page.waitForSelector('#message');
    const team = await openUsage((rows) => rows.length > 1);
    assert.ok(
      team.rows.some((row) => row.userId !== admin.id),
      'the admin sees other people than themself',
    );
    const search = await page.waitForSelector('tally-usage-tab >>> tally-search >>> input');
    await search.type(member.email);
    await waitFor(
      "the leaderboard filtered to the member's email",
      () => page.evaluate(leaderboardInPage),
      (shown) =>
        shown?.status === 'ready' && shown.rows.length === 1 && shown.rows[0].userId === member.id,
    );
    const row = await expand(member.id);
    assert.equal(row.total, baseline.total + sentTotal());
    assert.deepEqual(row.byName, addCounts(baseline.byName, sent));
    assert.deepEqual(categoriesOf(row), addCounts(baseline.byCategory, sentByCategory));
  });

  test('the DuckDB file holds each event the page sent exactly once', async (context) => {
    const bodies = await Promise.all(batchBodies);
    await browser.close();
    browser = undefined;
    assert.equal(await demo.stop(), 0, 'the server stopped gracefully');
    demo = undefined;
    const stored = await readDatabase(dbPath);
    const now = countsOf(stored, member.id);
    const fromPage = countsOf(
      stored.filter((event) => event.ts >= startedAt),
      member.id,
    );
    assert.deepEqual(fromPage.byName, sent, 'events per name: what the clicks produced');
    assert.deepEqual(fromPage.byCategory, sentByCategory, 'events per category');
    assert.equal(
      stored.length,
      new Set(stored.map((event) => event.id)).size,
      'no event is stored twice',
    );
    const sends = new Map();
    for (const body of bodies) {
      for (const event of JSON.parse(body ?? '{}').batch ?? []) {
        if (event.userId === member.id) sends.set(event.id, (sends.get(event.id) ?? 0) + 1);
      }
    }
    const idsSent = new Set(sends.keys());
    const sentAgain = [...sends.values()].filter((times) => times > 1).length;
    assert.ok(sentAgain > 0, 'some events were sent more than once');
    assert.deepEqual(
      [...fromPage.ids].sort(),
      [...idsSent].sort(),
      'the stored ids are the ids the SDK sent',
    );
    assert.equal(now.total, baseline.total + sentTotal());
    assert.equal(shownToMember.total, now.total, 'the usage view agreed with the file');
    const isOthers = (event) => event.actor === 'user' && event.userId !== member.id;
    assert.equal(
      stored.filter(isOthers).length,
      seeded.filter(isOthers).length,
      "other people's events are untouched",
    );
    assert.deepEqual(
      stored
        .filter((event) => event.actor === 'system' && event.ts >= startedAt)
        .map((event) => [event.name, event.agent, event.userId]),
      Array.from({ length: systemJobs }, () => ['chat.thread_summary', 'assistant', null]),
      "the background job is stored once, as the assistant's",
    );
    context.diagnostic(
      `${member.id}: ${baseline.total} seeded + ${sentTotal()} from the page = ${now.total} ` +
        `events; from the page by name ${JSON.stringify(sent)}; ${sentAgain} of them sent ` +
        `more than once; ${proxy.counts.refused} requests refused, ${proxy.counts.lost} answers lost`,
    );
  });

  test('the page logged no errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
