import { LocalSource } from '../../data/local-source.js';

/** The fixture's clock: Monday 23 November 2026, noon UTC. The page's month is 1–23 November. */
export const MONTH_NOW = Date.UTC(2026, 10, 23, 12);

function at(month: number, day: number, hour: number, minute: number, second = 0): number {
  return Date.UTC(2026, month - 1, day, hour, minute, second);
}

const SUPPORT = { agent: 'support', model: 'gpt-4o', provider: 'openai', name: 'chat.message' };
const RESEARCH = {
  agent: 'research',
  model: 'claude-sonnet',
  provider: 'anthropic',
  name: 'doc.generate',
};
const SALES = { agent: 'sales', model: 'gpt-4o-mini', provider: 'openai', name: 'chat.message' };

type Who = typeof SUPPORT;

function call(
  id: string,
  who: Who,
  timestamp: number,
  userId: string,
  status: 'ok' | 'error',
  latencyMs: number,
  input: number,
  output: number,
  costUsd: number,
  credits: number,
) {
  return {
    id,
    ...who,
    timestamp,
    userId,
    status,
    latencyMs,
    tokens: { input, output },
    costUsd,
    credits,
  };
}

/**
 * Sixteen events small enough to add up by hand (the tests spell out the sums):
 *
 * | id | agent    | when (UTC)        | user | status | latency | in / out  | cost  |
 * |----|----------|-------------------|------|--------|---------|-----------|-------|
 * | s1 | support  | Nov 23 11:58      | u1   | ok     | 400     | 100 / 50  | 0.10  |
 * | s2 | support  | Nov 23 11:59      | u1   | error  | 600     | 100 / 0   | 0.05  |
 * | s3 | support  | Nov 23 10:00      | u2   | ok     | 200     | 200 / 100 | 0.20  |
 * | s4 | support  | Nov 20 10:10      | u2   | ok     | 400     | 100 / 100 | 0.10  |
 * | s5 | support  | Nov 10 14:00      | u3   | ok     | 1000    | 300 / 100 | 0.30  |
 * | r1 | research | Nov 23 11:57      | u1   | ok     | 800     | 400 / 200 | 0.40  |
 * | r2 | research | Nov 22 14:00      | u2   | ok     | 1200    | 200 / 200 | 0.20  |
 * | r3 | research | Nov 22 14:20      | u2   | error  | 2000    | 100 / 0   | 0.10  |
 * | r4 | research | Nov 5 10:00       | u3   | ok     | 600     | 300 / 300 | 0.30  |
 * | m1 | sales    | Nov 23 10:00:30   | u3   | ok     | 100     | 50 / 50   | 0.01  |
 * | m2 | sales    | Nov 15 14:30      | u1   | ok     | 300     | 50 / 30   | 0.02  |
 * | m3 | sales    | Nov 15 14:38      | u1   | ok     | 200     | 40 / 40   | 0.01  |
 * | g1 | —        | Nov 23 11:00      | —    | —      | —       | —         | —     | queue.depth 7
 * | g2 | —        | Nov 23 11:50      | —    | —      | —       | —         | —     | queue.depth 3
 * | p1 | support  | Oct 20 10:00      | u1   | ok     | 500     | 100 / 50  | 0.10  | (previous period)
 * | p2 | research | Oct 21 10:00      | u2   | ok     | 500     | 100 / 50  | 0.10  | (previous period)
 *
 * support runs on gpt-4o (openai), research on claude-sonnet (anthropic), sales on gpt-4o-mini
 * (openai). Credits: 2 per support call, 3 per research call, 1 per sales call.
 */
export function monthEvents() {
  return [
    call('s1', SUPPORT, at(11, 23, 11, 58), 'u1', 'ok', 400, 100, 50, 0.1, 2),
    call('s2', SUPPORT, at(11, 23, 11, 59), 'u1', 'error', 600, 100, 0, 0.05, 2),
    call('s3', SUPPORT, at(11, 23, 10, 0), 'u2', 'ok', 200, 200, 100, 0.2, 2),
    call('s4', SUPPORT, at(11, 20, 10, 10), 'u2', 'ok', 400, 100, 100, 0.1, 2),
    call('s5', SUPPORT, at(11, 10, 14, 0), 'u3', 'ok', 1000, 300, 100, 0.3, 2),
    call('r1', RESEARCH, at(11, 23, 11, 57), 'u1', 'ok', 800, 400, 200, 0.4, 3),
    call('r2', RESEARCH, at(11, 22, 14, 0), 'u2', 'ok', 1200, 200, 200, 0.2, 3),
    call('r3', RESEARCH, at(11, 22, 14, 20), 'u2', 'error', 2000, 100, 0, 0.1, 3),
    call('r4', RESEARCH, at(11, 5, 10, 0), 'u3', 'ok', 600, 300, 300, 0.3, 3),
    call('m1', SALES, at(11, 23, 10, 0, 30), 'u3', 'ok', 100, 50, 50, 0.01, 1),
    call('m2', SALES, at(11, 15, 14, 30), 'u1', 'ok', 300, 50, 30, 0.02, 1),
    call('m3', SALES, at(11, 15, 14, 38), 'u1', 'ok', 200, 40, 40, 0.01, 1),
    { id: 'g1', name: 'queue.depth', timestamp: at(11, 23, 11, 0), value: 7 },
    { id: 'g2', name: 'queue.depth', timestamp: at(11, 23, 11, 50), value: 3 },
    call('p1', SUPPORT, at(10, 20, 10, 0), 'u1', 'ok', 500, 100, 50, 0.1, 2),
    call('p2', RESEARCH, at(10, 21, 10, 0), 'u2', 'ok', 500, 100, 50, 0.1, 2),
  ];
}

/** A source over {@link monthEvents}, at {@link MONTH_NOW}, in UTC. */
export function monthSource(): LocalSource {
  return new LocalSource({
    events: monthEvents(),
    settings: { timezone: 'UTC' },
    now: () => MONTH_NOW,
  });
}
