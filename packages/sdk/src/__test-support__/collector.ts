import { executeServerCommand } from '@web/test-runner-commands';

/** What the test collector counted (see test-support/collector.mjs). */
export interface CollectorStats {
  requests: number;
  beacons: number;
  received: number;
  stored: number;
  duplicates: number;
  batchSizes: number[];
  statuses: number[];
  times: number[];
  users: { id: string; name?: string; email?: string }[];
}

/** A scripted answer of the collector. */
export interface Fault {
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  times?: number;
}

const command = <T>(action: string, value?: unknown) =>
  executeServerCommand<T, { action: string; value?: unknown }>('tally-collector', {
    action,
    value,
  }) as Promise<T>;

let counter = 0;

/**
 * Controls of the test collector the wtr plugin runs for the whole test run. Each test starts
 * with `fresh()`: a reset collector that counts only the new write key, so each test also gets
 * its own queue database and lock.
 */
export const collector = {
  /** Resets the collector and returns its URL and a write key of its own for this test. */
  async fresh(): Promise<{ endpoint: string; writeKey: string }> {
    const { url, writeKey } = await command<{ url: string; writeKey: string }>('url');
    counter += 1;
    const key = `${writeKey}_${Date.now()}_${counter}`;
    await command('reset', key);
    return { endpoint: url, writeKey: key };
  },
  stats: () => command<CollectorStats>('stats'),
  events: () => command<{ id: string; name: string; [field: string]: unknown }[]>('events'),
  faults: (faults: Fault[]) => command('faults', faults),
  maxBatch: (size: number | undefined) => command('maxBatch', size),
  rejectNames: (names: string[]) => command('rejectNames', names),
};

/**
 * Takes the test page (and its frames) offline for `forMs`. Offline cuts the test runner's own
 * link too, so server commands wait until the page is back online.
 */
export const goOffline = (forMs: number) => executeServerCommand('tally-network', { forMs });

/** Resolves once `check` returns true, polling; rejects with `message` after `timeoutMs`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  message: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until the collector stored `count` distinct events; returns its stats. */
export async function waitForStored(count: number, timeoutMs = 10_000): Promise<CollectorStats> {
  let stats = await collector.stats();
  await waitFor(
    async () => (stats = await collector.stats()).stored >= count,
    `collector stored ${count} events (has ${stats.stored})`,
    timeoutMs,
  );
  return stats;
}

/** Pauses for `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
