import { RequestError, requestError } from './request-error.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a request body of at most `limit` bytes. A declared `Content-Length` above the limit is
 * refused before reading anything, and a body without one is counted while it streams in and
 * refused as soon as it passes the limit, so a 10 MB upload costs at most `limit` bytes of
 * memory. Throws `payload_too_large` (413).
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit, Number(declared));
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop the upload: nothing more of it is read or kept.
      reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Reads a request body as JSON within `limit` bytes, whatever its declared media type:
 * `sendBeacon` sends `text/plain` and `curl -d` sends a form type, and the body is JSON either
 * way. Throws `invalid_json` (400) for a body that is not UTF-8 JSON.
 */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const bytes = await readBody(request, limit);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw requestError('invalid_json', 'body', 'must be UTF-8 text');
  }
  if (text.trim() === '') throw requestError('invalid_json', 'body', 'must not be empty');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw requestError('invalid_json', 'body', `must be valid JSON (${reason.slice(0, 120)})`);
  }
}

function tooLarge(limit: number, declared?: number): RequestError {
  const got = declared === undefined ? `more than ${limit} bytes` : `${declared} bytes`;
  return requestError('payload_too_large', 'body', `must be at most ${limit} bytes (got ${got})`, {
    connection: 'close',
  });
}
