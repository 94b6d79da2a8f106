import { expect } from 'chai';
import { TallyError } from '../errors.js';
import { csvChunks, toCsv } from './csv.js';
import type { ExportColumn } from './export-column.js';

const columns: ExportColumn[] = [
  { key: 'name', header: 'Name' },
  { key: 'count', header: 'Count, total' },
];

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

async function* slowly<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

describe('csvChunks', () => {
  it('writes a header row and one CRLF-terminated record per row', async () => {
    const rows = [
      { name: 'alice', count: 3 },
      { name: 'bob', count: -2 },
    ];
    const text = (await collect(csvChunks(rows, columns))).join('');
    expect(text).to.equal('Name,"Count, total"\r\nalice,3\r\nbob,-2\r\n');
  });

  it('writes only the header row when there are no rows', async () => {
    expect(await collect(csvChunks([], columns))).to.deep.equal(['Name,"Count, total"\r\n']);
  });

  it('starts with a byte order mark only when asked', async () => {
    const withBom = (await collect(csvChunks([], columns, { bom: true }))).join('');
    expect(withBom.startsWith('\uFEFFName')).to.equal(true);
    expect(toCsv([], columns).startsWith('Name')).to.equal(true);
  });

  it('reads rows from an async source and yields chunks of at least chunkSize', async () => {
    const rows = Array.from({ length: 10 }, (_, index) => ({
      name: `user-${index}`,
      count: index,
    }));
    const chunks = await collect(csvChunks(slowly(rows), columns, { chunkSize: 30 }));
    expect(chunks.length).to.be.greaterThan(2);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).to.be.at.least(30);
    expect(chunks.join('')).to.equal(toCsv(rows, columns));
  });

  it('formats cells with the column format callback, which sees the whole row', async () => {
    const rows = [{ name: 'alice', at: Date.UTC(2026, 0, 15), count: 2 }];
    const text = toCsv(rows, [
      { key: 'at', header: 'When', format: (value) => new Date(value as number).toISOString() },
      { key: 'double', header: 'Double', format: (_value, row) => row.count * 2 },
    ]);
    expect(text).to.equal('When,Double\r\n2026-01-15T00:00:00.000Z,4\r\n');
  });

  it('guards headers and cells against formula injection and quotes what needs it', () => {
    const text = toCsv(
      [{ '=cmd': '=1+1', note: 'said "no", then left\n' }],
      [
        { key: '=cmd', header: '=cmd' },
        { key: 'note', header: 'note' },
      ],
    );
    expect(text).to.equal(`'=cmd,note\r\n'=1+1,"said ""no"", then left\n"\r\n`);
  });

  it('reads only a row’s own properties', () => {
    expect(toCsv([{ name: 'x' }], [{ key: 'constructor', header: 'c' }])).to.equal('c\r\n\r\n');
  });

  it('refuses rows that are not objects and bad columns with a TallyError', async () => {
    const error = await collect(csvChunks([{ name: 'a' }, null as never], columns)).catch(
      (caught: unknown) => caught,
    );
    expect(TallyError.isInstance(error)).to.equal(true);
    expect((error as TallyError).field).to.equal('rows[1]');
    expect(() => toCsv([], [])).to.throw(TallyError, /^columns: must be a non-empty list/);
    expect(() => toCsv([], [{ key: 'a' } as never])).to.throw(TallyError, /^columns\[0\]\.header/);
  });
});
