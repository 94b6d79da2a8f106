// Result shapes of the OpenAI API as its Node client returns them (documented examples).

/** Chat Completions: `openai.chat.completions.create(...)`, with a prompt-cache hit. */
export const chatCompletion = {
  id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
  object: 'chat.completion',
  created: 1741570283,
  model: 'gpt-4o-2024-08-06',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: 'The image shows a wooden boardwalk extending through a lush green marshland.',
        refusal: null,
        annotations: [],
      },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
  usage: {
    prompt_tokens: 1117,
    completion_tokens: 46,
    total_tokens: 1163,
    prompt_tokens_details: { cached_tokens: 1024, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  },
  service_tier: 'default',
  system_fingerprint: 'fp_fc9f1d7035',
};

/** Chat Completions with a reasoning model: reasoning tokens are part of completion_tokens. */
export const reasoningChatCompletion = {
  id: 'chatcmpl-AYQ1uNa6CGr4F7sDcN1l0pWvmR9Cz',
  object: 'chat.completion',
  created: 1732860000,
  model: 'o3-mini-2025-01-31',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: '42', refusal: null, annotations: [] },
      finish_reason: 'stop',
    },
  ],
  usage: {
    prompt_tokens: 75,
    completion_tokens: 1186,
    total_tokens: 1261,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 1024,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  },
  service_tier: 'default',
  system_fingerprint: 'fp_ef58bd3122',
};

/** The last chunk of a stream with `stream_options: { include_usage: true }`. */
export const chatCompletionUsageChunk = {
  id: 'chatcmpl-123',
  object: 'chat.completion.chunk',
  created: 1694268190,
  model: 'gpt-4o-mini-2024-07-18',
  system_fingerprint: 'fp_44709d6fcb',
  choices: [],
  usage: { prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 },
};

/** Responses API: `openai.responses.create(...)` with a reasoning model. */
export const response = {
  id: 'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b',
  object: 'response',
  created_at: 1741476542,
  status: 'completed',
  error: null,
  incomplete_details: null,
  instructions: null,
  max_output_tokens: null,
  model: 'o4-mini-2025-04-16',
  output: [
    { type: 'reasoning', id: 'rs_6820f383d7c08191846711c5df8233bc', summary: [] },
    {
      type: 'message',
      id: 'msg_67ccd2bf17f0819081ff3bb2cf6508e6',
      status: 'completed',
      role: 'assistant',
      content: [
        {
          type: 'output_text',
          text: 'In a peaceful grove beneath a silver moon...',
          annotations: [],
        },
      ],
    },
  ],
  parallel_tool_calls: true,
  previous_response_id: null,
  reasoning: { effort: 'medium', summary: null },
  store: true,
  temperature: 1.0,
  tool_choice: 'auto',
  tools: [],
  top_p: 1.0,
  truncation: 'disabled',
  usage: {
    input_tokens: 2036,
    input_tokens_details: { cached_tokens: 1920 },
    output_tokens: 615,
    output_tokens_details: { reasoning_tokens: 448 },
    total_tokens: 2651,
  },
  user: null,
  metadata: {},
};
