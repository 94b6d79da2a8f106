import { expect } from '@open-wc/testing';
import { usageSource } from '../__test-support__/usage-data.js';
import type { LocalSource } from './local-source.js';
import { exportSearchParams, HttpSource } from './http-source.js';

interface Served {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
  authorization: string | null;
}

/**
 * A stand-in for the Tally server: answers `/v1/query` and `/v1/export` from a local source,
 * accepts only the tokens in `valid`, and can hold answers until `release()`.
 */
function fakeServer(local: LocalSource, valid: Set<string>) {
  const served: Served[] = [];
  let gate: Promise<void> | undefined;
  let open = () => undefined as void;
  const aborted: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.json() : undefined;
    const entry = {
      method: request.method,
      path: url.pathname,
      search: url.searchParams,
      body,
      authorization: request.headers.get('authorization'),
    };
    served.push(entry);
    if (gate !== undefined) {
      await new Promise<void>((resolve, reject) => {
        gate?.then(resolve);
        const cancel = () => {
          aborted.push(JSON.stringify(body));
          reject(new DOMException('aborted', 'AbortError'));
        };
        if (request.signal.aborted) cancel();
        else request.signal.addEventListener('abort', cancel);
      });
    }
    const token = entry.authorization?.replace('Bearer ', '') ?? '';
    if (!valid.has(token)) {
      return Response.json(
        {
          error: {
            code: 'token_expired',
            field: null,
            message: 'the read token has expired',
            issues: [],
          },
        },
        { status: 401 },
      );
    }
    if (url.pathname === '/v1/query') {
      const { view, ...params } = body as { view: 'leaderboard' };
      try {
        return Response.json(await local.query(view, params));
      } catch (error) {
        return Response.json(
          {
            error: {
              code: 'invalid_query',
              field: 'x',
              message: (error as Error).message,
              issues: [],
            },
          },
          { status: 400 },
        );
      }
    }
    if (url.pathname === '/v1/export') {
      const range = url.searchParams.get('range');
      const blob = await local.export(
        url.searchParams.get('view') as 'requests',
        {
          ...(range === null ? {} : { range: { preset: range as '30d' } }),
          tz: url.searchParams.get('tz') ?? undefined,
        },
        url.searchParams.get('format') as 'csv',
      );
      return new Response(blob, { headers: { 'content-type': 'text/csv' } });
    }
    return new Response('not found', { status: 404 });
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    served,
    aborted,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      open();
      gate = undefined;
    },
  };
}

/** A JWT-shaped token (unsigned: only its `exp` is read). */
function jwt(name: string, expSeconds: number): string {
  const part = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'none' })}.${part({ sub: name, exp: expSeconds })}.sig`;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('HttpSource', () => {
  it('answers a view exactly as the local source does, with the bearer token', async () => {
    const local = usageSource();
    const server = fakeServer(local, new Set(['rt_1']));
    const source = new HttpSource({
      endpoint: 'https://tally.test/',
      token: 'rt_1',
      fetch: server.fetch,
    });
    const params = { range: { preset: '30d' as const }, tz: 'UTC', filters: { search: 'a' } };
    const remote = await source.query('leaderboard', params);
    expect(remote).to.deep.equal(
      JSON.parse(JSON.stringify(await local.query('leaderboard', params))),
    );
    expect(server.served[0]).to.include({
      method: 'POST',
      path: '/v1/query',
      authorization: 'Bearer rt_1',
    });
    expect(server.served[0].body).to.deep.equal({ view: 'leaderboard', ...params });
  });

  it('asks fetchToken for a new token after a 401 and retries once', async () => {
    const valid = new Set(['fresh']);
    const server = fakeServer(usageSource(), valid);
    const handed = ['stale', 'fresh'];
    let asked = 0;
    const source = new HttpSource({
      endpoint: 'https://tally.test',
      fetchToken: async () => handed[asked++],
      fetch: server.fetch,
    });
    const board = await source.query('leaderboard', { tz: 'UTC' });
    expect(board.rows.length).to.be.above(0);
    expect(asked).to.equal(2);
    expect(server.served.map((entry) => entry.authorization)).to.deep.equal([
      'Bearer stale',
      'Bearer fresh',
    ]);
  });

  it('gives up with the server message when the new token is refused too', async () => {
    const server = fakeServer(usageSource(), new Set());
    let asked = 0;
    const source = new HttpSource({
      endpoint: 'https://tally.test',
      fetchToken: () => `t${asked++}`,
      fetch: server.fetch,
    });
    let caught: unknown;
    try {
      await source.query('stats', {});
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).message).to.equal('the read token has expired');
    expect((caught as { code: string }).code).to.equal('token_expired');
    expect(asked).to.equal(2);
  });

  it('fetches a new token before the current one expires', async () => {
    const soon = jwt('a', Math.floor(Date.now() / 1000) + 10);
    const later = jwt('b', Math.floor(Date.now() / 1000) + 3600);
    const server = fakeServer(usageSource(), new Set([soon, later]));
    const handed = [soon, later];
    let asked = 0;
    const source = new HttpSource({
      endpoint: 'https://tally.test',
      fetchToken: () => handed[asked++],
      fetch: server.fetch,
    });
    await source.query('stats', {});
    await source.query('stats', { range: { preset: '7d' } });
    await source.query('stats', { range: { preset: '90d' } });
    // The first token expires within the safety margin, so each call after it asks again once.
    expect(asked).to.equal(2);
    expect(server.served.map((entry) => entry.authorization)).to.deep.equal([
      `Bearer ${soon}`,
      `Bearer ${later}`,
      `Bearer ${later}`,
    ]);
  });

  it('sends identical queries in flight once', async () => {
    const server = fakeServer(usageSource(), new Set(['t']));
    const source = new HttpSource({
      endpoint: 'https://tally.test',
      token: 't',
      fetch: server.fetch,
    });
    server.hold();
    const params = { range: { preset: '30d' as const }, tz: 'UTC' };
    const answers = [
      source.query('stats', params),
      source.query('stats', { tz: 'UTC', range: { preset: '30d' } }),
      source.query('timeline', params),
    ];
    await tick();
    server.release();
    const [first, second] = await Promise.all(answers);
    expect(server.served.map((entry) => (entry.body as { view: string }).view)).to.deep.equal([
      'stats',
      'timeline',
    ]);
    expect(first).to.equal(second);
  });

  it('keeps a shared request alive until every caller has cancelled', async () => {
    const server = fakeServer(usageSource(), new Set(['t']));
    const source = new HttpSource({
      endpoint: 'https://tally.test',
      token: 't',
      fetch: server.fetch,
    });
    server.hold();
    const one = new AbortController();
    const two = new AbortController();
    const first = source
      .query('stats', { tz: 'UTC' }, { signal: one.signal })
      .catch((error: Error) => error.name);
    const second = source
      .query('stats', { tz: 'UTC' }, { signal: two.signal })
      .catch((error: Error) => error.name);
    await tick();
    one.abort();
    expect(await first).to.equal('AbortError');
    await tick();
    expect(server.aborted).to.have.length(0);
    two.abort();
    expect(await second).to.equal('AbortError');
    await tick();
    expect(server.aborted).to.have.length(1);
    server.release();
  });

  it('cancels the queries of the old range when a new range is asked for', async () => {
    const server = fakeServer(usageSource(), new Set(['t']));
    const source = new HttpSource({
      endpoint: 'https://tally.test',
      token: 't',
      fetch: server.fetch,
    });
    server.hold();
    const old = source
      .query('stats', { range: { preset: '30d' }, tz: 'UTC' })
      .catch((error: Error) => error.name);
    await tick();
    const current = source.query('stats', { range: { preset: '90d' }, tz: 'UTC' });
    expect(await old).to.equal('AbortError');
    server.release();
    expect((await current).range.preset).to.equal('90d');
  });

  it('asks again for a cancelled range without cancelling the newer range in turn', async () => {
    const server = fakeServer(usageSource(), new Set(['t']));
    const source = new HttpSource({
      endpoint: 'https://tally.test',
      token: 't',
      fetch: server.fetch,
    });
    server.hold();
    const old = source
      .query('stats', { range: { preset: '30d' }, tz: 'UTC' })
      .catch((error: Error) => error.name);
    await tick();
    const current = source.query('stats', { range: { preset: '7d' }, tz: 'UTC' });
    expect(await old).to.equal('AbortError');
    await tick();
    // A block with its own 30-day range still wants its answer and asks again.
    const again = source.query('stats', { range: { preset: '30d' }, tz: 'UTC' });
    await tick();
    server.release();
    expect((await again).range.preset).to.equal('30d');
    expect((await current).range.preset).to.equal('7d');
    expect(
      server.aborted.map(
        (body) => (JSON.parse(body) as { range: { preset: string } }).range.preset,
      ),
    ).to.deep.equal(['30d']);
  });

  it('neither cancels nor is cancelled by a range when it asks for none (a budget period)', async () => {
    const server = fakeServer(usageSource(), new Set(['t']));
    const source = new HttpSource({
      endpoint: 'https://tally.test',
      token: 't',
      fetch: server.fetch,
    });
    server.hold();
    const before = source.query('stats', { range: { preset: '30d' }, tz: 'UTC' });
    await tick();
    const budget = source.query('budget', { tz: 'UTC', measure: 'credits', limit: 100 });
    await tick();
    const after = source.query('stats', { range: { preset: '7d' }, tz: 'UTC' });
    const old = before.catch((error: Error) => error.name);
    expect(await old).to.equal('AbortError');
    server.release();
    expect((await budget).limit).to.equal(100);
    expect((await after).range.preset).to.equal('7d');
    expect(server.aborted.map((body) => (JSON.parse(body) as { view: string }).view)).to.deep.equal(
      ['stats'],
    );
  });

  it('exports from GET /v1/export with the range, filters and sort in the query string', async () => {
    const local = usageSource();
    const server = fakeServer(local, new Set(['t']));
    const source = new HttpSource({
      endpoint: 'https://tally.test',
      token: 't',
      fetch: server.fetch,
    });
    const blob = await source.export('requests', { range: { preset: '30d' }, tz: 'UTC' }, 'csv');
    expect(await blob.text()).to.equal(
      await (await local.export('requests', { range: { preset: '30d' }, tz: 'UTC' }, 'csv')).text(),
    );
    const search = exportSearchParams(
      'per-user-table',
      {
        range: { from: '2026-03-01', to: '2026-03-31' },
        tz: 'Europe/Paris',
        filters: { category: ['chat', 'flow'], search: 'ada', users: ['u1'] },
        sort: [{ column: 'count', direction: 'desc' }],
        columns: 'name',
        key: 'chat.message',
        bom: true,
      },
      'csv',
    );
    expect(search.toString()).to.equal(
      'view=per-user-table&format=csv&from=2026-03-01&to=2026-03-31&tz=Europe%2FParis&category=chat&category=flow&search=ada&users=u1&sort=count%3Adesc&columns=name&key=chat.message&bom=1',
    );
  });

  it('retries a failed answer from the server before giving up', async () => {
    const local = usageSource();
    let calls = 0;
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls += 1;
      if (calls === 1) return new Response('busy', { status: 503 });
      const request = new Request(input, init);
      const { view, ...params } = (await request.json()) as { view: 'stats' };
      return Response.json(await local.query(view, params));
    }) as typeof globalThis.fetch;
    const source = new HttpSource({
      endpoint: 'https://tally.test',
      token: 't',
      fetch,
      retries: 1,
    });
    const stats = await source.query('stats', { tz: 'UTC' });
    expect(calls).to.equal(2);
    expect(stats.stats.requests?.value).to.be.above(0);
  });

  it('refuses to start without an endpoint', () => {
    expect(() => new HttpSource({ endpoint: '' })).to.throw('options.endpoint');
  });
});
