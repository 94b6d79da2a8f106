import { expect } from 'chai';
import { makeEvent } from '../__test-support__/make-event.js';
import { ReferenceEngine } from '../engine/__test-support__/reference-engine.js';
import { ColumnarEngine } from '../engine/columnar-engine.js';
import { TallyError } from '../errors.js';
import type { StoredEvent } from '../event.js';
import type { Engine, RowsQuery } from '../query.js';
import { EVENT_COLUMNS } from './event-columns.js';
import { exportEvents } from './export-rows.js';

const T0 = Date.UTC(2026, 0, 10);
const range = { from: T0, to: T0 + 86_400_000 };

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

/** An engine that records the rows queries it is asked. */
function recording(engine: Engine): { engine: Engine; queries: RowsQuery[] } {
  const queries: RowsQuery[] = [];
  return {
    queries,
    engine: {
      aggregate: (query) => engine.aggregate(query),
      sessions: (query) => engine.sessions(query),
      roster: () => engine.roster(),
      rows: (query) => {
        queries.push(query);
        return engine.rows(query);
      },
    },
  };
}

function manyEvents(count: number): StoredEvent[] {
  // Repeated timestamps, so the order within a page depends on the id tie-break.
  return Array.from({ length: count }, (_, index) =>
    makeEvent({ id: `e${index}`, timestamp: T0 + (index % 97) * 1000, userId: `u${index % 5}` }),
  );
}

describe('exportEvents', () => {
  it('holds every matching event exactly once when they span several pages', async () => {
    const reference = new ReferenceEngine();
    reference.append(manyEvents(53));
    reference.append([makeEvent({ id: 'outside', timestamp: T0 - 1 })]);
    const { engine, queries } = recording(reference);
    const output = await text(exportEvents(engine, { range, format: 'json', pageSize: 10 }));
    const ids = (JSON.parse(output) as StoredEvent[]).map((event) => event.id);
    expect(ids).to.have.length(53);
    expect(new Set(ids).size).to.equal(53);
    expect(ids).to.not.include('outside');
    expect(queries.map((query) => [query.offset, query.limit])).to.deep.equal([
      [0, 10],
      [10, 10],
      [20, 10],
      [30, 10],
      [40, 10],
      [50, 10],
    ]);
  });

  it('pages 5000 events at a time by default and exports more than one page as CSV', async () => {
    const reference = new ReferenceEngine();
    reference.append(manyEvents(5001));
    const { engine, queries } = recording(reference);
    const output = await text(exportEvents(engine, { range, format: 'csv' }));
    const lines = output.split('\r\n');
    expect(lines.pop()).to.equal('');
    expect(lines).to.have.length(1 + 5001);
    const ids = lines.slice(1).map((line) => line.split(',')[0]);
    expect(new Set(ids).size).to.equal(5001);
    expect(queries.map((query) => query.limit)).to.deep.equal([5000, 5000]);
  });

  it('exports the same text from the columnar engine as from the reference engine', async () => {
    const events = manyEvents(1234);
    const columnar = new ColumnarEngine();
    const reference = new ReferenceEngine();
    columnar.append(events);
    reference.append(events);
    const query = {
      range,
      format: 'csv' as const,
      sort: [{ field: 'userId' as const, direction: 'desc' as const }],
      pageSize: 100,
    };
    const fromColumnar = await text(exportEvents(columnar, query));
    expect(fromColumnar.split('\r\n')).to.have.length(1 + 1234 + 1);
    expect(fromColumnar).to.equal(await text(exportEvents(reference, query)));
  });

  it('stops after an exactly full last page with one more, empty, request', async () => {
    const reference = new ReferenceEngine();
    reference.append(manyEvents(20));
    const { engine, queries } = recording(reference);
    const output = await text(exportEvents(engine, { range, format: 'ndjson', pageSize: 10 }));
    expect(output.trim().split('\n')).to.have.length(20);
    expect(queries).to.have.length(3);
  });

  it('writes JSON that parses back equal to the engine’s rows, oldest first by default', async () => {
    const engine = new ReferenceEngine();
    engine.append([
      makeEvent({ id: 'b', timestamp: T0 + 2, tokens: null, properties: { plan: 'pro' } }),
      makeEvent({
        id: 'a',
        timestamp: T0 + 1,
        userId: 'u1',
        model: 'gpt-4o',
        tokens: { input: 10, output: 5, cachedInput: 2, cacheWrite: 0, reasoning: 1 },
        context: { country: 'DE', ip: '10.0.0.1' },
      }),
    ]);
    const output = await text(exportEvents(engine, { range, format: 'json' }));
    const all = await engine.rows({ range, sort: [{ field: 'timestamp', direction: 'asc' }] });
    expect(JSON.parse(output)).to.deep.equal(all.rows);
    expect(all.rows.map((event) => event.id)).to.deep.equal(['a', 'b']);
  });

  it('keeps the query’s filters and sort and ignores any offset or limit', async () => {
    const engine = new ReferenceEngine();
    engine.append([
      makeEvent({ id: 'x1', timestamp: T0 + 1, category: 'chat' }),
      makeEvent({ id: 'x2', timestamp: T0 + 2, category: 'flow' }),
      makeEvent({ id: 'x3', timestamp: T0 + 3, category: 'chat' }),
    ]);
    const query = {
      range,
      format: 'json' as const,
      filters: { category: ['chat'] },
      sort: [{ field: 'timestamp' as const, direction: 'desc' as const }],
      offset: 1,
      limit: 1,
    };
    const output = await text(exportEvents(engine, query));
    expect((JSON.parse(output) as StoredEvent[]).map((event) => event.id)).to.deep.equal([
      'x3',
      'x1',
    ]);
  });

  it('writes the default event columns as CSV, with ISO times, USD costs and escaped text', async () => {
    const engine = new ReferenceEngine();
    engine.append([
      makeEvent({
        id: 'e1',
        name: 'chat.message',
        timestamp: Date.UTC(2026, 0, 10, 9, 30),
        userId: 'u1',
        category: '=HYPERLINK("http://evil.test")',
        model: 'gpt-4o',
        tokens: { input: 1200, output: 300, cachedInput: 200, cacheWrite: 0, reasoning: 50 },
        costNanos: 1_500_000,
        credits: 2,
        latencyMs: 812.5,
        status: 'ok',
        value: -3,
        context: { country: 'DE', city: 'München, Altstadt' },
      }),
    ]);
    const lines = (await text(exportEvents(engine, { range, format: 'csv' }))).split('\r\n');
    expect(lines[0]).to.equal(EVENT_COLUMNS.map((column) => column.header).join(','));
    const cells = Object.fromEntries(
      EVENT_COLUMNS.map((column, index) => [column.key, parseCsvLine(lines[1])[index]]),
    );
    expect(cells).to.include({
      id: 'e1',
      timestamp: '2026-01-10T09:30:00.000Z',
      userId: 'u1',
      actor: 'user',
      category: `'=HYPERLINK("http://evil.test")`,
      tokensInput: '1200',
      tokensCachedInput: '200',
      tokensTotal: '1500',
      costUsd: '0.0015',
      credits: '2',
      latencyMs: '812.5',
      value: '-3',
      country: 'DE',
      city: 'München, Altstadt',
      agent: '',
      ip: '',
    });
    expect(lines[2]).to.equal('');
    expect(lines).to.have.length(3);
  });

  it('exports nothing but the header, or an empty array, when no event matches', async () => {
    const engine = new ReferenceEngine();
    expect(
      await text(exportEvents(engine, { range, format: 'csv', columns: [EVENT_COLUMNS[0]] })),
    ).to.equal('id\r\n');
    expect(await text(exportEvents(engine, { range, format: 'json' }))).to.equal('[]');
  });

  it('refuses an unknown format or page size with a TallyError', async () => {
    const engine = new ReferenceEngine();
    const badFormat = await text(exportEvents(engine, { range, format: 'xml' as never })).catch(
      (error: unknown) => error,
    );
    expect(TallyError.isInstance(badFormat)).to.equal(true);
    expect((badFormat as TallyError).message).to.equal(
      'format: must be csv, json or ndjson (got "xml")',
    );
    const badPage = await text(exportEvents(engine, { range, format: 'csv', pageSize: 0 })).catch(
      (error: unknown) => error,
    );
    expect((badPage as TallyError).field).to.equal('pageSize');
  });
});

/** Splits one RFC 4180 record (without its line end) into unquoted fields. */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}
