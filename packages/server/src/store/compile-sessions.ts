import type { SessionsQuery } from '@tally/core';
import { dimensionColumn, scopeConditions } from './compile-filters.js';
import { SqlParams } from './sql-params.js';

/**
 * Compiles a checked sessions query: per user (and partition), events in time order (`ts`,
 * then insertion order); an event more than `gapMs` after the previous one starts a session
 * (`lag` over that order), a running count of starts numbers the sessions, and each session is
 * one group with its first and last time and its event count. Rows are
 * `[userId, partition, start, end, events]`, in no order.
 */
export function compileSessions(
  tenant: string,
  query: SessionsQuery,
): { sql: string; params: SqlParams } {
  const params = new SqlParams();
  const where = scopeConditions(tenant, query.range, query.filters, params);
  where.push('user_id IS NOT NULL');
  const partition =
    query.partitionBy === undefined ? 'NULL::VARCHAR' : dimensionColumn(query.partitionBy);
  const gap = params.double(query.gapMs);
  const sql = `
    WITH scoped AS (
      SELECT user_id, ${partition} AS part, ts, seq FROM events WHERE ${where.join(' AND ')}
    ), marked AS (
      SELECT user_id, part, ts, seq,
        CASE WHEN ts - lag(ts) OVER (PARTITION BY user_id, part ORDER BY ts, seq) > ${gap}
          THEN 1 ELSE 0 END AS starts
      FROM scoped
    ), numbered AS (
      SELECT user_id, part, ts,
        sum(starts) OVER (PARTITION BY user_id, part ORDER BY ts, seq
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session
      FROM marked
    )
    SELECT user_id, part, min(ts), max(ts), count(*) FROM numbered
    GROUP BY user_id, part, session`;
  return { sql, params };
}
