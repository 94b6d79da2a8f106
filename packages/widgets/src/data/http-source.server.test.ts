import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { $$, textOf } from '../__test-support__/interact.js';
import '../leaderboard/leaderboard.js';
import type { TallyLeaderboard } from '../leaderboard/leaderboard.js';
import { HttpSource } from './http-source.js';

/** An event as the test server ingested it. */
interface IngestedEvent {
  id: string;
  name: string;
  timestamp: number;
  userId?: string;
  actor: 'user' | 'system';
  category: string;
}

/** What the `tally-server` command of the server plugin answers. */
interface ServerInfo {
  url: string;
  adminToken: string;
  memberToken: string | null;
  expiredToken: string;
  events: IngestedEvent[];
  roster: { id: string; name: string }[];
}

const RANGE = { range: { preset: '7d' as const } };

function serverInfo(member?: string): Promise<ServerInfo> {
  return executeServerCommand<ServerInfo, { member?: string }>(
    'tally-server',
    member === undefined ? {} : { member },
  );
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** The records of a CSV file without quoted commas or line breaks (the test events have none). */
function csvRecords(text: string): Record<string, string>[] {
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
  });
}

describe('HttpSource against the Tally server', () => {
  it('answers the leaderboard with totals equal to a count over the ingested events', async () => {
    const info = await serverInfo();
    const source = new HttpSource({ endpoint: info.url, token: info.adminToken });
    const board = await source.query('leaderboard', RANGE);
    const userEvents = info.events.filter((event) => event.actor === 'user');
    const perUser = countBy(userEvents, (event) => event.userId ?? '');
    expect(board.totals.total).to.equal(userEvents.length);
    expect(board.totals.activeUsers).to.equal(Object.keys(perUser).length);
    expect(board.totals.byCategory).to.deep.equal(countBy(userEvents, (event) => event.category));
    expect(board.totals.byName).to.deep.equal(countBy(userEvents, (event) => event.name));
    const ranked = board.rows.filter((row) => row.total > 0);
    expect(Object.fromEntries(ranked.map((row) => [row.userId, row.total]))).to.deep.equal(perUser);
    expect(board.rows.map((row) => row.userId)).to.deep.equal([
      'u-ada',
      'u-bo',
      'u-cy',
      'u-dee',
      'u-eve',
    ]);
    expect(board.rows.map((row) => row.rank)).to.deep.equal([1, 2, 2, 4, null]);
    expect(board.rows[0].name).to.equal('Ada Lovelace');
    expect(board.system?.total).to.equal(
      info.events.filter((event) => event.actor === 'system').length,
    );
  });

  it('shows a member only its own rows whatever filters it asks for', async () => {
    const info = await serverInfo('u-bo');
    const source = new HttpSource({ endpoint: info.url, token: info.memberToken ?? '' });
    const own = info.events.filter((event) => event.userId === 'u-bo');
    const asks = [
      {},
      { users: ['u-ada'] },
      { users: ['u-ada', 'u-bo', 'u-cy'] },
      { category: 'chat' },
      { search: 'Ada' },
      { actor: 'system' as const },
    ];
    for (const filters of asks) {
      const board = await source.query('leaderboard', { ...RANGE, filters });
      const label = JSON.stringify(filters);
      for (const row of board.rows) expect(row.userId, label).to.equal('u-bo');
      expect(board.system, label).to.equal(null);
    }
    const unfiltered = await source.query('leaderboard', RANGE);
    expect(unfiltered.rows.map((row) => [row.userId, row.total])).to.deep.equal([
      ['u-bo', own.length],
    ]);
    const chat = await source.query('leaderboard', { ...RANGE, filters: { category: 'chat' } });
    expect(chat.totals.total).to.equal(own.filter((event) => event.category === 'chat').length);
    const exported = await source.export(
      'events',
      { ...RANGE, filters: { users: ['u-ada'] } },
      'csv',
    );
    const records = csvRecords(await exported.text());
    for (const record of records) expect(record.userId).to.equal('u-bo');
  });

  it('fetches a new token after the server refuses an expired one and retries the query', async () => {
    const info = await serverInfo();
    const handed: string[] = [];
    const source = new HttpSource({
      endpoint: info.url,
      // The first token claims a long life, so it is sent and the server is the one to refuse it.
      fetchToken: () => {
        const token = handed.length === 0 ? info.expiredToken : info.adminToken;
        handed.push(token);
        return { token, expiresAt: Date.now() + 3_600_000 };
      },
    });
    const board = await source.query('leaderboard', RANGE);
    expect(handed).to.deep.equal([info.expiredToken, info.adminToken]);
    expect(board.totals.total).to.equal(
      info.events.filter((event) => event.actor === 'user').length,
    );
  });

  it('refuses an expired token when it cannot fetch another', async () => {
    const info = await serverInfo();
    const source = new HttpSource({ endpoint: info.url, token: info.expiredToken });
    let failure: unknown;
    try {
      await source.query('leaderboard', RANGE);
    } catch (error) {
      failure = error;
    }
    expect((failure as { code?: string } | undefined)?.code).to.equal('token_expired');
  });

  it('exports every matching event as CSV', async () => {
    const info = await serverInfo();
    const source = new HttpSource({ endpoint: info.url, token: info.adminToken });
    const all = csvRecords(await (await source.export('events', RANGE, 'csv')).text());
    expect(all.map((record) => record.id).sort()).to.deep.equal(
      info.events.map((event) => event.id).sort(),
    );
    const chat = csvRecords(
      await (
        await source.export('events', { ...RANGE, filters: { category: 'chat' } }, 'csv')
      ).text(),
    );
    expect(chat.map((record) => record.id).sort()).to.deep.equal(
      info.events
        .filter((event) => event.category === 'chat')
        .map((event) => event.id)
        .sort(),
    );
  });
});

describe('<tally-leaderboard> on the Tally server', () => {
  it('renders the users from the server given endpoint and token attributes', async () => {
    const info = await serverInfo();
    const board = await fixture<TallyLeaderboard>(html`
      <tally-leaderboard endpoint=${info.url} token=${info.adminToken}></tally-leaderboard>
    `);
    await board.loadComplete;
    const rows = $$(board, '.rows [role="row"][data-user]').map((row) => ({
      user: row.dataset.user,
      name: textOf(row.querySelector('.name') as Element),
      total: textOf(row.querySelector('.total') as Element),
    }));
    expect(rows).to.deep.equal([
      { user: 'u-ada', name: 'Ada Lovelace', total: '5' },
      { user: 'u-bo', name: 'Bo Diddley', total: '3' },
      { user: 'u-cy', name: 'Cy Young', total: '3' },
      { user: 'u-dee', name: 'Dee Dee Ramone', total: '1' },
      { user: 'u-eve', name: 'Eve Idle', total: '0' },
    ]);
  });
});
