import type { TokenUsage } from '@tally/core';

/** What {@link readCompletion} finds in a model client's result. */
export interface CompletionUsage {
  model?: string;
  provider?: string;
  tokens?: TokenUsage;
}

// Result objects of several clients, read defensively: every field may be missing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const count = (value: unknown) =>
  typeof value === 'number' && value >= 0 && Number.isSafeInteger(value) ? value : undefined;
const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/**
 * Reads model, provider and token buckets from the result of a model call: OpenAI chat
 * completions and responses, Anthropic messages, Google Gemini `generateContent`, Vercel AI SDK
 * `generateText` / `streamText` (awaited) results and `onFinish` events, or OpenTelemetry GenAI
 * span attributes (`gen_ai.usage.input_tokens`, ...). Buckets follow the GenAI convention:
 * `input` includes cached and cache-write tokens and `output` includes reasoning tokens, whatever
 * the provider's own convention (Anthropic counts cache reads apart from `input_tokens`, Gemini
 * counts thoughts apart from `candidatesTokenCount`), so nothing is counted twice or missed.
 *
 * @example
 * ```ts
 * readCompletion(await openai.chat.completions.create({ model: 'gpt-4o', messages }));
 * // { model: 'gpt-4o-2024-08-06', provider: 'openai', tokens: { input: 19, output: 10, ... } }
 * ```
 */
export function readCompletion(result: unknown): CompletionUsage {
  const source: Loose = result ?? {};
  const attributes: Loose = source.attributes ?? source;
  const genAi = (key: string): Loose => attributes[`gen_ai.${key}`];
  const usage: Loose = source.totalUsage ?? source.usage ?? source.usageMetadata ?? {};
  const metadata: Loose = source.providerMetadata ?? {};
  const inputDetails: Loose = usage.inputTokenDetails;
  const outputDetails: Loose = usage.outputTokenDetails;
  // Anthropic's input_tokens leaves out cache reads and writes; so does the AI SDK 5 Anthropic
  // provider's inputTokens (which has no inputTokenDetails yet).
  const anthropicCache =
    (count(usage.cache_read_input_tokens) ?? 0) +
    (count(usage.cache_creation_input_tokens) ?? 0) +
    (metadata.anthropic && !inputDetails
      ? (count(usage.cachedInputTokens) ?? 0) +
        (count(metadata.anthropic.cacheCreationInputTokens) ?? 0)
      : 0);
  // Gemini's candidatesTokenCount leaves out thoughts; so does the AI SDK 5 Google provider.
  const geminiThoughts =
    count(usage.thoughtsTokenCount) ??
    (metadata.google && !outputDetails ? count(usage.reasoningTokens) : 0) ??
    0;

  let input = count(
    genAi('usage.input_tokens') ??
      usage.prompt_tokens ??
      usage.input_tokens ??
      usage.inputTokens ??
      usage.promptTokens,
  );
  const promptCount = count(usage.promptTokenCount);
  if (promptCount !== undefined) input = promptCount + (count(usage.toolUsePromptTokenCount) ?? 0);
  let output = count(
    genAi('usage.output_tokens') ??
      usage.completion_tokens ??
      usage.output_tokens ??
      usage.candidatesTokenCount ??
      usage.outputTokens ??
      usage.completionTokens,
  );
  if (input !== undefined) input += anthropicCache;
  if (output !== undefined) output += geminiThoughts;
  const tokens: TokenUsage = {
    input,
    output,
    cachedInput: count(
      genAi('usage.cache_read.input_tokens') ??
        genAi('usage.input_tokens.cached') ??
        usage.prompt_tokens_details?.cached_tokens ??
        usage.input_tokens_details?.cached_tokens ??
        usage.cache_read_input_tokens ??
        usage.cachedContentTokenCount ??
        inputDetails?.cacheReadTokens ??
        usage.cachedInputTokens,
    ),
    cacheWrite: count(
      genAi('usage.cache_creation.input_tokens') ??
        genAi('usage.input_tokens.cache_write') ??
        usage.cache_creation_input_tokens ??
        inputDetails?.cacheWriteTokens ??
        metadata.anthropic?.cacheCreationInputTokens,
    ),
    reasoning: count(
      genAi('usage.reasoning.output_tokens') ??
        genAi('usage.output_tokens.reasoning') ??
        usage.completion_tokens_details?.reasoning_tokens ??
        usage.output_tokens_details?.reasoning_tokens ??
        usage.thoughtsTokenCount ??
        outputDetails?.reasoningTokens ??
        usage.reasoningTokens,
    ),
  };
  // A shape that breaks the convention must not make the whole event invalid.
  const parts = (tokens.cachedInput ?? 0) + (tokens.cacheWrite ?? 0);
  if (parts > (tokens.input ?? 0)) tokens.input = parts;
  if ((tokens.reasoning ?? 0) > (tokens.output ?? 0)) tokens.output = tokens.reasoning;
  for (const key of Object.keys(tokens) as (keyof TokenUsage)[]) {
    if (tokens[key] === undefined) delete tokens[key];
  }

  const completion: CompletionUsage = {};
  const model = text(
    genAi('response.model') ??
      genAi('request.model') ??
      source.modelVersion ??
      source.response?.modelId ??
      source.model,
  );
  const provider = text(
    genAi('provider.name') ??
      genAi('system') ??
      (typeof source.object == 'string'
        ? 'openai'
        : source.type === 'message'
          ? 'anthropic'
          : undefined) ??
      (source.usageMetadata ? 'google' : Object.keys(metadata)[0]),
  );
  if (model) completion.model = model;
  if (provider) completion.provider = provider;
  if (Object.keys(tokens).length) completion.tokens = tokens;
  return completion;
}
