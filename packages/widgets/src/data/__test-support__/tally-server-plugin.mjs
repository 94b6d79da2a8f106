/**
 * A @web/test-runner plugin that runs the real Tally server for the widgets' browser tests. In
 * `serverStart` it opens a DuckDB file in a temporary folder, serves `createTallyServer` on
 * 127.0.0.1 (a random port, any origin allowed), and ingests a small fixed event set and roster
 * through the public API. Tests read it with `executeServerCommand` of
 * `@web/test-runner-commands`:
 *
 * - `tally-server` `{ member? }`: `{ url, adminToken, memberToken, expiredToken, events, roster }`;
 *   `memberToken` is a member token for the user id `member` (`null` without one), and
 *   `expiredToken` is an admin token whose lifetime has already ended.
 * - `tally-analytics-server` `{ member? }`: the same for a second tenant holding the analytics
 *   fixture (`analytics-events.mjs`: agents, models, sessions, errors, cost, gauges), plus its
 *   `settings`.
 * - `tally-demo-server`: `{ url, adminToken }` of a third tenant filled, on first use, with
 *   30,000 events of the benchmark's generator over the 90 days before now (for screenshots).
 *
 * The packages are used from their built `dist` folders (`npm test` builds them first).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createTallyServer, DuckDbStore, listen } from '@tally/server';
import { TallyError } from '@tally/core';
import { generateDataset } from '../../../../../bench/generate-events.mjs';
import { ANALYTICS_ROSTER, ANALYTICS_TENANT, analyticsEvents } from './analytics-events.mjs';

const TENANT = 'acme';
const WRITE_KEY = 'tly_pub_widgets_write_key_0001';
const SECRET_KEY = 'tly_sec_widgets_secret_key_0001';
const TOKEN_SECRET = 'widgets-browser-test-token-secret-0123456789';
const HOUR = 3_600_000;
const DEMO_TENANT = 'initech';
const DEMO_SECRET_KEY = 'tly_sec_widgets_secret_key_0003';

/** The roster: four users with events, one licensed user without any. */
const ROSTER = [
  { id: 'u-ada', name: 'Ada Lovelace', email: 'ada@example.com', licensed: true, active: true },
  { id: 'u-bo', name: 'Bo Diddley', email: 'bo@example.com', licensed: true, active: true },
  { id: 'u-cy', name: 'Cy Young', licensed: true, active: true },
  { id: 'u-dee', name: 'Dee Dee Ramone', licensed: true, active: true },
  { id: 'u-eve', name: 'Eve Idle', licensed: true, active: true },
];

/** `[userId, category, name]` of each user event, in order; ids and times follow from the index. */
const PLAN = [
  ['u-ada', 'chat', 'chat.message'],
  ['u-ada', 'chat', 'chat.message'],
  ['u-ada', 'flow', 'flow.meeting_prep'],
  ['u-ada', 'research', 'research.run'],
  ['u-ada', 'documents', 'doc.generate'],
  ['u-bo', 'chat', 'chat.message'],
  ['u-bo', 'chat', 'chat.message'],
  ['u-bo', 'research', 'research.run'],
  ['u-cy', 'flow', 'flow.meeting_prep'],
  ['u-cy', 'documents', 'doc.generate'],
  ['u-cy', 'chat', 'chat.message'],
  ['u-dee', 'documents', 'doc.generate'],
];

/** The ingested events, spread over the two days before `start` (epoch ms, whole hours). */
function eventsAt(start) {
  const users = PLAN.map(([userId, category, name], index) => ({
    id: `wt-${String(index + 1).padStart(3, '0')}`,
    name,
    timestamp: start - (index + 1) * 3 * HOUR,
    userId,
    actor: 'user',
    category,
    model: 'gpt-4o',
    provider: 'openai',
    tokens: { input: 1000 + index, output: 100 + index },
  }));
  const system = {
    id: 'wt-system-001',
    name: 'digest.send',
    timestamp: start - 5 * HOUR,
    actor: 'system',
    agent: 'nightly-digest',
    category: 'documents',
  };
  return [...users, system];
}

/** The plugin. */
export function tallyServerPlugin() {
  let folder;
  let store;
  let listening;
  let url;
  let events = [];

  async function call(method, path, body, credential = SECRET_KEY) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) {
      throw new TallyError(`${method} ${path}: ${JSON.stringify(answer)}`, {
        code: 'test_server',
      });
    }
    return answer;
  }

  async function mint(role, sub, secretKey = SECRET_KEY) {
    const answer = await call(
      'POST',
      '/v1/tokens',
      { role, ttlSeconds: 3600, ...(sub === undefined ? {} : { sub }) },
      secretKey,
    );
    return answer.token;
  }

  let analytics = [];
  let demo;
  const demoSettings = demoDataset(1000, Date.now()).settings;

  /** Fills the demo tenant once, straight through the store (no HTTP: it is only scenery). */
  function fillDemo() {
    demo ??= (async () => {
      const { events, roster } = demoDataset(30_000, Date.now());
      await store.upsertUsers(DEMO_TENANT, roster);
      for (let offset = 0; offset < events.length; offset += 5000) {
        await store.insertEvents(DEMO_TENANT, events.slice(offset, offset + 5000));
      }
    })();
    return demo;
  }

  /** Signed like the server's own tokens, but expired a minute ago. */
  async function expiredToken() {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ tenant: TENANT, role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer('tally')
      .setAudience('tally:read')
      .setIssuedAt(now - 120)
      .setExpirationTime(now - 60)
      .sign(new TextEncoder().encode(TOKEN_SECRET));
  }

  return {
    name: 'tally-server',
    async serverStart() {
      folder = await mkdtemp(join(tmpdir(), 'tally-widgets-'));
      store = await DuckDbStore.open(join(folder, 'tally.duckdb'));
      const tally = createTallyServer({
        store,
        config: {
          tenants: [
            {
              id: TENANT,
              writeKeys: [WRITE_KEY],
              secretKeys: [SECRET_KEY],
              settings: {
                timezone: 'UTC',
                categories: [
                  { id: 'chat' },
                  { id: 'flow' },
                  { id: 'research' },
                  { id: 'documents' },
                ],
              },
            },
            {
              id: ANALYTICS_TENANT.id,
              writeKeys: [ANALYTICS_TENANT.writeKey],
              secretKeys: [ANALYTICS_TENANT.secretKey],
              settings: ANALYTICS_TENANT.settings,
            },
            {
              id: DEMO_TENANT,
              writeKeys: [],
              secretKeys: [DEMO_SECRET_KEY],
              settings: demoSettings,
            },
          ],
          tokens: { secret: TOKEN_SECRET, defaultTtlSeconds: 600, maxTtlSeconds: 3600 },
          cors: { origins: ['*'] },
          rateLimits: {
            ingest: { perSecond: 10_000, burst: 10_000 },
            query: { perSecond: 10_000, burst: 10_000 },
          },
        },
      });
      listening = await listen(tally, { host: '127.0.0.1', port: 0 });
      url = listening.url;
      events = eventsAt(Math.floor(Date.now() / HOUR) * HOUR);
      const stored = await call('POST', '/v1/batch', { batch: events, sentAt: Date.now() });
      if (stored.accepted !== events.length) {
        throw new TallyError(`tally-server: ingest stored ${JSON.stringify(stored)}`, {
          code: 'test_server',
        });
      }
      await call('PUT', '/v1/users', { users: ROSTER });
      analytics = analyticsEvents(Math.floor(Date.now() / HOUR) * HOUR);
      for (let offset = 0; offset < analytics.length; offset += 500) {
        const batch = analytics.slice(offset, offset + 500);
        const answer = await call(
          'POST',
          '/v1/batch',
          { batch, sentAt: Date.now() },
          // System events need the secret key.
          ANALYTICS_TENANT.secretKey,
        );
        if (answer.accepted !== batch.length) {
          throw new TallyError(`tally-server: analytics ingest stored ${JSON.stringify(answer)}`, {
            code: 'test_server',
          });
        }
      }
      await call('PUT', '/v1/users', { users: ANALYTICS_ROSTER }, ANALYTICS_TENANT.secretKey);
    },
    async serverStop() {
      await listening?.close();
      await store?.close();
      if (folder !== undefined) await rm(folder, { recursive: true, force: true });
    },
    async executeCommand({ command, payload }) {
      if (command === 'tally-analytics-server') {
        const member = payload?.member;
        const key = ANALYTICS_TENANT.secretKey;
        return {
          url,
          adminToken: await mint('admin', undefined, key),
          memberToken: typeof member === 'string' ? await mint('member', member, key) : null,
          events: analytics,
          roster: ANALYTICS_ROSTER,
          settings: ANALYTICS_TENANT.settings,
        };
      }
      if (command === 'tally-demo-server') {
        await fillDemo();
        return { url, adminToken: await mint('admin', undefined, DEMO_SECRET_KEY) };
      }
      if (command !== 'tally-server') return undefined;
      const member = payload?.member;
      return {
        url,
        adminToken: await mint('admin'),
        memberToken: typeof member === 'string' ? await mint('member', member) : null,
        expiredToken: await expiredToken(),
        events,
        roster: ROSTER,
      };
    },
  };
}

/**
 * The benchmark generator's dataset over the 90 days before `now`, with a credit plan and
 * budget and queue-depth readings over the last hour, so every block of the pages has data.
 */
function demoDataset(count, now) {
  const dataset = generateDataset({ count, users: 60, days: 90, now, seed: 7 });
  const gauges = Array.from({ length: 12 }, (_, index) => ({
    id: `demo-queue-${index}`,
    name: 'queue.depth',
    timestamp: now - (index + 1) * 5 * 60_000,
    actor: 'system',
    value: [6, 9, 14, 11, 8, 5, 7, 12, 16, 10, 6, 4][index],
    tokens: null,
    costNanos: 0,
    pricing: 'none',
    credits: 0,
  }));
  return {
    events: [...dataset.events, ...gauges],
    roster: dataset.roster,
    settings: {
      ...dataset.settings,
      timezone: 'UTC',
      planCredits: 60_000,
      additionalCredits: 10_000,
      budget: { measure: 'credits', limit: 75_000, period: 'month' },
    },
  };
}
