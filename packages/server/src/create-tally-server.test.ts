import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoredEvent } from '@tally/core';
import { KEYS, testConfig } from './__test-support__/test-config.js';
import { startTestServer, wireEvent } from './__test-support__/test-server.js';
import { createTallyServer } from './create-tally-server.js';
import { MemoryStore } from './store/memory-store.js';

/** A memory store whose writes wait until released, and which records checkpoints. */
class SlowStore extends MemoryStore {
  checkpoints = 0;
  readonly writing: Promise<void>;
  private started: () => void = () => {};
  private release: (() => void) | undefined;

  constructor() {
    super();
    this.writing = new Promise<void>((resolve) => (this.started = resolve));
  }

  override async insertEvents(tenant: string, events: readonly StoredEvent[]) {
    this.started();
    await new Promise<void>((resolve) => (this.release = resolve));
    return super.insertEvents(tenant, events);
  }

  finishWrite(): void {
    this.release?.();
  }

  override async checkpoint(): Promise<void> {
    this.checkpoints += 1;
  }
}

describe('createTallyServer', () => {
  it('finishes a batch in flight before closing, then checkpoints, and refuses new requests', async () => {
    const store = new SlowStore();
    const tally = createTallyServer({ store, config: testConfig() });
    const request = (body: unknown) =>
      new Request('http://localhost/v1/batch', {
        method: 'POST',
        headers: { authorization: `Bearer ${KEYS.acme.write}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const inFlight = tally.handler(request({ batch: [wireEvent({ id: 'slow' })] }));
    await store.writing;
    let closed = false;
    const closing = tally.close().then(() => (closed = true));
    const refused = await tally.handler(request({ batch: [wireEvent()] }));
    assert.equal(refused.status, 503);
    assert.equal(closed, false);
    store.finishWrite();
    const answer = await inFlight;
    assert.equal(answer.status, 200);
    assert.equal(((await answer.json()) as { accepted: number }).accepted, 1);
    await closing;
    assert.equal(store.checkpoints, 1);
  });

  it('answers 404 for unknown paths and 405 with Allow for wrong methods', async () => {
    const server = await startTestServer();
    try {
      assert.equal((await server.call('GET', '/v2/batch')).status, 404);
      const wrong = await server.call('GET', '/v1/batch');
      assert.equal(wrong.status, 405);
      assert.equal(wrong.headers.get('allow'), 'POST');
      assert.deepEqual((await server.call('GET', '/healthz')).body, { status: 'ok' });
    } finally {
      await server.close();
    }
  });

  it('serves below a base path when mounted in a larger app', async () => {
    const tally = createTallyServer({
      store: new MemoryStore(),
      config: testConfig(),
      basePath: '/tally/',
    });
    assert.equal((await tally.handler(new Request('http://localhost/tally/healthz'))).status, 200);
    assert.equal((await tally.handler(new Request('http://localhost/healthz'))).status, 404);
  });

  it('answers a server fault with a generic 500 and reports it', async () => {
    const store = new MemoryStore();
    store.insertEvents = async () => {
      throw new Error('disk on fire at /var/lib/secret');
    };
    const reported: unknown[] = [];
    const tally = createTallyServer({
      store,
      config: testConfig(),
      onError: (error) => reported.push(error),
    });
    const answer = await tally.handler(
      new Request('http://localhost/v1/batch', {
        method: 'POST',
        headers: { authorization: `Bearer ${KEYS.acme.write}` },
        body: JSON.stringify({ batch: [wireEvent()] }),
      }),
    );
    assert.equal(answer.status, 500);
    const text = await answer.text();
    assert.doesNotMatch(text, /disk on fire/);
    assert.equal(JSON.parse(text).error.code, 'internal');
    assert.equal(reported.length, 1);
  });

  it('refuses an invalid config naming the field', () => {
    assert.throws(
      () =>
        createTallyServer({
          store: new MemoryStore(),
          config: { ...testConfig(), tokens: { secret: 'short' } },
        }),
      /tokens\.secret/,
    );
  });
});

describe('CORS', () => {
  it('answers a preflight from an allowed origin and refuses others', async () => {
    const server = await startTestServer();
    try {
      const preflight = (origin: string, method = 'POST') =>
        fetch(`${server.url}/v1/batch`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': method,
            'access-control-request-headers': 'authorization, content-type',
          },
        });
      const allowed = await preflight('https://app.example.com');
      assert.equal(allowed.status, 204);
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://app.example.com');
      assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /authorization/);
      assert.equal((await preflight('https://evil.example')).status, 403);
      assert.equal((await preflight('https://app.example.com', 'DELETE')).status, 405);
    } finally {
      await server.close();
    }
  });

  it('lets an allowed origin read answers, errors included, and exposes Retry-After', async () => {
    const server = await startTestServer();
    try {
      const allowed = await server.call('POST', '/v1/batch', {
        credential: KEYS.acme.write,
        body: { batch: [] },
        headers: { origin: 'https://app.example.com' },
      });
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://app.example.com');
      assert.match(allowed.headers.get('access-control-expose-headers') ?? '', /retry-after/);
      const failed = await server.call('POST', '/v1/batch', {
        credential: 'bad-key-0000000000',
        body: { batch: [] },
        headers: { origin: 'https://app.example.com' },
      });
      assert.equal(failed.status, 401);
      assert.equal(failed.headers.get('access-control-allow-origin'), 'https://app.example.com');
      const other = await server.call('POST', '/v1/batch', {
        credential: KEYS.acme.write,
        body: { batch: [] },
        headers: { origin: 'https://evil.example' },
      });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    } finally {
      await server.close();
    }
  });
});
