// A stand-in for the model behind the assistant: canned answers, token counts in proportion to
// the text (about four characters a token), and a realistic delay. Nothing leaves the browser.

/** The models the chat can pick, with their provider and typical speed in ms. */
export const MODELS = [
  { model: 'gpt-4o', provider: 'openai', label: 'GPT-4o', speed: 1400 },
  { model: 'gpt-4o-mini', provider: 'openai', label: 'GPT-4o mini', speed: 700 },
  { model: 'claude-sonnet-4', provider: 'anthropic', label: 'Claude Sonnet 4', speed: 1600 },
];

/** The instructions sent with every call, counted as (cached) input. */
const SYSTEM_PROMPT_TOKENS = 420;
/** One call in this many fails, so the error rate and the retry path have something to show. */
const FAILURE_ONE_IN = 15;

const ANSWERS = [
  [
    /meeting|agenda|prep/i,
    'Here is a short agenda: 1) goals for the week, 2) blockers, 3) owners and dates. I added the open tickets from last sprint as context.',
  ],
  [
    /email|reply|draft/i,
    'Draft: "Hi team, thanks for the quick turnaround. The release moves to Thursday so QA has a full day; I will confirm the rollout window tomorrow."',
  ],
  [
    /summar|tl;?dr|recap/i,
    'Summary: the migration is on track, two risks remain (the billing export and the staging quota), and the decision on pricing tiers waits for Friday.',
  ],
  [
    /research|compare|market/i,
    'Three options stand out. The first is cheapest at scale, the second has the best latency in Europe, the third is the only one with on-premise support.',
  ],
  [
    /doc|spec|write/i,
    'I can turn this into a one-page spec: problem, goals, non-goals, proposal, open questions. Use "Make a document" under this answer.',
  ],
];

const FALLBACK =
  "Good question. Based on your team's recent threads, I would start with the smallest change that can be measured, then review the numbers on Friday.";

/** Tokens of a text: about four characters each. */
export function tokensOf(text) {
  return Math.max(1, Math.ceil(text.length / 4));
}

/**
 * Answers a message after a delay that depends on the model and the length of the answer.
 * Rejects now and then with a `timeout`, as real providers do.
 *
 * @param {string} message
 * @param {{ model: string, speed: number }} model
 * @param {number} historyTokens tokens of the conversation so far (sent again as context)
 * @returns {Promise<{ text: string, tokens: { input: number, output: number, cachedInput: number } }>}
 */
export async function answer(message, model, historyTokens) {
  const text = ANSWERS.find(([pattern]) => pattern.test(message))?.[1] ?? FALLBACK;
  const output = tokensOf(text);
  await sleep(model.speed * (0.6 + Math.random() * 0.8) + output * 4);
  if (Math.floor(Math.random() * FAILURE_ONE_IN) === 0) {
    throw Object.assign(new Error('the model did not answer in time'), { name: 'TimeoutError' });
  }
  // The system prompt and the earlier turns are served from the provider's prompt cache.
  const cachedInput = historyTokens > 0 ? SYSTEM_PROMPT_TOKENS + historyTokens : 0;
  return {
    text,
    tokens: {
      input: SYSTEM_PROMPT_TOKENS + historyTokens + tokensOf(message),
      output,
      cachedInput,
    },
  };
}

/**
 * Turns an answer into a document (a title and sections), taking a little longer.
 *
 * @param {string} source
 * @returns {Promise<{ title: string, body: string }>}
 */
export async function writeDocument(source) {
  await sleep(900 + Math.random() * 900);
  const title = source.split(/[.:]/)[0].slice(0, 60) || 'Untitled';
  return {
    title,
    body: `# ${title}\n\n## Context\n${source}\n\n## Next steps\n- Review on Friday`,
  };
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
