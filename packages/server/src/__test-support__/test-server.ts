import { createTallyServer, type TallyServerOptions } from '../create-tally-server.js';
import { listen } from '../node/listen.js';
import { MemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/types.js';
import { testConfig } from './test-config.js';

/** A Tally server on 127.0.0.1 for a test, and helpers to call it. */
export interface TestServer {
  url: string;
  store: Store;
  /** A JSON request with a bearer credential; resolves with the status, headers and parsed body. */
  call(
    method: string,
    path: string,
    options?: { credential?: string; body?: unknown; headers?: Record<string, string> },
    // Answers are arbitrary JSON that each test reads in its own way.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

/** Starts a server over `store` (a fresh memory store by default) with the test config. */
export async function startTestServer(
  options: Partial<TallyServerOptions> = {},
): Promise<TestServer> {
  const store = options.store ?? new MemoryStore();
  const tally = createTallyServer({
    config: testConfig(),
    onError: () => {},
    ...options,
    store,
  });
  const server = await listen(tally, { port: 0, host: '127.0.0.1' });
  return {
    url: server.url,
    store,
    async call(method, path, { credential, body, headers = {} } = {}) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          ...(credential === undefined ? {} : { authorization: `Bearer ${credential}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined
          ? {}
          : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON (an export): the text itself.
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    async close() {
      await server.close();
      await store.close();
    },
  };
}

/** A valid wire event with a fresh id. */
export function wireEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `e-${Math.random().toString(36).slice(2)}`,
    name: 'chat.completion',
    timestamp: Date.now() - 60_000,
    userId: 'u1',
    category: 'chat',
    model: 'gpt-4o',
    provider: 'openai',
    tokens: { input: 1000, output: 200 },
    ...overrides,
  };
}
