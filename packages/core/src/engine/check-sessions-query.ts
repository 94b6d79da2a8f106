import type { SessionsQuery } from '../query.js';
import {
  checkFilters,
  checkInterval,
  invalidQuery,
  isDimension,
  isRecord,
} from './query-checks.js';

/**
 * Checks a {@link SessionsQuery} from an untrusted caller and returns a clean copy.
 *
 * @throws {TallyError} `invalid_query` naming the field, e.g. `gapMs`.
 */
export function checkSessionsQuery(query: unknown): SessionsQuery {
  if (!isRecord(query)) throw invalidQuery('query', 'must be an object', query);
  const range = checkInterval(query.range);
  const filters = checkFilters(query.filters, 'filters');
  const { gapMs, partitionBy } = query;
  if (typeof gapMs !== 'number' || !Number.isFinite(gapMs) || gapMs < 0) {
    throw invalidQuery('gapMs', 'must be a non-negative finite number of milliseconds', gapMs);
  }
  if (partitionBy !== undefined && !isDimension(partitionBy)) {
    throw invalidQuery('partitionBy', 'must be a dimension', partitionBy);
  }
  return partitionBy === undefined
    ? { range, filters, gapMs }
    : { range, filters, gapMs, partitionBy };
}
