/**
 * The analytics tenant of the test server (`tally-server-plugin.mjs`): wire events for the agent
 * and credit analytics pages, made by fixed formulas from the index so a test can recount every
 * figure with plain arithmetic. Four agents on four models of three providers, five users in
 * bursts of work (sessions), every ninth call an error, app-supplied cost in whole cents,
 * credits left to the tenant's multipliers, ratings on every fourth call, nightly system work,
 * and queue-depth gauge readings in the last hour.
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** The tenant id, its keys and its settings (credits by model multiplier, a plan, a budget). */
export const ANALYTICS_TENANT = {
  id: 'globex',
  writeKey: 'tly_pub_widgets_write_key_0002',
  secretKey: 'tly_sec_widgets_secret_key_0002',
  settings: {
    timezone: 'UTC',
    credits: { multipliers: { 'gpt-4o': 2, 'gpt-4o-mini': 0.5, 'gemini-flash': 0.5 } },
    planCredits: 400,
    additionalCredits: 100,
    budget: { measure: 'credits', limit: 500, period: 'month' },
    categories: [{ id: 'chat' }, { id: 'documents' }, { id: 'research' }, { id: 'code' }],
  },
};

/** The analytics roster: five users, all licensed. */
export const ANALYTICS_ROSTER = [
  { id: 'u-ana', name: 'Ana Lima', email: 'ana@example.com', licensed: true, active: true },
  { id: 'u-ben', name: 'Ben Okafor', email: 'ben@example.com', licensed: true, active: true },
  { id: 'u-cai', name: 'Cai Wen', licensed: true, active: true },
  { id: 'u-dia', name: 'Dia Moreno', licensed: true, active: true },
  { id: 'u-eli', name: 'Eli Novak', licensed: true, active: true },
];

const AGENTS = [
  { agent: 'support-bot', model: 'gpt-4o', provider: 'openai' },
  { agent: 'research-agent', model: 'claude-sonnet', provider: 'anthropic' },
  { agent: 'sales-bot', model: 'gpt-4o-mini', provider: 'openai' },
  { agent: 'code-agent', model: 'gemini-flash', provider: 'google' },
];

const WORK = [
  { name: 'chat.message', category: 'chat' },
  { name: 'doc.generate', category: 'documents' },
  { name: 'research.run', category: 'research' },
  { name: 'code.review', category: 'code' },
];

/** User calls: 20 bursts of 12, one burst every 5.5 hours, calls 3.5 minutes apart. */
const CALLS = 240;

/**
 * The tenant's events, all before `start` (epoch ms) and within the 5 days before it: user
 * calls, 10 nightly `digest.send` system runs and 6 `queue.depth` gauge readings.
 */
export function analyticsEvents(start) {
  const events = [];
  for (let index = 0; index < CALLS; index += 1) {
    const burst = Math.floor(index / 12);
    const who = AGENTS[(index * 7 + burst) % AGENTS.length];
    const work = WORK[(index + burst) % WORK.length];
    const failed = index % 9 === 4;
    events.push({
      id: `ga-${String(index).padStart(4, '0')}`,
      ...work,
      timestamp: start - 20 * MINUTE - burst * 5.5 * HOUR - (index % 12) * 3.5 * MINUTE,
      userId: ANALYTICS_ROSTER[index % ANALYTICS_ROSTER.length].id,
      actor: 'user',
      ...who,
      sessionId: `gs-${burst}-${index % ANALYTICS_ROSTER.length}`,
      conversationId: `gc-${burst}-${index % 3}`,
      status: failed ? 'error' : 'ok',
      ...(failed ? { errorType: 'timeout' } : {}),
      latencyMs: 150 + ((index * 37) % 20) * 45,
      tokens: { input: 200 + ((index * 13) % 50) * 10, output: 50 + ((index * 7) % 30) * 5 },
      costUsd: (1 + (index % 5)) / 100,
      ...(index % 4 === 0 ? { rating: 3 + (index % 3) } : {}),
    });
  }
  for (let index = 0; index < 10; index += 1) {
    events.push({
      id: `gd-${index}`,
      name: 'digest.send',
      timestamp: start - 2 * HOUR - index * 11 * HOUR,
      actor: 'system',
      agent: 'nightly-digest',
      category: 'documents',
      model: 'gpt-4o-mini',
      provider: 'openai',
      status: 'ok',
      latencyMs: 900,
      tokens: { input: 1500, output: 300 },
      costUsd: 0.02,
    });
  }
  for (let index = 0; index < 6; index += 1) {
    events.push({
      id: `gq-${index}`,
      name: 'queue.depth',
      timestamp: start - 5 * MINUTE - index * 9 * MINUTE,
      actor: 'system',
      value: [4, 9, 15, 7, 3, 11][index],
    });
  }
  return events;
}
