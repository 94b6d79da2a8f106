import type { RowSort, RowsQuery } from '../query.js';
import {
  checkCount,
  checkFilters,
  checkInterval,
  invalidQuery,
  isDimension,
  isNumericField,
  isRecord,
} from './query-checks.js';

/**
 * Checks a {@link RowsQuery} from an untrusted caller and returns a clean copy.
 *
 * @throws {TallyError} `invalid_query` naming the field, e.g. `sort[0].direction`.
 */
export function checkRowsQuery(query: unknown): RowsQuery {
  if (!isRecord(query)) throw invalidQuery('query', 'must be an object', query);
  const range = checkInterval(query.range);
  const filters = checkFilters(query.filters, 'filters');
  let sort: RowSort[] = [];
  if (query.sort !== undefined) {
    if (!Array.isArray(query.sort)) throw invalidQuery('sort', 'must be an array', query.sort);
    sort = query.sort.map((key: unknown, index): RowSort => {
      const field = `sort[${index}]`;
      if (!isRecord(key)) throw invalidQuery(field, 'must be an object { field, direction }', key);
      if (key.field !== 'id' && !isNumericField(key.field) && !isDimension(key.field)) {
        throw invalidQuery(
          `${field}.field`,
          'must be id, a numeric field or a dimension',
          key.field,
        );
      }
      if (key.direction !== 'asc' && key.direction !== 'desc') {
        throw invalidQuery(`${field}.direction`, 'must be asc or desc', key.direction);
      }
      return { field: key.field, direction: key.direction };
    });
  }
  const offset = checkCount(query.offset, 'offset');
  const limit = checkCount(query.limit, 'limit');
  return { range, filters, sort, offset, limit };
}
