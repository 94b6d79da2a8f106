import { describeValue, type RangeInput } from '@tally/core';
import { requestError } from '../http/request-error.js';

/** What `GET /v1/export` can export. */
export type ExportView = 'events' | 'requests' | 'tokens' | 'per-user-table';

/** What `GET /v1/export` can write. */
export type ExportFormat = 'csv' | 'json' | 'ndjson';

/** A parsed export request. */
export interface ExportRequest {
  view: ExportView;
  format: ExportFormat;
  bom: boolean;
  range: RangeInput | undefined;
  filters: Record<string, string | string[]>;
  /** `column[:asc|desc]` entries, most significant first. */
  sort: { column: string; direction?: 'asc' | 'desc' }[];
  /** The per-user table's count columns: `category` or `name`. */
  columns?: string;
  /** The per-user table's sort key for `sort=count`. */
  key?: string;
}

const VIEWS: readonly ExportView[] = ['events', 'requests', 'tokens', 'per-user-table'];
const FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ndjson'];
const LIST_FILTERS = [
  'users',
  'category',
  'name',
  'agent',
  'source',
  'endpoint',
  'model',
  'provider',
  'country',
  'ip',
  'status',
  'actor',
];
const SINGLE = ['view', 'format', 'bom', 'range', 'from', 'to', 'tz', 'search', 'columns', 'key'];

/**
 * Reads `GET /v1/export`'s query string: `view` (`events`, the default, every stored field;
 * `requests` or `tokens`, the tables' columns; `per-user-table`), `format` (`csv`, `json`,
 * `ndjson`), the range (`range` preset, or `from` / `to`; `tz`), each filter as a repeatable
 * parameter (`category=chat&category=flow`, `users=u1`, `search=ada`), `sort=column:desc`
 * (repeatable) and `bom=1`. Unknown or repeated single parameters are refused (400).
 */
export function readExportRequest(params: URLSearchParams): ExportRequest {
  for (const name of new Set(params.keys())) {
    if (SINGLE.includes(name)) {
      if (params.getAll(name).length > 1) invalid(name, 'must be given once');
    } else if (!LIST_FILTERS.includes(name) && name !== 'sort') {
      invalid(
        name,
        `is not an export parameter; it takes ${[...SINGLE, 'sort', ...LIST_FILTERS].join(', ')}`,
      );
    }
  }
  const view = (params.get('view') ?? 'events') as ExportView;
  if (!VIEWS.includes(view))
    invalid('view', `must be one of ${VIEWS.join(', ')} (got ${describeValue(view)})`);
  const format = (params.get('format') ?? 'csv') as ExportFormat;
  if (!FORMATS.includes(format))
    invalid('format', `must be csv, json or ndjson (got ${describeValue(format)})`);
  const bom = params.get('bom');
  if (bom !== null && bom !== '0' && bom !== '1')
    invalid('bom', `must be 0 or 1 (got ${describeValue(bom)})`);

  const range: RangeInput = {};
  const preset = params.get('range');
  if (preset !== null) range.preset = preset as RangeInput['preset'];
  for (const bound of ['from', 'to'] as const) {
    const value = params.get(bound);
    if (value !== null) range[bound] = /^-?\d+$/.test(value) ? Number(value) : value;
  }
  const tz = params.get('tz');
  if (tz !== null) range.tz = tz;

  const filters: Record<string, string | string[]> = {};
  for (const name of LIST_FILTERS) {
    const values = params.getAll(name);
    if (values.length > 0) filters[name] = values;
  }
  const search = params.get('search');
  if (search !== null) filters.search = search;

  const sort = params.getAll('sort').map((entry) => {
    const [column, direction, ...rest] = entry.split(':');
    if (
      rest.length > 0 ||
      (direction !== undefined && direction !== 'asc' && direction !== 'desc')
    ) {
      invalid('sort', `must be column, column:asc or column:desc (got ${describeValue(entry)})`);
    }
    return {
      column,
      ...(direction === undefined ? {} : { direction: direction as 'asc' | 'desc' }),
    };
  });

  return {
    view,
    format,
    bom: bom === '1',
    range: Object.keys(range).length === 0 ? undefined : range,
    filters,
    sort,
    ...(params.get('columns') === null ? {} : { columns: params.get('columns') as string }),
    ...(params.get('key') === null ? {} : { key: params.get('key') as string }),
  };
}

function invalid(field: string, reason: string): never {
  throw requestError('invalid_export', field, reason);
}
