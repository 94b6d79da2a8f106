import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as aiSdk from '../src/__fixtures__/ai-sdk.js';
import * as anthropic from '../src/__fixtures__/anthropic.js';
import * as gemini from '../src/__fixtures__/gemini.js';
import * as openai from '../src/__fixtures__/openai.js';
import * as otel from '../src/__fixtures__/opentelemetry.js';
import { createTracker } from '../src/index.js';
import { readCompletion } from '../src/read-completion.js';
import { startCollector } from '../test-support/collector.mjs';

// Expected buckets follow the GenAI convention: input includes cached and cache-write tokens,
// output includes reasoning tokens. Each is worked out by hand from the fixture.
const cases: [string, unknown, ReturnType<typeof readCompletion>][] = [
  [
    'OpenAI chat completion with a cache hit',
    openai.chatCompletion,
    {
      model: 'gpt-4o-2024-08-06',
      provider: 'openai',
      tokens: { input: 1117, output: 46, cachedInput: 1024, reasoning: 0 },
    },
  ],
  [
    'OpenAI chat completion of a reasoning model',
    openai.reasoningChatCompletion,
    {
      model: 'o3-mini-2025-01-31',
      provider: 'openai',
      tokens: { input: 75, output: 1186, cachedInput: 0, reasoning: 1024 },
    },
  ],
  [
    'OpenAI streamed usage chunk',
    openai.chatCompletionUsageChunk,
    { model: 'gpt-4o-mini-2024-07-18', provider: 'openai', tokens: { input: 9, output: 12 } },
  ],
  [
    'OpenAI Responses API',
    openai.response,
    {
      model: 'o4-mini-2025-04-16',
      provider: 'openai',
      tokens: { input: 2036, output: 615, cachedInput: 1920, reasoning: 448 },
    },
  ],
  [
    'Anthropic message writing the cache (input_tokens + cache writes)',
    anthropic.messageWritingCache,
    {
      model: 'claude-sonnet-4-20250514',
      provider: 'anthropic',
      tokens: { input: 2072, output: 393, cachedInput: 0, cacheWrite: 2051 },
    },
  ],
  [
    'Anthropic message reading the cache (input_tokens + cache reads)',
    anthropic.messageReadingCache,
    {
      model: 'claude-sonnet-4-20250514',
      provider: 'anthropic',
      tokens: { input: 2065, output: 157, cachedInput: 2051, cacheWrite: 0 },
    },
  ],
  [
    'Anthropic message with null cache fields',
    anthropic.messageWithoutCache,
    { model: 'claude-3-5-haiku-20241022', provider: 'anthropic', tokens: { input: 12, output: 6 } },
  ],
  [
    'Gemini thinking model (candidates + thoughts)',
    gemini.thinkingResponse,
    {
      model: 'gemini-2.5-flash',
      provider: 'google',
      tokens: { input: 11, output: 1050, reasoning: 919 },
    },
  ],
  [
    'Gemini with a context cache and a tool prompt',
    gemini.cachedResponse,
    {
      model: 'gemini-2.5-pro',
      provider: 'google',
      tokens: { input: 4360, output: 88, cachedInput: 4096 },
    },
  ],
  [
    'AI SDK 5 generateText, OpenAI provider',
    aiSdk.generateTextV5OpenAi,
    {
      model: 'gpt-4o-2024-08-06',
      provider: 'openai',
      tokens: { input: 1117, output: 46, cachedInput: 1024, reasoning: 0 },
    },
  ],
  [
    'AI SDK 5 generateText, Anthropic provider (cache outside inputTokens)',
    aiSdk.generateTextV5Anthropic,
    {
      model: 'claude-sonnet-4-20250514',
      provider: 'anthropic',
      tokens: { input: 2072, output: 393, cachedInput: 0, cacheWrite: 2051 },
    },
  ],
  [
    'AI SDK 5 generateText, Google provider (thoughts outside outputTokens)',
    aiSdk.generateTextV5Google,
    {
      model: 'gemini-2.5-flash',
      provider: 'google',
      tokens: { input: 11, output: 1050, reasoning: 919 },
    },
  ],
  [
    'AI SDK 6 generateText (totalUsage of all steps)',
    aiSdk.generateTextV6,
    {
      model: 'claude-sonnet-4-5',
      provider: 'anthropic',
      tokens: { input: 4144, output: 612, cachedInput: 2051, cacheWrite: 2051, reasoning: 112 },
    },
  ],
  [
    'AI SDK 4 generateText',
    aiSdk.generateTextV4,
    { model: 'gpt-4o-mini-2024-07-18', provider: 'openai', tokens: { input: 12, output: 30 } },
  ],
  [
    'AI SDK streamText onFinish event',
    aiSdk.onFinishEvent,
    {
      model: 'gpt-4o-mini-2024-07-18',
      provider: 'openai',
      tokens: { input: 19, output: 30, cachedInput: 10 },
    },
  ],
  [
    'OpenTelemetry GenAI span attributes',
    otel.chatSpanAttributes,
    {
      model: 'gpt-4o-2024-08-06',
      provider: 'openai',
      tokens: { input: 1117, output: 46, cachedInput: 1024, cacheWrite: 0 },
    },
  ],
  [
    'OpenTelemetry span with the older gen_ai.system',
    otel.legacySpan,
    {
      model: 'claude-3-5-haiku-20241022',
      provider: 'anthropic',
      tokens: { input: 320, output: 80 },
    },
  ],
];

describe('readCompletion', () => {
  for (const [label, result, expected] of cases) {
    it(`reads ${label}`, () => {
      assert.deepEqual(readCompletion(result), expected);
    });
  }

  it('finds nothing in a value that is not a model result', () => {
    for (const value of [null, undefined, 42, 'text', {}, { usage: { input_tokens: -1 } }]) {
      assert.deepEqual(readCompletion(value), {});
    }
  });

  it('keeps the GenAI invariants when a result breaks them', () => {
    const { tokens } = readCompletion({
      usage: { inputTokens: 5, cachedInputTokens: 9, outputTokens: 1, reasoningTokens: 3 },
    });
    assert.deepEqual(tokens, { input: 9, output: 3, cachedInput: 9, reasoning: 3 });
  });
});

describe('recordCompletion', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;

  before(async () => {
    collector = await startCollector();
  });
  after(async () => {
    await collector.close();
  });

  it('sends one valid event per client result shape', async () => {
    collector.reset();
    const tally = createTracker({
      endpoint: collector.url,
      writeKey: collector.writeKey,
      onError: (error) => assert.fail(error.message),
    });
    const ids = await Promise.all(
      cases.map(([, result]) =>
        tally.recordCompletion(result, { name: 'chat.completion', category: 'chat' }),
      ),
    );
    await tally.shutdown({ timeoutMs: 2000 });
    const stored = collector.events();
    assert.equal(stored.length, cases.length);
    for (const [index, [label, , expected]] of cases.entries()) {
      const event = stored.find((candidate) => candidate.id === ids[index])!;
      assert.deepEqual(
        { model: event.model, provider: event.provider, tokens: event.tokens },
        expected,
        label,
      );
      assert.equal(event.category, 'chat');
    }
  });

  it('awaits the usage of a streaming result before recording it', async () => {
    collector.reset();
    const tally = createTracker({ endpoint: collector.url, writeKey: collector.writeKey });
    await tally.recordCompletion(aiSdk.streamTextV5(), { name: 'chat.stream' });
    await tally.shutdown();
    const [event] = collector.events();
    assert.equal(event.name, 'chat.stream');
    assert.equal(event.model, 'gpt-4o-mini-2024-07-18');
    assert.deepEqual(event.tokens, { input: 19, output: 30, reasoning: 8 });
  });
});
