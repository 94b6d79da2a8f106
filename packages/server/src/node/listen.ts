import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener, type FetchHandler } from './to-node-listener.js';

/** Options of {@link listen}. */
export interface ListenOptions {
  /** @default 8787 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

/** A listening server. */
export interface Listening {
  /** The base URL, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  server: Server;
  /**
   * Stops gracefully: stops accepting connections, closes idle keep-alive ones, lets requests in
   * flight finish, then closes the app (`TallyServer.close`: checkpoint).
   */
  close(): Promise<void>;
}

/**
 * Serves a Tally server (or any fetch-style handler) with `node:http`.
 *
 * @example
 * ```ts
 * const { url, close } = await listen(tally, { port: 8787 });
 * process.on('SIGTERM', () => close());
 * ```
 */
export async function listen(
  app: FetchHandler | { handler: FetchHandler; close?: () => Promise<void> },
  options: ListenOptions = {},
): Promise<Listening> {
  const { port = 8787, host = '127.0.0.1' } = options;
  const handler = typeof app === 'function' ? app : app.handler;
  const server = createServer(toNodeListener(handler));
  // Slow or stalled clients must not hold sockets (and a shutdown) forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    server,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // The app answers new requests on open connections with 503 + `Connection: close` and
        // waits for the ones in flight.
        if (typeof app !== 'function') await app.close?.();
        // Connections that finished their last request since are idle now; close them as
        // they become so until the server has stopped.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        server.closeIdleConnections();
        await stopped;
        clearInterval(sweep);
      })();
      return closing;
    },
  };
}
