/**
 * A small test collector for the SDK's delivery tests: a real HTTP server on 127.0.0.1 that
 * speaks `POST /v1/batch` (DESIGN §7), stores events deduplicated by id, counts every copy it
 * received, and misbehaves on request (status codes, Retry-After, 413 above a batch size,
 * slow answers, per-event rejections). Until the real server exists, it is what the fault matrix
 * counts against.
 */
import { createServer } from 'node:http';

/**
 * @typedef {object} Fault One scripted answer, used for the next `times` batch requests.
 * @property {number} [status] HTTP status to answer with instead of accepting.
 * @property {number} [retryAfter] `Retry-After` seconds to send with it.
 * @property {number} [delayMs] Wait this long before handling the request.
 * @property {number} [times] How many requests this fault applies to. Default 1.
 */

/**
 * @typedef {object} CollectorStats
 * @property {number} requests Batch requests received (beacons included).
 * @property {number} beacons Requests authenticated by query (page-close beacons).
 * @property {number} received Events received, every copy counted.
 * @property {number} stored Distinct event ids stored.
 * @property {number} duplicates Copies of already-stored ids.
 * @property {number[]} batchSizes Events per request, in arrival order.
 * @property {number[]} statuses Status answered per request, in arrival order.
 * @property {number[]} times Arrival time (epoch ms) per request.
 * @property {{ id: string }[]} users Roster updates received.
 * Write keys are accepted when they start with the collector's `writeKey`, so each test can use
 * its own key (and so its own queue database and lock).
 */

/** Starts a collector on 127.0.0.1 (a free port unless `port` is given). */
export async function startCollector({ port = 0, writeKey = 'wk_test' } = {}) {
  /** @type {Map<string, object>} */
  let events = new Map();
  /** @type {Fault[]} */
  let faults = [];
  let maxBatch = Infinity;
  let rejectNames = new Set();
  let onlyKey;
  let stats = freshStats();

  function freshStats() {
    return {
      requests: 0,
      beacons: 0,
      received: 0,
      stored: 0,
      duplicates: 0,
      batchSizes: [],
      statuses: [],
      times: [],
      users: [],
    };
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    response.setHeader('access-control-allow-origin', request.headers.origin ?? '*');
    response.setHeader('access-control-allow-headers', 'authorization, content-type');
    response.setHeader('access-control-allow-methods', 'POST, OPTIONS');
    response.setHeader('access-control-expose-headers', 'retry-after');
    response.setHeader('access-control-max-age', '600');
    if (request.method === 'OPTIONS') return answer(response, 204);
    if (url.pathname !== '/v1/batch' || request.method !== 'POST') {
      return answer(response, 404, { error: { message: 'not found' } });
    }
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    const beacon = url.searchParams.has('writeKey');
    const key = beacon
      ? url.searchParams.get('writeKey')
      : (request.headers.authorization ?? '').replace(/^Bearer /, '');
    const stale = onlyKey && key !== onlyKey;
    const fault = stale ? undefined : nextFault();
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (onlyKey && key !== onlyKey)
      return answer(response, 410, { error: { message: 'stale key' } });
    stats.requests += 1;
    stats.times.push(Date.now());
    if (beacon) stats.beacons += 1;
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      return record(response, 400, { error: { message: 'body: must be JSON' } });
    }
    const batch = Array.isArray(body?.batch) ? body.batch : null;
    stats.batchSizes.push(batch?.length ?? 0);
    if (!key?.startsWith(writeKey))
      return record(response, 401, { error: { message: 'bad write key' } });
    if (fault?.status) {
      const headers =
        fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
      return record(
        response,
        fault.status,
        { error: { message: `scripted ${fault.status}` } },
        headers,
      );
    }
    if (!batch || typeof body.sentAt !== 'number') {
      return record(response, 400, { error: { message: 'batch and sentAt are required' } });
    }
    if (batch.length > maxBatch) {
      return record(response, 413, { error: { message: `at most ${maxBatch} events per batch` } });
    }
    if (Array.isArray(body.users)) stats.users.push(...body.users);
    const rejected = [];
    let accepted = 0;
    let duplicates = 0;
    batch.forEach((event, index) => {
      if (rejectNames.has(event?.name)) {
        rejected.push({
          index,
          errors: [{ path: 'name', reason: 'is refused by this collector' }],
        });
        return;
      }
      stats.received += 1;
      if (events.has(event.id)) {
        duplicates += 1;
        stats.duplicates += 1;
      } else {
        events.set(event.id, { ...event, receivedSentAt: body.sentAt, beacon });
        accepted += 1;
      }
    });
    stats.stored = events.size;
    return record(response, 200, { accepted, duplicates, rejected });
  });

  function nextFault() {
    const fault = faults[0];
    if (!fault) return undefined;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) faults.shift();
    return fault;
  }

  function record(response, status, body, headers = {}) {
    stats.statuses.push(status);
    answer(response, status, body, headers);
  }

  function answer(response, status, body, headers = {}) {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body === undefined ? '' : JSON.stringify(body));
  }

  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;

  return {
    /** The collector's base URL, the tracker's `endpoint`. */
    url,
    writeKey,
    /**
     * Forgets every event, fault and counter; with `key`, only requests with that write key are
     * counted from now on (others get 410), so stragglers of an earlier test do not interfere.
     */
    reset(key) {
      onlyKey = key;
      events = new Map();
      faults = [];
      maxBatch = Infinity;
      rejectNames = new Set();
      stats = freshStats();
    },
    /** Scripts the next answers. */
    setFaults(next) {
      faults = next.map((fault) => ({ ...fault }));
    },
    /** Answers 413 to batches of more than `size` events. */
    setMaxBatch(size) {
      maxBatch = size ?? Infinity;
    },
    /** Refuses (per event, in a 200 answer) events with these names. */
    setRejectNames(names) {
      rejectNames = new Set(names);
    },
    /** @returns {CollectorStats} */
    stats: () => structuredClone(stats),
    /** The stored events, first copy of each id. */
    events: () => [...events.values()],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      }),
  };
}
