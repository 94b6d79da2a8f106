import type { SessionsQuery } from '@tally/core';
import { dimensionColumn, scopeConditions } from './compile-filters.js';
import { SqlParams } from './sql-params.js';

/**
 * Compiles a checked sessions query. Per user (and partition), events are taken in time order
 * in one window pass that gives each event its position and the gaps to its neighbours (events
 * at the same instant are 0 apart, so their order changes nothing and is left to the sort): an event more than `gapMs` after the previous one (or the first)
 * starts a session, one more than `gapMs` before the next (or the last) ends one. Starts and
 * ends alternate, so the k-th start and the k-th end of a partition bound the k-th session,
 * and only those few rows are numbered and joined. Rows are
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
    WITH ordered AS (
      SELECT user_id, part, ts,
        ts - lag(ts) OVER w AS before,
        lead(ts) OVER w - ts AS after,
        row_number() OVER w AS position
      FROM (SELECT user_id, ${partition} AS part, ts FROM events WHERE ${where.join(' AND ')})
      WINDOW w AS (PARTITION BY user_id, part ORDER BY ts)
    ), starts AS (
      SELECT user_id, part, ts, position,
        row_number() OVER (PARTITION BY user_id, part ORDER BY position) AS k
      FROM ordered WHERE before IS NULL OR before > ${gap}
    ), ends AS (
      SELECT user_id, part, ts, position,
        row_number() OVER (PARTITION BY user_id, part ORDER BY position) AS k
      FROM ordered WHERE after IS NULL OR after > ${gap}
    )
    SELECT starts.user_id, starts.part, starts.ts, ends.ts, ends.position - starts.position + 1
    FROM starts JOIN ends ON starts.user_id = ends.user_id
      AND starts.part IS NOT DISTINCT FROM ends.part AND starts.k = ends.k`;
  return { sql, params };
}
