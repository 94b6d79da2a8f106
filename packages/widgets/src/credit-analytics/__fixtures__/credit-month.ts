import type { TenantSettings } from '@tally/core';
import { LocalSource } from '../../data/local-source.js';

/** The fixture's clock: Monday 23 November 2026, noon UTC. */
export const CREDIT_NOW = Date.UTC(2026, 10, 23, 12);

/** 2× gpt-4o, 0.5× gpt-4o-mini, claude-sonnet 1×; 20 plan credits, 5 bought, a 16-credit month. */
export const CREDIT_SETTINGS: TenantSettings = {
  timezone: 'UTC',
  credits: { multipliers: { 'gpt-4o': 2, 'gpt-4o-mini': 0.5 } },
  planCredits: 20,
  additionalCredits: 5,
  budget: { measure: 'credits', limit: 16, period: 'month' },
};

const PROVIDERS: Readonly<Record<string, string>> = {
  'gpt-4o': 'openai',
  'gpt-4o-mini': 'openai',
  'claude-sonnet': 'anthropic',
};

function prompt(
  id: string,
  day: number,
  hour: number,
  minute: number,
  userId: string,
  model: string,
  name: string,
  status: 'ok' | 'error',
  latencyMs: number,
  rating?: number,
) {
  return {
    id,
    name,
    timestamp: Date.UTC(2026, 10, day, hour, minute),
    userId,
    model,
    provider: PROVIDERS[model],
    status,
    latencyMs,
    ...(rating === undefined ? {} : { rating }),
  };
}

/**
 * Eleven prompts in November, credits left to the tenant's rules (1 × the model's multiplier):
 *
 * | id  | day (weekday) | time  | user | model         | name         | status | latency | rating | credits |
 * |-----|---------------|-------|------|---------------|--------------|--------|---------|--------|---------|
 * | c1  | 2 (Mon)       | 10:00 | ann  | gpt-4o        | chat.message | ok     | 1000    | 5      | 2       |
 * | c2  | 2 (Mon)       | 10:10 | ann  | gpt-4o        | chat.message | ok     | 1200    | 4      | 2       |
 * | c3  | 3 (Tue)       | 14:00 | ann  | gpt-4o-mini   | chat.message | ok     | 400     | 5      | 0.5     |
 * | c4  | 9 (Mon)       | 09:30 | bob  | claude-sonnet | doc.generate | ok     | 800     | 4      | 1       |
 * | c5  | 9 (Mon)       | 09:40 | bob  | claude-sonnet | doc.generate | error  | 1600    | —      | 1       |
 * | c6  | 14 (Sat)      | 11:00 | bob  | gpt-4o        | doc.generate | ok     | 2000    | 4      | 2       |
 * | c7  | 16 (Mon)      | 20:00 | cy   | gpt-4o-mini   | chat.message | ok     | 300     | 4      | 0.5     |
 * | c8  | 17 (Tue)      | 10:00 | cy   | gpt-4o-mini   | chat.message | ok     | 500     | 5      | 0.5     |
 * | c9  | 21 (Sat)      | 15:00 | ann  | claude-sonnet | doc.generate | ok     | 700     | —      | 1       |
 * | c10 | 23 (Mon)      | 10:00 | cy   | gpt-4o        | chat.message | ok     | 900     | 5      | 2       |
 * | c11 | 23 (Mon)      | 10:30 | ann  | gpt-4o-mini   | chat.message | ok     | 200     | 4      | 0.5     |
 */
export function creditMonth() {
  return [
    prompt('c1', 2, 10, 0, 'ann', 'gpt-4o', 'chat.message', 'ok', 1000, 5),
    prompt('c2', 2, 10, 10, 'ann', 'gpt-4o', 'chat.message', 'ok', 1200, 4),
    prompt('c3', 3, 14, 0, 'ann', 'gpt-4o-mini', 'chat.message', 'ok', 400, 5),
    prompt('c4', 9, 9, 30, 'bob', 'claude-sonnet', 'doc.generate', 'ok', 800, 4),
    prompt('c5', 9, 9, 40, 'bob', 'claude-sonnet', 'doc.generate', 'error', 1600),
    prompt('c6', 14, 11, 0, 'bob', 'gpt-4o', 'doc.generate', 'ok', 2000, 4),
    prompt('c7', 16, 20, 0, 'cy', 'gpt-4o-mini', 'chat.message', 'ok', 300, 4),
    prompt('c8', 17, 10, 0, 'cy', 'gpt-4o-mini', 'chat.message', 'ok', 500, 5),
    prompt('c9', 21, 15, 0, 'ann', 'claude-sonnet', 'doc.generate', 'ok', 700),
    prompt('c10', 23, 10, 0, 'cy', 'gpt-4o', 'chat.message', 'ok', 900, 5),
    prompt('c11', 23, 10, 30, 'ann', 'gpt-4o-mini', 'chat.message', 'ok', 200, 4),
  ];
}

/** A source over {@link creditMonth}, at {@link CREDIT_NOW}. */
export function creditMonthSource(): LocalSource {
  return new LocalSource({
    events: creditMonth(),
    settings: CREDIT_SETTINGS,
    now: () => CREDIT_NOW,
  });
}
