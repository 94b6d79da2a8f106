// A pass-through HTTP proxy that can fail some routes, for tests of delivery during an outage.
// Unlike the browser's own request blocking, it also fails the keep-alive request a page sends as
// it unloads, because the fault is on the server's side of the wire.
import { createServer, request as httpRequest } from 'node:http';

/**
 * How the proxy treats the affected routes: `up` passes them through, `down` cuts the connection
 * before the server sees the request, `lose-answers` lets the server answer and then cuts the
 * connection before the answer reaches the client (the server did the work; the client cannot
 * know).
 *
 * @typedef {'up' | 'down' | 'lose-answers'} ProxyMode
 */

/**
 * Starts a proxy on 127.0.0.1 in front of `target`; `affected` picks the requests its mode
 * applies to, all others always pass.
 *
 * @param {string} target the origin to forward to
 * @param {(request: import('node:http').IncomingMessage) => boolean} affected
 */
export async function startOutageProxy(target, affected) {
  /** @type {ProxyMode} */
  let mode = 'up';
  const counts = { refused: 0, lost: 0 };
  const server = createServer((incoming, answer) => {
    const faulty = affected(incoming) ? mode : 'up';
    if (faulty === 'down') {
      counts.refused += 1;
      incoming.socket.destroy();
      return;
    }
    const outgoing = httpRequest(
      new URL(incoming.url ?? '/', target),
      { method: incoming.method, headers: { ...incoming.headers, host: new URL(target).host } },
      (response) => {
        if (faulty === 'lose-answers') {
          response.resume();
          response.once('end', () => {
            counts.lost += 1;
            answer.socket?.destroy();
          });
          return;
        }
        answer.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(answer);
      },
    );
    outgoing.once('error', () => answer.socket?.destroy());
    incoming.pipe(outgoing);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    /** @param {ProxyMode} value how the affected routes behave from now on */
    setMode(value) {
      mode = value;
    },
    /** Requests cut before the server saw them, and answers cut after it answered. */
    counts,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
