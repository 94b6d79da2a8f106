/** Types of the test collector (collector.mjs). */

/** One scripted answer, used for the next `times` batch requests. */
export interface Fault {
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  times?: number;
}

/** What the collector counted. */
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

/** A stored event: the wire event plus what the collector noted about its batch. */
export type StoredEvent = Record<string, unknown> & {
  id: string;
  name: string;
  receivedSentAt: number;
  beacon: boolean;
};

export interface Collector {
  url: string;
  writeKey: string;
  reset(key?: string): void;
  setFaults(faults: Fault[]): void;
  setMaxBatch(size: number | undefined): void;
  setRejectNames(names: string[]): void;
  stats(): CollectorStats;
  events(): StoredEvent[];
  close(): Promise<void>;
}

export function startCollector(options?: { port?: number; writeKey?: string }): Promise<Collector>;
