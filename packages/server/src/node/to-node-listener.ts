import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestInfo } from '../routes/server-state.js';

/** A fetch-style handler, such as `TallyServer.handler`. */
export type FetchHandler = (request: Request, info?: RequestInfo) => Promise<Response>;

/** Methods whose requests carry no body. */
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Adapts a fetch-style handler to `node:http`: the request body streams into the `Request`
 * (so body limits apply while reading, not after), and the `Response` body streams out with
 * back-pressure. The socket's address is passed as `info.remoteAddress`.
 *
 * @example
 * ```ts
 * http.createServer(toNodeListener(tally.handler)).listen(8787);
 * ```
 */
export function toNodeListener(
  handler: FetchHandler,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (incoming, outgoing) => {
    serve(handler, incoming, outgoing).catch((error: unknown) => {
      // The handler answers its own errors; this is a failure while writing the answer.
      if (!outgoing.headersSent) {
        outgoing.statusCode = 500;
        outgoing.end();
      } else {
        outgoing.destroy(error instanceof Error ? error : undefined);
      }
    });
  };
}

async function serve(
  handler: FetchHandler,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  const request = toRequest(incoming);
  if (request === undefined) {
    outgoing.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
    outgoing.end(
      '{"error":{"code":"invalid_request","field":null,"message":"malformed request","issues":[]}}',
    );
    return;
  }
  const response = await handler(request, { remoteAddress: incoming.socket.remoteAddress });
  // Whatever of the body the handler left unread (a refused upload) is drained and dropped, so
  // that the answer reaches the client and a keep-alive connection can take the next request.
  if (!incoming.complete) {
    incoming.removeAllListeners('data');
    incoming.resume();
  }
  await writeResponse(response, outgoing, incoming.method === 'HEAD');
}

function toRequest(incoming: IncomingMessage): Request | undefined {
  try {
    const headers = new Headers();
    const raw = incoming.rawHeaders;
    for (let index = 0; index + 1 < raw.length; index += 2)
      headers.append(raw[index], raw[index + 1]);
    const path = incoming.url ?? '/';
    const url = new URL(path.startsWith('/') ? path : `/${path}`, 'http://localhost');
    const method = incoming.method ?? 'GET';
    return new Request(url, {
      method,
      headers,
      ...(BODYLESS.has(method) ? {} : { body: bodyOf(incoming), duplex: 'half' }),
    } as RequestInit);
  } catch {
    return undefined;
  }
}

/** The request body as a web stream that pauses the socket when the reader falls behind. */
function bodyOf(incoming: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        incoming.on('data', (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
        });
        incoming.on('end', () => controller.close());
        incoming.on('error', (error) => controller.error(error));
      },
      pull() {
        incoming.resume();
      },
      cancel() {
        // Refused mid-upload: keep draining so the answer reaches the client, keep nothing.
        incoming.removeAllListeners('data');
        incoming.resume();
      },
    },
    { highWaterMark: 4 },
  );
}

async function writeResponse(
  response: Response,
  outgoing: ServerResponse,
  head: boolean,
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  outgoing.writeHead(response.status, headers);
  if (response.body === null || head) {
    outgoing.end();
    await response.body?.cancel();
    return;
  }
  const reader = response.body.getReader();
  let closed = false;
  const onClose = () => {
    closed = true;
    reader.cancel().catch(() => {});
  };
  outgoing.once('close', onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || closed) break;
      if (!outgoing.write(value)) {
        await new Promise<void>((resolve) => {
          const resume = () => {
            outgoing.off('drain', resume);
            outgoing.off('close', resume);
            resolve();
          };
          outgoing.on('drain', resume);
          outgoing.on('close', resume);
        });
      }
    }
  } finally {
    outgoing.off('close', onClose);
  }
  if (!closed) outgoing.end();
}
