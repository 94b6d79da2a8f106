import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIMENSIONS, type EngineFilters } from '@tally/core';
import { DuckDbEngine } from './duckdb-engine.js';
import type { SqlParams } from './sql-params.js';
import { countValue, emptyTenantStats, type TenantStats } from './tenant-stats.js';

/** An engine whose reads are recorded instead of run. */
function recordingEngine(stats?: TenantStats): {
  engine: DuckDbEngine;
  statements: { sql: string; params: SqlParams }[];
} {
  const statements: { sql: string; params: SqlParams }[] = [];
  const engine = new DuckDbEngine('acme', {
    read: async (sql, params) => {
      statements.push({ sql, params });
      return sql.includes('count(*) FROM events') && !sql.includes('GROUP BY') ? [[0n]] : [];
    },
    readSeries: async (sql, params) => {
      statements.push({ sql, params });
      // A session series (by hash) gets one event of a hash no user has: the engine falls back.
      const length = sql.includes('hash(') ? 1 : 0;
      return [new Float64Array(length), new Float64Array(length), new Float64Array(length)];
    },
    stats: () => stats,
  });
  return { engine, statements };
}

const RANGE = { from: 0, to: 1_000 };
const MARKER = "zz' OR 1=1; --";

describe('DuckDbEngine SQL', () => {
  it('puts every caller value in typed parameters and none in the SQL text', async () => {
    const { engine, statements } = recordingEngine();
    const filters: EngineFilters = Object.fromEntries(
      DIMENSIONS.map((dimension) => [dimension, [`${MARKER}${dimension}`, null]]),
    );
    await engine.aggregate({
      range: RANGE,
      filters,
      groupBy: ['userId', { boundaries: [0, 10, 20, 35] }],
      measures: [
        { op: 'count', where: { model: [MARKER] } },
        { op: 'quantile', field: 'latencyMs', q: 0.37, where: { agent: [MARKER] } },
        { op: 'last', field: 'name' },
      ],
    });
    // Without groupings, the quantile reads its values through a series statement of its own.
    await engine.aggregate({
      range: RANGE,
      filters,
      measures: [{ op: 'quantile', field: 'latencyMs', q: 0.37, where: { agent: [MARKER] } }],
    });
    await engine.rows({
      range: RANGE,
      filters,
      sort: [{ field: 'model', direction: 'asc' }],
      limit: 7,
      offset: 3,
    });
    // Series, users, then the SQL path it falls back to.
    await engine.sessions({ range: RANGE, filters, gapMs: 1234.5, partitionBy: 'agent' });
    await engine.roster();
    assert.equal(statements.length, 9);
    for (const { sql, params } of statements) {
      assert.ok(!sql.includes('zz'), sql);
      assert.ok(!sql.includes('1234.5') && !sql.includes('0.37'), sql);
      assert.match(sql, /WHERE tenant = \$1\b/);
      assert.equal(params.values[0], 'acme');
      assert.equal(params.values.length, params.types.length);
      for (let index = 1; index <= params.values.length; index += 1) {
        assert.ok(sql.includes(`$${index}`), `$${index} unused in ${sql}`);
      }
    }
    const values = statements.flatMap(({ params }) => params.values);
    for (const dimension of DIMENSIONS) assert.ok(values.includes(`${MARKER}${dimension}`));
    assert.ok(values.includes(MARKER) && values.includes(1234.5) && values.includes(0.37));
  });

  it('sums without sorting only when the stored values make every order exact', async () => {
    const dyadic = emptyTenantStats();
    for (const value of [0.5, 2, 1.25]) countValue(dyadic, 'credits', value);
    const decimal = emptyTenantStats();
    for (const value of [0.1, 0.2, 0.3]) countValue(decimal, 'credits', value);
    const query = { range: RANGE, measures: [{ op: 'sum' as const, field: 'credits' as const }] };

    const fast = recordingEngine(dyadic);
    await fast.engine.aggregate(query);
    assert.match(fast.statements[0].sql, /sum\(credits\)/);
    assert.doesNotMatch(fast.statements[0].sql, /ORDER BY/);

    const ordered = recordingEngine(decimal);
    await ordered.engine.aggregate({ ...query, groupBy: ['model'] });
    assert.match(ordered.statements[0].sql, /sum\(CAST\(credits AS DOUBLE\) ORDER BY ts, seq\)/);

    // Without groupings the values are read in time order and added up in JavaScript.
    const series = recordingEngine(decimal);
    await series.engine.aggregate(query);
    assert.equal(series.statements.length, 2);
    assert.doesNotMatch(series.statements[0].sql, /credits/);
    assert.match(
      series.statements[1].sql,
      /^SELECT CAST\(credits AS DOUBLE\), CAST\(ts AS DOUBLE\), CAST\(seq AS DOUBLE\)\s+FROM events WHERE .* AND credits IS NOT NULL$/s,
    );
  });

  it('sorts the values of a field once for all of its quantiles', async () => {
    const measures = [0.5, 0.95, 0.99].map((q) => ({
      op: 'quantile' as const,
      field: 'latencyMs' as const,
      q,
    }));
    const grouped = recordingEngine();
    await grouped.engine.aggregate({ range: RANGE, groupBy: ['model'], measures });
    assert.equal(grouped.statements.length, 1);
    assert.equal(grouped.statements[0].sql.match(/list_sort/g)?.length, 1);

    const ungrouped = recordingEngine();
    await ungrouped.engine.aggregate({ range: RANGE, measures });
    assert.equal(ungrouped.statements.length, 2);
    assert.doesNotMatch(ungrouped.statements[0].sql, /list_sort|latency_ms/);
    assert.match(
      ungrouped.statements[1].sql,
      /^SELECT CAST\(latency_ms AS DOUBLE\), CAST\(ts AS DOUBLE\)/,
    );
  });

  it('asks nothing for a time grouping without boundaries', async () => {
    const { engine, statements } = recordingEngine();
    const result = await engine.aggregate({
      range: RANGE,
      groupBy: [{ boundaries: [] }],
      measures: [{ op: 'count' }],
    });
    assert.deepStrictEqual(result, { rows: [] });
    assert.equal(statements.length, 0);
  });
});
