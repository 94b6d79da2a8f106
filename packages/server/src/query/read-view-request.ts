import { describeValue, type ViewRequest } from '@tally/core';
import { requestError } from '../http/request-error.js';
import { VIEW_NAMES, VIEWS, type ViewEntry } from './view-registry.js';

/** Parameters every view takes. */
const COMMON = ['view', 'range', 'tz', 'filters'];

/** The most rows one `rows` query returns; exports return all of them. */
export const MAX_QUERY_ROWS = 10_000;

/** A query request after the server's checks: the view and core's request for it. */
export interface ParsedViewRequest {
  name: string;
  view: ViewEntry;
  request: ViewRequest & Record<string, unknown>;
}

/**
 * Checks a `POST /v1/query` body, `{ view, range, tz, filters, ...params }`, and builds core's
 * request: `range` may be a preset name (`"30d"`) or core's range object, and `tz` moves into
 * it. Parameters the view does not take are refused rather than silently ignored; the values
 * themselves are checked by the view. Throws `invalid_query` (400) naming the field.
 */
export function readViewRequest(body: unknown): ParsedViewRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw requestError('invalid_query', 'body', `must be an object (got ${describeValue(body)})`);
  }
  const input = body as Record<string, unknown>;
  const name = input.view;
  if (typeof name !== 'string' || !Object.hasOwn(VIEWS, name)) {
    throw requestError(
      'invalid_query',
      'view',
      `must be one of ${VIEW_NAMES.join(', ')} (got ${describeValue(name)})`,
    );
  }
  const view = VIEWS[name];
  for (const key of Object.keys(input)) {
    if (!COMMON.includes(key) && !view.params.includes(key)) {
      const known = [...COMMON.slice(1), ...view.params].join(', ');
      throw requestError(
        'invalid_query',
        key,
        `is not a parameter of the ${name} view; it takes ${known}`,
      );
    }
  }
  for (const flag of view.flags ?? []) {
    if (input[flag] !== undefined && typeof input[flag] !== 'boolean') {
      throw requestError(
        'invalid_query',
        flag,
        `must be true or false (got ${describeValue(input[flag])})`,
      );
    }
  }
  if (name === 'rows') checkRowsLimit(input.limit);
  const { view: _view, range, tz, ...rest } = input;
  return { name, view, request: { ...rest, range: readRange(range, tz) } };
}

/**
 * A range as core takes it: a preset name becomes `{ preset }`, and a top-level `tz` joins the
 * range (given twice, the two must agree).
 */
export function readRange(range: unknown, tz: unknown): ViewRequest['range'] {
  if (tz !== undefined && typeof tz !== 'string') {
    throw requestError(
      'invalid_query',
      'tz',
      `must be an IANA time zone name (got ${describeValue(tz)})`,
    );
  }
  let value = range;
  if (typeof value === 'string') value = { preset: value };
  if (value === undefined || value === null) return tz === undefined ? undefined : { tz };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw requestError(
      'invalid_query',
      'range',
      `must be a preset name or an object with a preset or from/to (got ${describeValue(range)})`,
    );
  }
  const object = value as Record<string, unknown>;
  if (tz === undefined) return object as ViewRequest['range'];
  if (object.tz !== undefined && object.tz !== tz) {
    throw requestError(
      'invalid_query',
      'tz',
      `disagrees with range.tz (got ${describeValue(tz)} and ${describeValue(object.tz)})`,
    );
  }
  return { ...object, tz } as ViewRequest['range'];
}

function checkRowsLimit(limit: unknown): void {
  if (limit === 'all' || (typeof limit === 'number' && limit > MAX_QUERY_ROWS)) {
    throw requestError(
      'invalid_query',
      'limit',
      `must be at most ${MAX_QUERY_ROWS}; use GET /v1/export for every row (got ${describeValue(limit)})`,
    );
  }
}
