import type { TenantSettings } from '@tally/core';
import { LocalSource } from '../../data/local-source.js';

/** The fixture's clock: 23 November 2026, noon UTC. */
export const NOW = Date.UTC(2026, 10, 23, 12);
const HOUR = 3_600_000;

/** The credit multiplier of each model (a model not listed is 1×). */
export const MULTIPLIERS: Readonly<Record<string, number>> = { 'gpt-4o': 2, 'gpt-4o-mini': 0.5 };

/** The tenant: 2× and 0.5× models, 100 plan credits and 20 bought on top. */
export const SETTINGS: TenantSettings = {
  timezone: 'UTC',
  credits: { multipliers: { ...MULTIPLIERS } },
  planCredits: 100,
  additionalCredits: 20,
};

const MODELS = [
  { model: 'gpt-4o', provider: 'openai' },
  { model: 'gpt-4o-mini', provider: 'openai' },
  { model: 'claude-sonnet', provider: 'anthropic' },
];

/** One prompt of the fixture as the app reports it (credits left to the tenant's rules). */
export interface Prompt {
  id: string;
  name: string;
  timestamp: number;
  userId: string;
  model: string;
  provider: string;
  status: 'ok';
  rating: number;
  latencyMs: number;
}

/** 60 successful prompts in November, rated 4, over three models, two event names, four users. */
export function prompts(): Prompt[] {
  return Array.from({ length: 60 }, (_, index) => ({
    id: `p-${index}`,
    name: index % 2 === 0 ? 'chat.message' : 'doc.generate',
    timestamp: NOW - HOUR - index * 7 * HOUR,
    userId: `user-${index % 4}`,
    ...MODELS[index % 3],
    status: 'ok',
    rating: 4,
    latencyMs: 300 + (index % 3) * 200,
  }));
}

/** The credits of one prompt under the tenant's rules (base 1 × the model's multiplier). */
export function creditsOf(prompt: Prompt): number {
  return MULTIPLIERS[prompt.model] ?? 1;
}

/** A source over the prompts, at {@link NOW}. */
export function creditSource(list: readonly Prompt[] = prompts()): LocalSource {
  return new LocalSource({ events: list, settings: SETTINGS, now: () => NOW });
}
