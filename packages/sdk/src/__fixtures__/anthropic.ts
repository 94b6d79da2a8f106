// Result shapes of the Anthropic Messages API as its TypeScript client returns them. Its
// `input_tokens` counts only the input after the last cache breakpoint: cache reads and cache
// writes are reported beside it, not inside it.

/** `anthropic.messages.create(...)` that wrote a prompt cache. */
export const messageWritingCache = {
  id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-20250514',
  content: [{ type: 'text', text: 'Here is a summary of the document you shared...' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: {
    input_tokens: 21,
    cache_creation_input_tokens: 2051,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 2051, ephemeral_1h_input_tokens: 0 },
    output_tokens: 393,
    service_tier: 'standard',
  },
};

/** A later call that read the cache. */
export const messageReadingCache = {
  id: 'msg_01HCDu5LRGeP2o7s2xGmxyx8',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-20250514',
  content: [{ type: 'text', text: 'The second section argues that...' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: {
    input_tokens: 14,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 2051,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: 157,
    service_tier: 'standard',
  },
};

/** An older response without cache fields (`null` where caching was not used). */
export const messageWithoutCache = {
  id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
  type: 'message',
  role: 'assistant',
  model: 'claude-3-5-haiku-20241022',
  content: [{ type: 'text', text: 'Hello!' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: {
    input_tokens: 12,
    cache_creation_input_tokens: null,
    cache_read_input_tokens: null,
    output_tokens: 6,
  },
};
