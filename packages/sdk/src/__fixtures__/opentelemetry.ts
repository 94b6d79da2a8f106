// OpenTelemetry GenAI semantic conventions: the attributes of a model-call span.

/** Current conventions (`gen_ai.provider.name`, cache and reasoning breakdowns). */
export const chatSpanAttributes = {
  'gen_ai.operation.name': 'chat',
  'gen_ai.provider.name': 'openai',
  'gen_ai.request.model': 'gpt-4o',
  'gen_ai.response.model': 'gpt-4o-2024-08-06',
  'gen_ai.response.id': 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
  'gen_ai.response.finish_reasons': ['stop'],
  'gen_ai.usage.input_tokens': 1117,
  'gen_ai.usage.output_tokens': 46,
  'gen_ai.usage.cache_read.input_tokens': 1024,
  'gen_ai.usage.cache_creation.input_tokens': 0,
  'server.address': 'api.openai.com',
};

/** A span as exported (`ReadableSpan`-like), with the older `gen_ai.system` attribute. */
export const legacySpan = {
  name: 'chat claude-3-5-haiku',
  kind: 2,
  attributes: {
    'gen_ai.system': 'anthropic',
    'gen_ai.operation.name': 'chat',
    'gen_ai.request.model': 'claude-3-5-haiku-latest',
    'gen_ai.response.model': 'claude-3-5-haiku-20241022',
    'gen_ai.usage.input_tokens': 320,
    'gen_ai.usage.output_tokens': 80,
  },
};
