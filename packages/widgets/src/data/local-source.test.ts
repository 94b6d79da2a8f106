import {
  csvChunks,
  eventRows,
  type ExportColumn,
  type EventTableCell,
  ColumnarEngine,
  createEnricher,
  validateEvent,
  type StoredEvent,
} from '@tally/core';
import { expect } from '@open-wc/testing';
import { LocalSource } from './local-source.js';
import { sdkDatabaseName } from './sdk-queue.js';
import {
  countBy,
  NOW,
  ROSTER,
  SETTINGS,
  usageEvents,
  usageSource,
  userEventsInLast,
} from '../__test-support__/usage-data.js';

describe('LocalSource', () => {
  it('ranks users by the events attributed to them in the range', async () => {
    const board = await usageSource().query('leaderboard', { range: { preset: '30d' }, tz: 'UTC' });
    const expected = countBy(userEventsInLast(30), (event) => event.userId);
    const ranked = board.rows.filter((row) => row.total > 0);
    expect(ranked.map((row) => [row.userId, row.total])).to.deep.equal(
      [...expected].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    );
    expect(board.rows.at(-1)?.userId).to.equal('u5');
    expect(board.system?.total).to.equal(3);
  });

  it('refuses a parameter the view does not take, as the server does', async () => {
    let caught: unknown;
    try {
      await usageSource().query('leaderboard', { dimension: 'model' });
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).message).to.contain('dimension');
  });

  it('reports invalid events instead of storing them', () => {
    const source = new LocalSource({ now: () => NOW });
    const result = source.append([
      { id: 'ok1', name: 'chat.message', timestamp: NOW },
      { id: 'bad', name: 'chat.message', timestamp: NOW, tokens: { input: -3 } },
    ]);
    expect(result.accepted).to.equal(1);
    expect(result.rejected.map((item) => item.index)).to.deep.equal([1]);
    expect(result.rejected[0].errors[0].path).to.equal('tokens.input');
    expect(source.engine.size).to.equal(1);
  });

  it('rejects with an AbortError when the request is cancelled', async () => {
    const controller = new AbortController();
    const answer = usageSource().query('stats', {}, { signal: controller.signal });
    controller.abort();
    let caught: unknown;
    try {
      await answer;
    } catch (error) {
      caught = error;
    }
    expect((caught as DOMException).name).to.equal('AbortError');
  });

  it('answers identical queries asked at once with one run', async () => {
    const source = usageSource();
    const params = { range: { preset: '30d' as const }, tz: 'UTC' };
    const [first, second, other] = await Promise.all([
      source.query('leaderboard', params),
      source.query('leaderboard', { tz: 'UTC', range: { preset: '30d' } }),
      source.query('leaderboard', { ...params, range: { preset: '7d' } }),
    ]);
    expect(first).to.equal(second);
    expect(other).not.to.equal(first);
    const later = await source.query('leaderboard', params);
    expect(later).not.to.equal(first);
    expect(later).to.deep.equal(first);
  });

  it('tells subscribers when events arrive', () => {
    const source = new LocalSource({ now: () => NOW });
    let calls = 0;
    const stop = source.subscribe(() => (calls += 1));
    source.append([{ id: 'n1', name: 'chat.message', timestamp: NOW }]);
    stop();
    source.append([{ id: 'n2', name: 'chat.message', timestamp: NOW }]);
    expect(calls).to.equal(1);
  });

  it('exports every matching request as core writes the table, not one page', async () => {
    const source = usageSource();
    const blob = await source.export('requests', { range: { preset: '30d' }, tz: 'UTC' }, 'csv');
    // Independently: core's table rows over a separately filled engine, written by csvChunks.
    const engine = new ColumnarEngine();
    const enrich = createEnricher(SETTINGS);
    engine.append(
      usageEvents().map((event) => {
        const result = validateEvent(event);
        if (!result.ok) throw new Error('fixture event is invalid');
        return enrich(result.event) as StoredEvent;
      }),
    );
    engine.setRoster(ROSTER);
    const table = await eventRows(
      { engine, now: NOW, settings: SETTINGS },
      { preset: 'requests', range: { preset: '30d', tz: 'UTC' }, limit: 'all' },
    );
    const columns: ExportColumn<Record<string, EventTableCell>>[] = table.columns.map((column) => ({
      key: column.key,
      header: column.label,
      ...(column.type === 'time'
        ? { format: (value: unknown) => new Date(value as number).toISOString() }
        : {}),
    }));
    let expected = '';
    for await (const chunk of csvChunks(table.rows, columns)) expected += chunk;
    expect(await blob.text()).to.equal(expected);
    expect((await blob.text()).trim().split('\r\n')).to.have.length(usageEvents().length - 1 + 1);
  });

  it('reads the events the SDK queued in IndexedDB', async () => {
    const name = sdkDatabaseName('https://tally.example.com/', `wk_test_${Math.random()}`);
    expect(name).to.match(/^tally:https:\/\/tally\.example\.com\/v1\/batch:wk_test_/);
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('events', { keyPath: 'id' });
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const transaction = db.transaction('events', 'readwrite');
        const store = transaction.objectStore('events');
        for (const event of usageEvents().slice(0, 5))
          store.put({ id: event.id, json: JSON.stringify(event) });
        store.put({ id: 'zz-broken', json: '{not json' });
        transaction.oncomplete = () => {
          db.close();
          resolve();
        };
      };
    });
    const source = await LocalSource.fromIndexedDB(name, { now: () => NOW });
    expect(source.engine.size).to.equal(5);
    const missing = await LocalSource.fromIndexedDB(`${name}-missing`, { now: () => NOW });
    expect(missing.engine.size).to.equal(0);
  });
});
