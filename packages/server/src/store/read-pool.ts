import type { DuckDBConnection } from '@duckdb/node-api';
import { TallyError } from '@tally/core';

interface Waiter {
  resolve(connection: DuckDBConnection): void;
  reject(error: unknown): void;
}

/**
 * A fixed set of DuckDB connections for reads. A DuckDB connection runs one statement at a
 * time, so concurrent queries (views ask several at once) each take an idle connection, and
 * wait in order when there is none.
 */
export class ReadPool {
  private readonly idle: DuckDBConnection[];
  private readonly waiting: Waiter[] = [];
  private closed = false;
  private drained: (() => void) | null = null;

  constructor(private readonly connections: readonly DuckDBConnection[]) {
    this.idle = [...connections];
  }

  /** Runs `work` on an idle connection, waiting for one when all are busy. */
  async use<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.acquire();
    try {
      return await work(connection);
    } finally {
      this.release(connection);
    }
  }

  /** Refuses new reads, lets running ones finish, then disconnects every connection. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(closedError());
    if (this.idle.length < this.connections.length) {
      await new Promise<void>((resolve) => (this.drained = resolve));
    }
    for (const connection of this.connections) connection.closeSync();
  }

  private acquire(): Promise<DuckDBConnection> {
    if (this.closed) return Promise.reject(closedError());
    const connection = this.idle.pop();
    if (connection !== undefined) return Promise.resolve(connection);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(connection: DuckDBConnection): void {
    const next = this.waiting.shift();
    if (next !== undefined) {
      next.resolve(connection);
      return;
    }
    this.idle.push(connection);
    if (this.drained !== null && this.idle.length === this.connections.length) this.drained();
  }
}

/** The error every operation on a closed store gives. */
export function closedError(): TallyError {
  return new TallyError('store: the store is closed', { code: 'store_closed' });
}
