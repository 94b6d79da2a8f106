// Results of the Vercel AI SDK (`ai`): `generateText` results, `streamText` results (their
// fields are promises) and `onFinish` events. Only the fields the tracker reads, plus enough
// context to recognise them.

const headers = { 'content-type': 'application/json' };

/** AI SDK 5 `generateText` with the OpenAI provider. */
export const generateTextV5OpenAi = {
  text: 'Vegetarian lasagna with spinach and ricotta.',
  finishReason: 'stop',
  usage: {
    inputTokens: 1117,
    outputTokens: 46,
    totalTokens: 1163,
    reasoningTokens: 0,
    cachedInputTokens: 1024,
  },
  totalUsage: {
    inputTokens: 1117,
    outputTokens: 46,
    totalTokens: 1163,
    reasoningTokens: 0,
    cachedInputTokens: 1024,
  },
  response: {
    id: 'chatcmpl-B9MHD',
    timestamp: new Date('2026-01-15T09:30:00Z'),
    modelId: 'gpt-4o-2024-08-06',
    headers,
  },
  providerMetadata: { openai: { reasoningTokens: 0, cachedPromptTokens: 1024 } },
  warnings: [],
};

/**
 * AI SDK 5 `generateText` with the Anthropic provider: `inputTokens` is Anthropic's
 * `input_tokens` (no cache reads or writes); the cache write is only in the provider metadata.
 */
export const generateTextV5Anthropic = {
  text: 'Here is a summary...',
  finishReason: 'stop',
  usage: { inputTokens: 21, outputTokens: 393, totalTokens: 414, cachedInputTokens: 0 },
  totalUsage: { inputTokens: 21, outputTokens: 393, totalTokens: 414, cachedInputTokens: 0 },
  response: {
    id: 'msg_013Zva2C',
    timestamp: new Date('2026-01-15T09:30:00Z'),
    modelId: 'claude-sonnet-4-20250514',
    headers,
  },
  providerMetadata: { anthropic: { cacheCreationInputTokens: 2051 } },
  warnings: [],
};

/** AI SDK 5 `generateText` with the Google provider: `outputTokens` leaves out the thoughts. */
export const generateTextV5Google = {
  text: 'The answer is 42.',
  finishReason: 'stop',
  usage: { inputTokens: 11, outputTokens: 131, totalTokens: 1061, reasoningTokens: 919 },
  totalUsage: { inputTokens: 11, outputTokens: 131, totalTokens: 1061, reasoningTokens: 919 },
  response: {
    id: 'qG1WaOzSF4Wd',
    timestamp: new Date('2026-01-15T09:30:00Z'),
    modelId: 'gemini-2.5-flash',
    headers,
  },
  providerMetadata: { google: { groundingMetadata: null, safetyRatings: null } },
  warnings: [],
};

/** AI SDK 6 `generateText`: totals with their details, whatever the provider. */
export const generateTextV6 = {
  text: 'Here is a summary...',
  finishReason: 'stop',
  usage: {
    inputTokens: 2072,
    inputTokenDetails: { noCacheTokens: 21, cacheReadTokens: 0, cacheWriteTokens: 2051 },
    outputTokens: 393,
    outputTokenDetails: { textTokens: 393, reasoningTokens: 0 },
    totalTokens: 2465,
  },
  totalUsage: {
    inputTokens: 4144,
    inputTokenDetails: { noCacheTokens: 42, cacheReadTokens: 2051, cacheWriteTokens: 2051 },
    outputTokens: 612,
    outputTokenDetails: { textTokens: 500, reasoningTokens: 112 },
    totalTokens: 4756,
  },
  response: {
    id: 'msg_01HCD',
    timestamp: new Date('2026-01-15T09:30:00Z'),
    modelId: 'claude-sonnet-4-5',
    headers,
  },
  providerMetadata: { anthropic: { cacheCreationInputTokens: 2051 } },
  warnings: [],
};

/** AI SDK 4 `generateText`: prompt and completion tokens only. */
export const generateTextV4 = {
  text: 'Hello!',
  finishReason: 'stop',
  usage: { promptTokens: 12, completionTokens: 30, totalTokens: 42 },
  response: {
    id: 'chatcmpl-AB12',
    timestamp: new Date('2025-03-01T12:00:00Z'),
    modelId: 'gpt-4o-mini-2024-07-18',
    headers,
  },
  providerMetadata: { openai: {} },
};

/** AI SDK 5 `streamText`: usage, response and metadata are promises settled by the stream. */
export function streamTextV5() {
  return {
    textStream: (async function* () {
      yield 'Hello';
    })(),
    usage: Promise.resolve({ inputTokens: 9, outputTokens: 12, totalTokens: 21 }),
    totalUsage: Promise.resolve({
      inputTokens: 19,
      outputTokens: 30,
      totalTokens: 49,
      reasoningTokens: 8,
    }),
    response: Promise.resolve({
      id: 'chatcmpl-123',
      timestamp: new Date(),
      modelId: 'gpt-4o-mini-2024-07-18',
    }),
    providerMetadata: Promise.resolve({ openai: { reasoningTokens: 8 } }),
  };
}

/** The event `streamText`'s `onFinish` receives. */
export const onFinishEvent = {
  text: 'Hello',
  finishReason: 'stop',
  usage: { inputTokens: 9, outputTokens: 12, totalTokens: 21 },
  totalUsage: { inputTokens: 19, outputTokens: 30, totalTokens: 49, cachedInputTokens: 10 },
  response: {
    id: 'chatcmpl-123',
    timestamp: new Date(),
    modelId: 'gpt-4o-mini-2024-07-18',
    messages: [],
  },
  providerMetadata: { openai: { cachedPromptTokens: 10 } },
  steps: [],
};
