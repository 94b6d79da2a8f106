import { LocalSource } from '../../data/local-source.js';

/** The fixture's clock: 23 November 2026, noon UTC. */
export const NOW = Date.UTC(2026, 10, 23, 12);
const HOUR = 3_600_000;

/** One call of the fixture, as the app reports it (cost and credits supplied by the app). */
export interface AgentCall {
  id: string;
  name: string;
  timestamp: number;
  userId: string;
  agent: string;
  model: string;
  provider: string;
  status: 'ok' | 'error';
  latencyMs: number;
  tokens: { input: number; output: number };
  costUsd: number;
  credits: number;
}

const AGENTS = [
  { agent: 'support-bot', model: 'gpt-4o', provider: 'openai' },
  { agent: 'research-agent', model: 'claude-sonnet', provider: 'anthropic' },
  { agent: 'sales-bot', model: 'gpt-4o-mini', provider: 'openai' },
];

/**
 * 120 calls over the 20 days before {@link NOW} (all in November), spread over three agents and
 * five users by fixed formulas, every seventh an error, with app-supplied cost in whole cents.
 */
export function agentCalls(): AgentCall[] {
  return Array.from({ length: 120 }, (_, index) => {
    const who = AGENTS[index % 3 === 0 ? 0 : index % 5 === 0 ? 2 : index % 3];
    return {
      id: `call-${index}`,
      name: index % 4 === 0 ? 'doc.generate' : 'chat.message',
      timestamp: NOW - 2 * HOUR - index * 4 * HOUR,
      userId: `user-${index % 5}`,
      ...who,
      status: index % 7 === 0 ? 'error' : 'ok',
      latencyMs: 200 + (index % 10) * 100,
      tokens: { input: 100 + index * 3, output: 40 + (index % 6) * 10 },
      costUsd: (1 + (index % 4)) / 100,
      credits: 1 + (index % 3),
    };
  });
}

/** A source over the calls, at {@link NOW}, in UTC. */
export function agentSource(calls: readonly AgentCall[] = agentCalls()): LocalSource {
  return new LocalSource({ events: calls, settings: { timezone: 'UTC' }, now: () => NOW });
}
