import type { EventRowsResult, PerUserTableResult } from '@tally/core';

/** A column as the table shows it. */
export interface TableColumn {
  key: string;
  label: string;
  type: 'time' | 'text' | 'number' | 'usd' | 'user';
}

/** Default column labels of the event tables, shown instead of the export headers. */
const EVENT_LABELS: Record<string, string> = {
  time: 'Time',
  id: 'ID',
  name: 'Event',
  userId: 'User',
  endpoint: 'Endpoint',
  ip: 'IP',
  country: 'Country',
  region: 'Region',
  city: 'City',
  browser: 'Browser',
  timezone: 'Time zone',
  page: 'Page',
  status: 'Status',
  latencyMs: 'Latency (ms)',
  source: 'Source',
  model: 'Model',
  input: 'Input',
  output: 'Output',
  total: 'Total',
  costUsd: 'Cost',
  pricing: 'Pricing',
  credits: 'Credits',
};

/** The columns of an event table answer, in display order, limited to `shown` when given. */
export function eventColumns(result: EventRowsResult, shown: readonly string[]): TableColumn[] {
  const columns = result.columns.map((column): TableColumn => ({
    key: column.key,
    label: EVENT_LABELS[column.key] ?? column.label,
    type: column.key === 'costUsd' ? 'usd' : column.type,
  }));
  if (shown.length === 0) return columns;
  return shown.flatMap((key) => columns.filter((column) => column.key === key));
}

/** The columns of the per-user table: rank, user, a count per key, total, credits. */
export function perUserColumns(
  result: PerUserTableResult,
  label: (key: string) => string,
): TableColumn[] {
  return [
    { key: 'rank', label: 'Rank', type: 'number' },
    { key: 'user', label: 'User', type: 'user' },
    ...result.keys.map((key): TableColumn => ({
      key: `count:${key}`,
      label: label(key),
      type: 'number',
    })),
    { key: 'total', label: 'Total', type: 'number' },
    { key: 'credits', label: 'Credits', type: 'number' },
  ];
}
