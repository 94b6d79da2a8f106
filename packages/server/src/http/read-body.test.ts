import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TallyError } from '@tally/core';
import { readBody, readJsonBody } from './read-body.js';

/** A request whose body streams `chunks` chunks of `size` bytes, counting how many were pulled. */
function streamingRequest(chunks: number, size: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled === chunks) return controller.close();
        pulled += 1;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request('http://localhost/', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
  return { request, pulled: () => pulled };
}

const code = (expected: string) => (error: unknown) =>
  TallyError.isInstance(error) && error.code === expected;

describe('readBody', () => {
  it('reads a body within the limit', async () => {
    const { request } = streamingRequest(3, 100);
    assert.equal((await readBody(request, 1000)).byteLength, 300);
  });

  it('stops reading as soon as a streamed body passes the limit', async () => {
    const { request, pulled } = streamingRequest(10_000, 1024); // 10 MB on offer
    await assert.rejects(readBody(request, 64 * 1024), code('payload_too_large'));
    assert.ok(pulled() <= 66, `read ${pulled()} chunks of 1 KiB`);
  });

  it('refuses a declared Content-Length above the limit without reading', async () => {
    const { request, pulled } = streamingRequest(10, 10, {
      'content-length': String(10 * 1024 * 1024),
    });
    await assert.rejects(readBody(request, 1024), code('payload_too_large'));
    assert.equal(pulled(), 0);
  });
});

describe('readJsonBody', () => {
  const post = (body: string | Uint8Array, type = 'application/json') =>
    new Request('http://localhost/', { method: 'POST', body, headers: { 'content-type': type } });

  it('parses JSON sent as text/plain, as sendBeacon sends it', async () => {
    assert.deepEqual(await readJsonBody(post('{"a":1}', 'text/plain;charset=UTF-8'), 100), {
      a: 1,
    });
  });

  it('refuses malformed JSON, invalid UTF-8 and empty bodies as invalid_json', async () => {
    await assert.rejects(readJsonBody(post('{"a":'), 100), code('invalid_json'));
    await assert.rejects(
      readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d])), 100),
      code('invalid_json'),
    );
    await assert.rejects(readJsonBody(post(' '), 100), code('invalid_json'));
  });

  it('reads JSON whatever the declared media type, as curl -d sends it', async () => {
    const form = post('{"view":"stats"}', 'application/x-www-form-urlencoded');
    assert.deepEqual(await readJsonBody(form, 100), { view: 'stats' });
    await assert.rejects(
      readJsonBody(post('a=1', 'application/x-www-form-urlencoded'), 100),
      code('invalid_json'),
    );
  });
});
