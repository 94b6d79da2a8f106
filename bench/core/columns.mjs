/**
 * StoredEvent objects flattened into named column arrays (snake_case, as a SQL store names
 * them): the input the DuckDB and arquero peers load. Missing values are `null`.
 */

/** Column name, SQL type, and how to read it from an event. */
export const EVENT_COLUMNS = [
  ['id', 'VARCHAR', (event) => event.id],
  ['name', 'VARCHAR', (event) => event.name],
  ['ts', 'BIGINT', (event) => event.timestamp],
  ['user_id', 'VARCHAR', (event) => event.userId ?? null],
  ['actor', 'VARCHAR', (event) => event.actor],
  ['agent', 'VARCHAR', (event) => event.agent ?? null],
  ['category', 'VARCHAR', (event) => event.category ?? null],
  ['source', 'VARCHAR', (event) => event.source ?? null],
  ['endpoint', 'VARCHAR', (event) => event.endpoint ?? null],
  ['session_id', 'VARCHAR', (event) => event.sessionId ?? null],
  ['conversation_id', 'VARCHAR', (event) => event.conversationId ?? null],
  ['model', 'VARCHAR', (event) => event.model ?? null],
  ['provider', 'VARCHAR', (event) => event.provider ?? null],
  ['status', 'VARCHAR', (event) => event.status ?? null],
  ['error_type', 'VARCHAR', (event) => event.errorType ?? null],
  ['tokens_input', 'BIGINT', (event) => event.tokens?.input ?? null],
  ['tokens_output', 'BIGINT', (event) => event.tokens?.output ?? null],
  ['tokens_cached_input', 'BIGINT', (event) => event.tokens?.cachedInput ?? null],
  ['tokens_cache_write', 'BIGINT', (event) => event.tokens?.cacheWrite ?? null],
  ['tokens_reasoning', 'BIGINT', (event) => event.tokens?.reasoning ?? null],
  [
    'tokens_total',
    'BIGINT',
    (event) => (event.tokens ? event.tokens.input + event.tokens.output : null),
  ],
  ['cost_nanos', 'BIGINT', (event) => event.costNanos],
  ['pricing', 'VARCHAR', (event) => event.pricing],
  ['credits', 'DOUBLE', (event) => event.credits],
  ['latency_ms', 'DOUBLE', (event) => event.latencyMs ?? null],
  ['feedback', 'INTEGER', (event) => event.feedback ?? null],
  ['rating', 'INTEGER', (event) => event.rating ?? null],
  ['target_id', 'VARCHAR', (event) => event.targetId ?? null],
  ['ip', 'VARCHAR', (event) => event.context?.ip ?? null],
  ['country', 'VARCHAR', (event) => event.context?.country ?? null],
  ['browser', 'VARCHAR', (event) => event.context?.browser ?? null],
  ['os', 'VARCHAR', (event) => event.context?.os ?? null],
];

/** The events as `{ [column]: values[] }`, in event order. */
export function toColumns(events) {
  const columns = {};
  for (const [name, , read] of EVENT_COLUMNS) {
    const values = new Array(events.length);
    for (let index = 0; index < events.length; index += 1) values[index] = read(events[index]);
    columns[name] = values;
  }
  return columns;
}
