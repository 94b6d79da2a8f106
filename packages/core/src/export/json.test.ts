import { expect } from 'chai';
import { TallyError } from '../errors.js';
import { jsonChunks } from './json.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

async function* slowly<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

describe('jsonChunks', () => {
  it('writes an empty array when there are no rows', async () => {
    expect(await text(jsonChunks([]))).to.equal('[]');
  });

  it('writes the rows as one array, joined by a comma and a newline', async () => {
    const rows = [{ a: 1 }, { a: 2, b: 'x' }];
    const output = await text(jsonChunks(slowly(rows)));
    expect(output).to.equal('[{"a":1},\n{"a":2,"b":"x"}]');
    expect(JSON.parse(output)).to.deep.equal(rows);
  });

  it('writes one object per line as NDJSON, and nothing for no rows', async () => {
    const output = await text(jsonChunks([{ a: 1 }, { a: '助手' }], { ndjson: true }));
    expect(output).to.equal('{"a":1}\n{"a":"助手"}\n');
    expect(await text(jsonChunks([], { ndjson: true }))).to.equal('');
  });

  it('keeps only the given columns, formatted, with missing values as null', async () => {
    const output = await text(
      jsonChunks([{ a: 1, b: 2 }], {
        columns: [
          { key: 'b', header: 'B', format: (value) => (value as number) * 10 },
          { key: 'c', header: 'C' },
        ],
      }),
    );
    expect(JSON.parse(output)).to.deep.equal([{ b: 20, c: null }]);
  });

  it('yields chunks of at least chunkSize that join into valid JSON', async () => {
    const rows = Array.from({ length: 20 }, (_, index) => ({ index, text: 'x'.repeat(index) }));
    const chunks: string[] = [];
    for await (const chunk of jsonChunks(rows, { chunkSize: 50 })) chunks.push(chunk);
    expect(chunks.length).to.be.greaterThan(3);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).to.be.at.least(50);
    expect(JSON.parse(chunks.join(''))).to.deep.equal(rows);
  });

  it('refuses rows that cannot be written as JSON with a TallyError', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const error = await text(jsonChunks([{}, circular])).catch((caught: unknown) => caught);
    expect(TallyError.isInstance(error)).to.equal(true);
    expect((error as TallyError).field).to.equal('rows[1]');
  });
});
