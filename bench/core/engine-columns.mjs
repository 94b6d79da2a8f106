/**
 * StoredEvent objects as core's `EventColumns` (the input of `ColumnarEngine.appendColumns`):
 * strings in plain arrays (or dictionary-encoded), numbers in `Float64Array`s with `NaN` where
 * an event has no value.
 */

const DIMENSIONS = [
  'name',
  'userId',
  'actor',
  'agent',
  'category',
  'source',
  'endpoint',
  'sessionId',
  'conversationId',
  'model',
  'provider',
  'status',
  'errorType',
  'targetId',
  'pricing',
  'catalogVersion',
];
const CONTEXT = [
  'ip',
  'country',
  'region',
  'city',
  'page',
  'referrer',
  'browser',
  'os',
  'timezone',
  'locale',
];
const TOKENS = [
  ['tokensInput', 'input'],
  ['tokensOutput', 'output'],
  ['tokensCachedInput', 'cachedInput'],
  ['tokensCacheWrite', 'cacheWrite'],
  ['tokensReasoning', 'reasoning'],
];
const OPTIONAL_NUMBERS = ['latencyMs', 'feedback', 'rating', 'value', 'costUsd'];

/**
 * The events as columns; a column no event has is left out. With `encoded`, string columns
 * come dictionary-encoded (`{ codes: Int32Array, values }`), as a columnar wire format or a
 * store would hand them over.
 */
export function toEngineColumns(events, { encoded = false } = {}) {
  const count = events.length;
  const columns = {
    id: new Array(count),
    timestamp: new Float64Array(count),
    costNanos: new Float64Array(count),
    credits: new Float64Array(count),
  };
  const lists = (names) => names.map((name) => [name, new Array(count).fill(null), false]);
  const strings = lists(DIMENSIONS);
  const context = lists(CONTEXT);
  // Numbers in Float64Arrays, NaN for absent: no boxed numbers in the input.
  const doubles = (name) => [name, new Float64Array(count).fill(Number.NaN), false];
  const tokens = TOKENS.map(([name, bucket]) => [...doubles(name), bucket]);
  const numbers = OPTIONAL_NUMBERS.map(doubles);
  for (let index = 0; index < count; index += 1) {
    const event = events[index];
    columns.id[index] = event.id;
    columns.timestamp[index] = event.timestamp;
    columns.costNanos[index] = event.costNanos;
    columns.credits[index] = event.credits;
    for (const entry of strings) entry[2] = fill(entry[1], index, event[entry[0]]) || entry[2];
    for (const entry of numbers) entry[2] = fill(entry[1], index, event[entry[0]]) || entry[2];
    if (event.context) {
      for (const entry of context)
        entry[2] = fill(entry[1], index, event.context[entry[0]]) || entry[2];
    }
    if (event.tokens) {
      for (const entry of tokens)
        entry[2] = fill(entry[1], index, event.tokens[entry[3]]) || entry[2];
    }
  }
  // The generator builds ids by concatenation, which V8 keeps as rope strings until their first
  // read; ids parsed from JSON or structured-cloned out of IndexedDB are flat, as here.
  columns.id = JSON.parse(JSON.stringify(columns.id));
  for (const [name, values, used] of [...strings, ...context]) {
    if (used) columns[name] = encoded ? encode(values) : values;
  }
  for (const [name, values, used] of [...tokens, ...numbers]) {
    if (used) columns[name] = values;
  }
  return columns;
}

function encode(strings) {
  const codeOf = new Map([[null, 0]]);
  const values = [null];
  const codes = new Int32Array(strings.length);
  for (let index = 0; index < strings.length; index += 1) {
    const value = strings[index];
    let code = codeOf.get(value);
    if (code === undefined) {
      code = values.length;
      values.push(value);
      codeOf.set(value, code);
    }
    codes[index] = code;
  }
  return { codes, values };
}

function fill(values, index, value) {
  if (value === undefined || value === null) return false;
  values[index] = value;
  return true;
}
