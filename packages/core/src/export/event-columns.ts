import type { StoredEvent } from '../event.js';
import type { ExportColumn } from './export-column.js';

type EventColumn = ExportColumn<StoredEvent>;

function plain(key: string): EventColumn {
  return { key, header: key };
}

function token(key: string, bucket: keyof NonNullable<StoredEvent['tokens']>): EventColumn {
  return { key, header: key, format: (_value, event) => event.tokens?.[bucket] };
}

function context(
  key: 'ip' | 'country' | 'region' | 'city' | 'page' | 'browser' | 'os',
): EventColumn {
  return { key, header: key, format: (_value, event) => event.context?.[key] };
}

/**
 * The default columns of a raw-event export: identity and attribution, model and tokens, cost in
 * USD (from the stored nanodollars), credits, latency, outcome, feedback and request context.
 * `timestamp` is ISO-8601 UTC; `properties` is JSON text.
 */
export const EVENT_COLUMNS: readonly EventColumn[] = [
  plain('id'),
  {
    key: 'timestamp',
    header: 'timestamp',
    format: (value) => new Date(value as number).toISOString(),
  },
  plain('name'),
  plain('userId'),
  plain('actor'),
  plain('agent'),
  plain('category'),
  plain('source'),
  plain('endpoint'),
  plain('sessionId'),
  plain('conversationId'),
  plain('model'),
  plain('provider'),
  token('tokensInput', 'input'),
  token('tokensOutput', 'output'),
  token('tokensCachedInput', 'cachedInput'),
  token('tokensCacheWrite', 'cacheWrite'),
  token('tokensReasoning', 'reasoning'),
  {
    key: 'tokensTotal',
    header: 'tokensTotal',
    format: (_value, event) =>
      event.tokens === null ? undefined : event.tokens.input + event.tokens.output,
  },
  { key: 'costUsd', header: 'costUsd', format: (_value, event) => event.costNanos / 1e9 },
  plain('pricing'),
  plain('credits'),
  plain('latencyMs'),
  plain('status'),
  plain('errorType'),
  plain('feedback'),
  plain('rating'),
  plain('targetId'),
  plain('value'),
  context('ip'),
  context('country'),
  context('region'),
  context('city'),
  context('page'),
  context('browser'),
  context('os'),
  plain('properties'),
];
