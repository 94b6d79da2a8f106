// Result shapes of the Gemini API `generateContent` (`@google/genai` returns the same fields).
// `candidatesTokenCount` leaves out thinking tokens (`thoughtsTokenCount`); `promptTokenCount`
// includes cached content (`cachedContentTokenCount`).

/** A thinking model's answer. */
export const thinkingResponse = {
  candidates: [
    {
      content: { parts: [{ text: 'The answer is 42.' }], role: 'model' },
      finishReason: 'STOP',
      index: 0,
    },
  ],
  usageMetadata: {
    promptTokenCount: 11,
    candidatesTokenCount: 131,
    totalTokenCount: 1061,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: 11 }],
    thoughtsTokenCount: 919,
  },
  modelVersion: 'gemini-2.5-flash',
  responseId: 'qG1WaOzSF4Wd1dkP8aCt2Aw',
};

/** An answer that used a context cache and a tool result. */
export const cachedResponse = {
  candidates: [
    {
      content: { parts: [{ text: 'According to the report...' }], role: 'model' },
      finishReason: 'STOP',
      index: 0,
    },
  ],
  usageMetadata: {
    promptTokenCount: 4210,
    cachedContentTokenCount: 4096,
    toolUsePromptTokenCount: 150,
    candidatesTokenCount: 88,
    totalTokenCount: 4448,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: 4210 }],
    cacheTokensDetails: [{ modality: 'TEXT', tokenCount: 4096 }],
  },
  modelVersion: 'gemini-2.5-pro',
  responseId: 'mH1WaKzLBqS_1dkPxbG3iAE',
};
