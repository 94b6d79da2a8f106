// A vendor's existing Node service with Tally added: its own routes (a chat endpoint that calls
// an LLM), the Tally API mounted under /tally on the same node:http server, and the endpoint
// the vendor's frontend calls for a read token. Run it with `node server.mjs` (see README.md).
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTracker } from '@tally/sdk';
import {
  createTallyServer,
  DuckDbStore,
  initialConfig,
  loadConfig,
  toNodeListener,
} from '@tally/server';

const PORT = Number(process.env.PORT ?? 3000);
const HOST = process.env.HOST ?? '127.0.0.1';
const CONFIG_PATH = resolve(process.env.TALLY_CONFIG ?? 'tally.config.json');
const DB_PATH = process.env.TALLY_DB ?? 'tally.duckdb';
/** Where the Tally API is mounted inside this service. */
const TALLY_BASE = '/tally';
/** Read tokens for the usage page live this long; the widget asks for a new one before then. */
const TOKEN_TTL_SECONDS = 15 * 60;

// The vendor's own users and roles. A real service takes them from its session or database.
const USERS = {
  'user-ada': { name: 'Ada Lovelace', email: 'ada@example.com', role: 'admin' },
  'user-grace': { name: 'Grace Hopper', email: 'grace@example.com', role: 'member' },
};

// 1. The Tally API over an embedded DuckDB file, with the config `npx tally-server init` wrote.
const config = existsSync(CONFIG_PATH) ? await loadConfig(CONFIG_PATH) : initialConfig();
if (!existsSync(CONFIG_PATH)) {
  console.warn(`${CONFIG_PATH} not found: using throw-away keys (run \`npx tally-server init\`)`);
}
const [tenant] = config.tenants;
const secretKey = tenant.secretKeys[0];
const store = await DuckDbStore.open(DB_PATH);
const tally = createTallyServer({ store, config, basePath: TALLY_BASE });
const tallyListener = toNodeListener(tally.handler);

// 2. The tracker. On a backend it uses the secret key: it may attribute events to any user and
//    send system (background) events. The queue lives in memory; `shutdown` flushes it.
const tracker = createTracker({
  endpoint: `http://${HOST}:${PORT}${TALLY_BASE}`,
  writeKey: secretKey,
  persist: 'memory',
  onError: (error) => console.warn('tally:', error.message),
});

/** Stands in for `openai.chat.completions.create(...)`: an OpenAI-shaped result, offline. */
async function callModel(messages) {
  await new Promise((done) => setTimeout(done, 20));
  const prompt = messages.map((message) => message.content).join(' ');
  return {
    id: 'chatcmpl-example',
    object: 'chat.completion',
    model: 'gpt-4o-2024-08-06',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: `You said: ${prompt}` },
        finish_reason: 'stop',
      },
    ],
    usage: {
      prompt_tokens: 120 + prompt.length,
      completion_tokens: 42,
      total_tokens: 162 + prompt.length,
      prompt_tokens_details: { cached_tokens: 64 },
      completion_tokens_details: { reasoning_tokens: 0 },
    },
  };
}

/** Mints a read token by calling the mounted Tally API in-process with the secret key. */
async function mintReadToken(userId, role) {
  const response = await tally.handler(
    new Request(`http://${HOST}:${PORT}${TALLY_BASE}/v1/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        role,
        ...(role === 'member' ? { sub: userId } : {}),
        ttlSeconds: TOKEN_TTL_SECONDS,
      }),
    }),
  );
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error?.message ?? `tokens: ${response.status}`);
  return answer;
}

/** The signed-in user. Here a header stands in for the vendor's own session cookie. */
function signedInUser(request) {
  const id = request.headers['x-user-id'];
  return typeof id === 'string' && Object.hasOwn(USERS, id) ? { id, ...USERS[id] } : undefined;
}

async function readJson(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    return {};
  }
}

function sendJson(response, status, body) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

// 3. The vendor's own routes.
const routes = {
  'GET /': (_request, response) => sendJson(response, 200, { service: 'acme-assistant' }),

  // The chat endpoint: calls the model, then records the call, attributed to the user.
  'POST /api/chat': async (request, response) => {
    const user = signedInUser(request);
    if (user === undefined) return sendJson(response, 401, { error: 'sign in first' });
    const { message = 'hello', conversationId = 'c-1' } = await readJson(request);
    const started = performance.now();
    const completion = await callModel([{ role: 'user', content: String(message) }]);
    const eventId = await tracker.recordCompletion(completion, {
      name: 'chat.completion',
      category: 'chat',
      source: 'api',
      endpoint: '/api/chat',
      userId: user.id,
      conversationId: String(conversationId),
      latencyMs: Math.round(performance.now() - started),
    });
    sendJson(response, 200, { answer: completion.choices[0].message.content, eventId });
  },

  // Background work: no user initiated it, so it is the assistant's (actor `system`).
  'POST /api/jobs/digest': async (_request, response) => {
    const digest = await tracker
      .system('assistant')
      .time('flow.weekly_digest', () => callModel([{ role: 'user', content: 'digest' }]), {
        category: 'flow',
        source: 'background',
        model: 'gpt-4o-mini',
        provider: 'openai',
        tokens: { input: 900, output: 120 },
      });
    sendJson(response, 200, { digest: digest.choices[0].message.content });
  },

  // The endpoint the frontend's `<tally-usage-tab>` (or `fetchToken`) calls: an admin token for
  // admins, a member token (scoped by the server to the user's own data) for everyone else.
  'POST /api/tally-token': async (request, response) => {
    const user = signedInUser(request);
    if (user === undefined) return sendJson(response, 401, { error: 'sign in first' });
    const { token, expiresAt } = await mintReadToken(user.id, user.role);
    sendJson(response, 200, { token, expiresAt, endpoint: TALLY_BASE });
  },
};

// 4. One node:http server: /tally/* goes to Tally, everything else to the vendor's routes.
const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (path === TALLY_BASE || path.startsWith(`${TALLY_BASE}/`)) {
    return tallyListener(request, response);
  }
  const route = routes[`${request.method} ${path}`];
  if (route === undefined) return sendJson(response, 404, { error: 'not found' });
  Promise.resolve(route(request, response)).catch((error) => {
    console.error(error);
    if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
  });
});

server.listen(PORT, HOST, async () => {
  console.log(`acme-assistant on http://${HOST}:${PORT} (Tally API at ${TALLY_BASE})`);
  // The roster: who is licensed, so idle users still show on the leaderboard.
  await tally.handler(
    new Request(`http://${HOST}:${PORT}${TALLY_BASE}/v1/users`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        users: Object.entries(USERS).map(([id, { name, email }]) => ({ id, name, email })),
      }),
    }),
  );
});

// 5. Graceful shutdown: deliver what is queued, finish requests in flight, checkpoint, close.
let stopping = false;
async function stop(signal) {
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`${signal}: shutting down`);
  await tracker.shutdown({ timeoutMs: 2000 });
  const closed = new Promise((done) => server.close(done));
  server.closeIdleConnections();
  await tally.close();
  await closed;
  await store.close();
  console.log('stopped');
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
