// The demo product's own backend: the few routes a vendor writes next to Tally. It holds the
// secret key, so the browser never sees it: it mints read tokens for the signed-in user, runs
// background jobs whose usage is attributed to the assistant (system events need the secret
// key), and renders the plain HTML example with a fresh token.
import { readFile } from 'node:fs/promises';

/** The most a JSON request body to the demo backend may hold. */
const MAX_BODY_BYTES = 16 * 1024;
/** Read tokens for the demo's pages live this long; the widgets fetch a new one before expiry. */
const TOKEN_TTL_SECONDS = 15 * 60;
/** The token rendered into the plain HTML example's markup lives this long. */
const PAGE_TOKEN_TTL_SECONDS = 60 * 60;
/** How often the roster is read again from Tally. */
const ROSTER_TTL_MS = 10_000;

/**
 * The demo backend as a fetch-style handler; answers `null` for paths that are not its own.
 *
 * - `GET /api/demo`: what the page needs to start: the Tally endpoint (mounted on this origin),
 *   the public write key, and the roster to sign in as, with each user's role.
 * - `POST /api/token` `{ userId }`: a read token: `admin` for the demo's admin, `member` (scoped
 *   by the server to that user's own data) for everyone else.
 * - `POST /api/jobs/thread-summary` `{ conversationId }`: a background job tracked with
 *   `system('assistant')` and the secret key.
 * - `GET /plain-html/`: the plain HTML example with a fresh admin token in its markup.
 *
 * @param {{
 *   apiUrl: string,
 *   secretKey: string,
 *   writeKey: string,
 *   tenant: string,
 *   tracker: import('@tally/sdk').Tracker,
 *   plainHtmlFile: string,
 *   fetch?: typeof fetch,
 * }} options
 * @returns {(request: Request) => Promise<Response | null>}
 */
export function demoBackend(options) {
  const { apiUrl, secretKey, writeKey, tenant, tracker, plainHtmlFile } = options;
  const send = options.fetch ?? fetch;
  const assistant = tracker.system('assistant');
  let roster;

  /** Calls the Tally API with the secret key; throws with the server's message on failure. */
  async function tally(path, body) {
    const response = await send(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(answer?.error?.message ?? `Tally answered ${response.status} for ${path}`);
    }
    return answer;
  }

  /**
   * The roster users one can sign in as (active, licensed), by name; the admin is the roster's
   * first user by id, so the same person is the admin on every start.
   */
  async function readRoster() {
    if (roster !== undefined && roster.readAt > Date.now() - ROSTER_TTL_MS) return roster;
    const board = await tally('/v1/query', { view: 'leaderboard', range: { preset: '180d' } });
    const people = board.rows
      .filter((row) => row.inRoster && row.active && row.licensed)
      .map((row) => ({ id: row.userId, name: row.name ?? row.userId, email: row.email }));
    const adminId = people.map((person) => person.id).sort()[0] ?? null;
    const users = people
      .map((person) => ({ ...person, role: person.id === adminId ? 'admin' : 'member' }))
      .sort((a, b) =>
        a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'admin' ? -1 : 1,
      );
    roster = { users, adminId, readAt: Date.now() };
    return roster;
  }

  async function mint(user, ttlSeconds = TOKEN_TTL_SECONDS) {
    return tally('/v1/tokens', { role: user.role, sub: user.id, ttlSeconds });
  }

  const routes = {
    'GET /api/demo': async () => {
      const { users } = await readRoster();
      return json({ tallyEndpoint: '/tally', writeKey, tenant, users });
    },

    'POST /api/token': async (request) => {
      const { userId } = await readJson(request);
      const { users } = await readRoster();
      const user = users.find((candidate) => candidate.id === userId);
      if (user === undefined) return json({ error: { message: 'userId: not on the roster' } }, 403);
      const minted = await mint(user);
      return json({ token: minted.token, expiresAt: minted.expiresAt, role: user.role });
    },

    'POST /api/jobs/thread-summary': async (request) => {
      const { conversationId } = await readJson(request);
      if (typeof conversationId !== 'string' || !/^[\w.:-]{1,128}$/.test(conversationId)) {
        return json({ error: { message: 'conversationId: must be a conversation id' } }, 400);
      }
      const summary = await assistant.time('chat.thread_summary', () => summarise(), {
        category: 'chat',
        source: 'background',
        endpoint: '/api/jobs/thread-summary',
        conversationId,
        model: 'gpt-4o-mini',
        provider: 'openai',
        tokens: { input: 1200 + randomInt(900), output: 90 + randomInt(120) },
      });
      // Delivered before answering, so a refresh right after shows the job.
      await tracker.flush();
      return json({ summary });
    },

    'GET /plain-html/': plainHtml,
    'GET /plain-html/index.html': plainHtml,
  };

  async function plainHtml() {
    const { users, adminId } = await readRoster();
    const admin = users.find((user) => user.id === adminId);
    if (admin === undefined) return json({ error: { message: 'the roster is empty' } }, 503);
    // A token in markup is not refreshed: it lasts as long as a reading session.
    const { token } = await mint(admin, PAGE_TOKEN_TTL_SECONDS);
    const page = await readFile(plainHtmlFile, 'utf8');
    return new Response(page.replaceAll('PASTE-A-READ-TOKEN', token), {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        // The page holds a token: never cache it.
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  }

  return async (request) => {
    const route = routes[`${request.method} ${new URL(request.url).pathname}`];
    if (route === undefined) return null;
    try {
      return await route(request);
    } catch (error) {
      if (error instanceof BadRequest) return json({ error: { message: error.message } }, 400);
      console.error('demo backend:', error);
      return json(
        { error: { message: error instanceof Error ? error.message : String(error) } },
        502,
      );
    }
  };
}

class BadRequest extends Error {}

/**
 * A small JSON body. Requiring `application/json` means a cross-site form cannot post here: such
 * a request needs a CORS preflight, which this backend never grants.
 */
async function readJson(request) {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    throw new BadRequest('body: must be application/json');
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of request.body ?? []) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES)
      throw new BadRequest(`body: must be at most ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body;
  } catch {
    // Answered below.
  }
  throw new BadRequest('body: must be a JSON object');
}

function json(body, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

function randomInt(below) {
  return Math.floor(Math.random() * below);
}

/** Stands in for a model call summarising a thread in the background. */
async function summarise() {
  await new Promise((resolve) => setTimeout(resolve, 250 + randomInt(500)));
  return 'Thread summary queued for the weekly digest.';
}
