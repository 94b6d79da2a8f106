import { expect } from '@open-wc/testing';
import { executeServerCommand, readFile } from '@web/test-runner-commands';
import { HttpSource } from '../data/http-source.js';
import { blocksOf } from '../usage-tab/__fixtures__/settle.js';
import { RecordingSource, type RecordedRequest } from './recording-source.js';

/** An event of the test server's analytics tenant, as it was ingested. */
export interface AnalyticsEvent {
  id: string;
  name: string;
  timestamp: number;
  userId?: string;
  actor: 'user' | 'system';
  agent?: string;
  model?: string;
  provider?: string;
  status?: 'ok' | 'error';
  tokens?: { input: number; output: number };
  costUsd?: number;
  value?: number;
}

/** What the plugin's `tally-analytics-server` command answers. */
export interface AnalyticsServer {
  url: string;
  adminToken: string;
  memberToken: string | null;
  events: AnalyticsEvent[];
  settings: { credits: { multipliers: Record<string, number> } };
}

const DAY = 86_400_000;

/** The test server's analytics tenant, with a member token for `member` when given. */
export function analyticsServer(member?: string): Promise<AnalyticsServer> {
  return executeServerCommand<AnalyticsServer, { member?: string }>(
    'tally-analytics-server',
    member === undefined ? {} : { member },
  );
}

/** A recording source over the server with `token`. */
export function recordingSource(server: AnalyticsServer, token: string): RecordingSource {
  return new RecordingSource(new HttpSource({ endpoint: server.url, token }));
}

/** The events of the `days` UTC calendar days ending today (a `${days}d` preset in UTC). */
export function inLastDays(events: readonly AnalyticsEvent[], days: number): AnalyticsEvent[] {
  const from = Math.floor(Date.now() / DAY) * DAY - (days - 1) * DAY;
  return events.filter((event) => event.timestamp >= from && event.timestamp <= Date.now());
}

/** Cost in USD of events, summed in whole cents so that no float error creeps in. */
export function costOf(events: readonly AnalyticsEvent[]): number {
  return events.reduce((cents, event) => cents + Math.round((event.costUsd ?? 0) * 100), 0) / 100;
}

/** Each event's credits under the tenant's rules: base 1 × the model's multiplier. */
export function creditsOf(server: AnalyticsServer, events: readonly AnalyticsEvent[]): number {
  const multipliers = server.settings.credits.multipliers;
  // Multipliers are halves at most, so doubling keeps the sum whole.
  const doubled = events.reduce(
    (sum, event) => sum + 2 * (event.model === undefined ? 1 : (multipliers[event.model] ?? 1)),
    0,
  );
  return doubled / 2;
}

/** Asserts that every data block of the page answered (`ready`, or `empty` when allowed). */
export function expectEveryBlockAnswered(page: Element, allowEmpty = false): void {
  const blocks = blocksOf(page) as unknown as (Element & {
    status: string;
    data: unknown;
    error: unknown;
    getAttribute(name: string): string | null;
  })[];
  expect(blocks.length, 'data blocks on the page').to.be.greaterThan(5);
  for (const block of blocks) {
    const label = `${block.localName} "${block.getAttribute('heading') ?? ''}"`;
    expect(block.error, label).to.equal(undefined);
    expect(block.status, label).to.be.oneOf(allowEmpty ? ['ready', 'empty'] : ['ready']);
    expect(block.data, label).to.not.equal(undefined);
  }
}

/** The distinct requests (view and parameters) among those recorded. */
export function distinctRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
  const seen = new Map<string, RecordedRequest>();
  for (const request of requests) seen.set(JSON.stringify(request), request);
  return [...seen.values()];
}

/** `POST /v1/query` with a request a page made, straight to the server; the status and answer. */
export async function postQuery(
  server: AnalyticsServer,
  token: string,
  request: RecordedRequest,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/v1/query`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ view: request.view, ...request.params }),
  });
  return { status: response.status, body: await response.json() };
}

/**
 * An answer with the server's clock readings (health's `now` and the windows measured back
 * from it) replaced by `'clock'`, so two answers a few milliseconds apart compare equal: they
 * are the only epoch times off whole seconds (the fixture's times are whole minutes, ranges
 * whole days).
 */
function withoutClock(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body), (_key, value: unknown) =>
    typeof value === 'number' && value > 1e12 && value % 1000 !== 0 ? 'clock' : value,
  );
}

/**
 * Replays every request a page made over `POST /v1/query`: each is answered (200) for the admin
 * token, and for a member token it is answered as the admin's answer narrowed to that member.
 */
export async function expectServerAnswersAsScoped(
  server: AnalyticsServer,
  member: AnalyticsServer,
  memberId: string,
  requests: readonly RecordedRequest[],
): Promise<void> {
  const distinct = distinctRequests(requests);
  let narrower = 0;
  for (const request of distinct) {
    const label = JSON.stringify(request);
    const admin = await postQuery(server, server.adminToken, request);
    expect(admin.status, label).to.equal(200);
    const narrowed = await postQuery(server, server.adminToken, {
      view: request.view,
      params: { ...request.params, filters: { ...request.params.filters, users: [memberId] } },
    });
    const scoped = await postQuery(member, member.memberToken ?? '', request);
    expect(scoped.status, label).to.equal(200);
    expect(withoutClock(scoped.body), label).to.deep.equal(withoutClock(narrowed.body));
    if (JSON.stringify(scoped.body) !== JSON.stringify(admin.body)) narrower += 1;
  }
  // A ratio (say, events per session) can come out equal for one user and for all; most cannot.
  expect(narrower, 'answers the member scope changed').to.be.at.least(distinct.length * 0.75);
}

/** From a page's test file (`packages/widgets/src/<page>/`) to the repository root. */
const ROOT = '../../../..';

/**
 * Asserts that the requests a page made are exactly those the server's conformance suite runs
 * on both engines for it (`packages/server/src/store/__fixtures__/page-requests.json`), apart
 * from range, zone and filters, which the suite draws at random.
 */
export async function expectConformanceCovers(
  page: 'agent-analytics' | 'credit-analytics',
  requests: readonly RecordedRequest[],
): Promise<void> {
  const text = await readFile({
    path: `${ROOT}/packages/server/src/store/__fixtures__/page-requests.json`,
  });
  const listed = (
    JSON.parse(text ?? '{}') as Record<
      string,
      { view: string; withRange: boolean; params: Record<string, unknown> }[]
    >
  )[page];
  const asked = requests.map(({ view, params }) => {
    const { range, tz: _tz, filters: _filters, ...rest } = params;
    return JSON.stringify({ view, withRange: range !== undefined, params: rest });
  });
  const covered = listed.map((request) => JSON.stringify(request));
  expect([...new Set(asked)].sort(), 'add new requests to page-requests.json').to.deep.equal(
    [...new Set(covered)].sort(),
  );
}
