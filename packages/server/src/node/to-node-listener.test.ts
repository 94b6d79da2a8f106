import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { describe, it } from 'node:test';
import { listen } from './listen.js';

describe('the node:http adapter', () => {
  it('passes method, path, headers, body and the peer address to the handler', async () => {
    const server = await listen(
      async (incoming, info) => {
        const body = await incoming.text();
        return Response.json({
          method: incoming.method,
          path: new URL(incoming.url).pathname + new URL(incoming.url).search,
          header: incoming.headers.get('x-test'),
          body,
          remote: info?.remoteAddress,
        });
      },
      { port: 0 },
    );
    try {
      const answer = await fetch(`${server.url}/v1/x?a=1`, {
        method: 'PUT',
        body: 'hello',
        headers: { 'x-test': 'yes' },
      });
      assert.deepEqual(await answer.json(), {
        method: 'PUT',
        path: '/v1/x?a=1',
        header: 'yes',
        body: 'hello',
        remote: '127.0.0.1',
      });
    } finally {
      await server.close();
    }
  });

  it('drains a body the handler did not read, so the keep-alive connection serves the next request', async () => {
    const server = await listen(async () => new Response('refused', { status: 401 }), { port: 0 });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = () =>
      new Promise<number>((resolve, reject) => {
        const outgoing = request(
          `${server.url}/v1/batch`,
          { method: 'POST', agent },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        outgoing.on('error', reject);
        outgoing.end(Buffer.alloc(512 * 1024, 0x20));
      });
    try {
      const statuses = [];
      for (let index = 0; index < 3; index += 1) statuses.push(await post());
      assert.deepEqual(statuses, [401, 401, 401]);
    } finally {
      agent.destroy();
      await server.close();
    }
  });

  it('answers HEAD without a body', async () => {
    const server = await listen(
      async () => new Response('payload', { headers: { 'x-kind': 'test' } }),
      { port: 0 },
    );
    try {
      const answer = await fetch(`${server.url}/healthz`, { method: 'HEAD' });
      assert.equal(answer.headers.get('x-kind'), 'test');
      assert.equal(await answer.text(), '');
    } finally {
      await server.close();
    }
  });

  it('stops a streamed answer when the client goes away, and keeps serving', async () => {
    let cancelled!: () => void;
    const wasCancelled = new Promise<void>((resolve) => (cancelled = resolve));
    const server = await listen(
      async (incoming) => {
        if (new URL(incoming.url).pathname === '/ok') return new Response('ok');
        let count = 0;
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            await new Promise((resolve) => setTimeout(resolve, 5));
            controller.enqueue(new TextEncoder().encode(`chunk ${count++}\n`));
          },
          cancel: () => cancelled(),
        });
        return new Response(body);
      },
      { port: 0 },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        const outgoing = request(`${server.url}/stream`, (response) => {
          response.once('data', () => {
            outgoing.destroy();
            resolve();
          });
        });
        outgoing.on('error', () => {});
        outgoing.on('close', resolve);
        outgoing.end();
        setTimeout(() => reject(new Error('no data')), 5000);
      });
      await wasCancelled;
      assert.equal(await (await fetch(`${server.url}/ok`)).text(), 'ok');
    } finally {
      await server.close();
    }
  });
});
