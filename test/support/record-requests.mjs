// Preloaded into a Node process (`node --import <this file> script.mjs`): appends each request
// the process makes with `fetch` (method, URL, body) as one JSON line to the file named by
// TALLY_RECORD_REQUESTS, so a test knows what a script put on the wire.
import { appendFileSync } from 'node:fs';

const file = process.env.TALLY_RECORD_REQUESTS;
const fetchBefore = globalThis.fetch;

globalThis.fetch = async (input, init) => {
  const request = new Request(input, init);
  const body = request.body === null ? null : await request.clone().text();
  if (file) {
    const line = JSON.stringify({ method: request.method, url: request.url, body });
    appendFileSync(file, `${line}\n`);
  }
  return fetchBefore(request);
};
