/** A minimal keep-alive HTTP client for load: pre-serialised bodies, status and JSON back. */
import { Agent, request } from 'node:http';

/** Returns `post(path, body, headers)` over a keep-alive agent with `sockets` connections. */
export function createClient(base, sockets) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const post = (path, body, headers = {}) =>
    new Promise((resolve, reject) => {
      const outgoing = request(new URL(path, base), {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      });
      outgoing.on('response', (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }),
        );
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  return { post, close: () => agent.destroy() };
}
