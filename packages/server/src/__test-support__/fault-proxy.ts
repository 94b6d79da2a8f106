import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one request. */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: number }
  /** Cuts the connection before the server sees the request. */
  | { kind: 'reset-before' }
  /** Lets the server store the batch, then cuts the connection before the answer: a lost ack. */
  | { kind: 'drop-answer' };

/** A proxy in front of a server that misbehaves on purpose, one scripted fault per request. */
export interface FaultProxy {
  url: string;
  /** Faults for the next requests, in order; later requests pass through. */
  script(faults: Fault[]): void;
  /** Requests seen, and requests the server answered. */
  counts: { requests: number; forwarded: number };
  /** Scripted faults not yet used. */
  remaining(): number;
  close(): Promise<void>;
}

/** Starts a fault-injecting proxy on 127.0.0.1 in front of `target`. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  let faults: Fault[] = [];
  const counts = { requests: 0, forwarded: 0 };
  const forward = (
    incoming: IncomingMessage,
    body: Buffer,
  ): Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }> =>
    new Promise((resolve, reject) => {
      const outgoing = httpRequest(new URL(incoming.url ?? '/', target), {
        method: incoming.method,
        headers: { ...incoming.headers, host: new URL(target).host },
      });
      outgoing.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  const server = createServer(async (incoming: IncomingMessage, answer: ServerResponse) => {
    counts.requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const fault = faults.shift();
    if (fault?.kind === 'reset-before') return void answer.socket?.destroy();
    if (fault?.kind === 'status') {
      answer.writeHead(fault.status, {
        'content-type': 'application/json',
        ...(fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) }),
      });
      return void answer.end(
        JSON.stringify({ error: { code: 'scripted', message: `scripted ${fault.status}` } }),
      );
    }
    try {
      const response = await forward(incoming, Buffer.concat(chunks));
      counts.forwarded += 1;
      if (fault?.kind === 'drop-answer') return void answer.socket?.destroy();
      answer.writeHead(response.status, response.headers);
      answer.end(response.body);
    } catch {
      answer.socket?.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    script(next) {
      faults = [...next];
    },
    counts,
    remaining: () => faults.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
