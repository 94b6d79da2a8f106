import {
  BIGINT,
  DuckDBInstance,
  LIST,
  listValue,
  type DuckDBConnection,
  type DuckDBMaterializedResult,
} from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import {
  TallyError,
  describeValue,
  fieldError,
  type Engine,
  type RosterUser,
  type StoredEvent,
} from '@tally/core';
import { appendEventRows } from './append-event-rows.js';
import type { SeriesColumns } from './compile-aggregate.js';
import { DuckDbEngine } from './duckdb-engine.js';
import { SEQ_INDEX, toEventRow, toNumber, type EventRow } from './event-row.js';
import { KeySet } from './key-set.js';
import { ReadPool, closedError } from './read-pool.js';
import { applyRosterUpdate, checkRosterUpdates, type RosterUpdate } from './roster-update.js';
import { SCHEMA_STATEMENTS, SCHEMA_VERSION } from './schema.js';
import type { SqlParams } from './sql-params.js';
import {
  countRow,
  emptyTenantStats,
  mergeTenantStats,
  parseTenantStats,
  type TenantStats,
} from './tenant-stats.js';
import type { InsertResult, Store } from './types.js';

/** Options of {@link DuckDbStore.open}. */
export interface DuckDbStoreOptions {
  /**
   * Connections for queries; this many run at once, the rest wait.
   * @default 2
   */
  readConnections?: number;
  /**
   * The most events one write transaction takes when batches queue up behind a running one
   * (group commit); a single larger batch is still written whole.
   * @default 20000
   */
  maxEventsPerCommit?: number;
  /** DuckDB settings for the database, e.g. `{ threads: '2', memory_limit: '2GB' }`. */
  config?: Record<string, string>;
}

/** Roster users written per INSERT statement. */
const ROSTER_CHUNK = 500;

interface InsertJob {
  kind: 'insert';
  tenant: string;
  rows: EventRow[];
  resolve(result: InsertResult): void;
  reject(error: unknown): void;
}

interface OtherJob {
  kind: 'other';
  run(connection: DuckDBConnection): Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

type WriteJob = InsertJob | OtherJob;

/**
 * The embedded {@link Store}: one DuckDB file (or `:memory:`) holding every tenant's events and
 * roster. Writes go through one connection in order; batches that queue up while a write runs
 * are committed together (group commit), each still getting its own answer. Dedup on
 * `(tenant, id)` asks an in-memory set of 53-bit key hashes first, and the table only about
 * the rare hash it has seen. `insertEvents` resolves after DuckDB has committed the
 * transaction to its write-ahead log, so an acknowledged event survives a crash of the
 * process. Queries run on a small pool of read connections through {@link DuckDbEngine}.
 *
 * @example
 * ```ts
 * const store = await DuckDbStore.open('./tally.duckdb');
 * await store.insertEvents('acme', events); // { inserted, duplicates, duplicateIds }
 * const board = await leaderboard({ engine: store.engine('acme'), now: Date.now() });
 * await store.close();
 * ```
 */
export class DuckDbStore implements Store {
  private readonly queue: WriteJob[] = [];
  private writing: Promise<void> | null = null;
  private closing: Promise<void> | null = null;
  private readonly engines = new Map<string, DuckDbEngine>();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly readers: ReadPool,
    private readonly keys: KeySet,
    private readonly stats: Map<string, TenantStats>,
    private nextSeq: number,
    private nextRosterSeq: number,
    private eventCount: number,
    private readonly maxEventsPerCommit: number,
  ) {}

  /**
   * Opens (creating when needed) the store at `path`, or an in-memory one for `':memory:'`:
   * creates the tables, then loads the key hashes of the stored events (about a second per
   * ten million events) and the tenants' stats.
   *
   * @throws {TallyError} `invalid_options` for bad options; DuckDB's error when the file cannot
   *   be opened (for example, because another process has it open).
   */
  static async open(path: string, options: DuckDbStoreOptions = {}): Promise<DuckDbStore> {
    const readConnections = positiveInteger(options.readConnections, 'readConnections', 2);
    const maxEventsPerCommit = positiveInteger(
      options.maxEventsPerCommit,
      'maxEventsPerCommit',
      20_000,
    );
    if (typeof path !== 'string' || path.length === 0) {
      throw fieldError(
        'invalid_options',
        'path',
        `must be a file path or ':memory:' (got ${describeValue(path)})`,
      );
    }
    const instance = await DuckDBInstance.create(path, options.config);
    const writer = await instance.connect();
    try {
      for (const statement of SCHEMA_STATEMENTS) await writer.run(statement);
      await writer.run(
        `INSERT INTO tally_meta VALUES ('schema_version', $1) ON CONFLICT DO NOTHING`,
        [String(SCHEMA_VERSION)],
      );
      const [[version]] = await rowsOf(
        writer,
        `SELECT value FROM tally_meta WHERE key = 'schema_version'`,
      );
      if (Number(version) > SCHEMA_VERSION) {
        throw new TallyError(
          `store: ${path} was written by a newer version (schema ${String(version)}, this one reads ${SCHEMA_VERSION})`,
          { code: 'store_version' },
        );
      }
      const [[maxSeq, count]] = await rowsOf(
        writer,
        'SELECT coalesce(max(seq), -1), count(*) FROM events',
      );
      const [[maxRosterSeq]] = await rowsOf(writer, 'SELECT coalesce(max(seq), -1) FROM roster');
      const stats = new Map<string, TenantStats>();
      for (const [tenant, text] of await rowsOf(writer, 'SELECT tenant, stats FROM tenant_stats')) {
        stats.set(tenant as string, parseTenantStats(text as string));
      }
      const keys = new KeySet(toNumber(count) ?? 0);
      const result = await writer.stream('SELECT key_hash FROM events');
      for (;;) {
        const chunk = await result.fetchChunk();
        if (chunk === null || chunk.rowCount === 0) break;
        const vector = chunk.getColumnVector(0);
        for (let row = 0; row < chunk.rowCount; row += 1) keys.add(Number(vector.getItem(row)));
      }
      const readers: DuckDBConnection[] = [];
      for (let index = 0; index < readConnections; index += 1)
        readers.push(await instance.connect());
      return new DuckDbStore(
        instance,
        writer,
        new ReadPool(readers),
        keys,
        stats,
        (toNumber(maxSeq) ?? -1) + 1,
        (toNumber(maxRosterSeq) ?? -1) + 1,
        toNumber(count) ?? 0,
        maxEventsPerCommit,
      );
    } catch (error) {
      writer.closeSync();
      instance.closeSync();
      throw error;
    }
  }

  /**
   * Stores events for `tenant`, once per `(tenant, id)`: an id already stored, or repeated in
   * the batch, is a duplicate (the first one counts). Resolves once the events are durable. A
   * batch with a malformed event stores nothing.
   *
   * @throws {TallyError} `invalid_event` naming the field (`events[3].timestamp`),
   *   `invalid_tenant`, or `store_closed`.
   */
  async insertEvents(tenant: string, events: readonly StoredEvent[]): Promise<InsertResult> {
    checkTenant(tenant);
    if (!Array.isArray(events)) {
      throw fieldError(
        'invalid_event',
        'events',
        `must be an array (got ${describeValue(events)})`,
      );
    }
    const rows = events.map((event, index) => toEventRow(tenant, event, index));
    if (rows.length === 0) return { inserted: 0, duplicates: 0, duplicateIds: [] };
    return new Promise<InsertResult>((resolve, reject) => {
      this.enqueue({ kind: 'insert', tenant, rows, resolve, reject });
    });
  }

  /**
   * Adds users to `tenant`'s roster, or updates the given fields of users already on it
   * (fields left out keep their value; a new user needs `licensed` and `active`).
   *
   * @throws {TallyError} `invalid_roster` naming the field, `invalid_tenant`, `store_closed`.
   */
  async upsertUsers(tenant: string, users: readonly RosterUser[]): Promise<void> {
    checkTenant(tenant);
    const updates = checkRosterUpdates(users);
    if (updates.length === 0) return;
    return new Promise<void>((resolve, reject) => {
      this.enqueue({
        kind: 'other',
        run: (connection) => this.writeRoster(connection, tenant, updates),
        resolve,
        reject,
      });
    });
  }

  /** The engine over `tenant`'s events and roster. */
  engine(tenant: string): Engine {
    checkTenant(tenant);
    let engine = this.engines.get(tenant);
    if (engine === undefined) {
      engine = new DuckDbEngine(tenant, {
        read: (sql, params) => this.read(sql, params),
        readSeries: (sql, params) => this.readSeries(sql, params),
        stats: (name) => this.stats.get(name),
      });
      this.engines.set(tenant, engine);
    }
    return engine;
  }

  /** Writes everything in the write-ahead log into the database file (DuckDB `CHECKPOINT`). */
  async checkpoint(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.enqueue({
        kind: 'other',
        run: async (connection) => {
          await connection.run('CHECKPOINT');
        },
        resolve,
        reject,
      });
    });
  }

  /**
   * Finishes the queued writes and running queries, refuses new ones, checkpoints and closes
   * the file. Calling it again waits for the same close.
   */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  /** The number of events stored, over every tenant. */
  get size(): number {
    return this.eventCount;
  }

  private async shutDown(): Promise<void> {
    while (this.writing !== null) await this.writing;
    await this.readers.close();
    try {
      await this.writer.run('CHECKPOINT');
    } finally {
      this.writer.closeSync();
      this.instance.closeSync();
    }
  }

  private read(sql: string, params: SqlParams): Promise<unknown[][]> {
    if (this.closing !== null) return Promise.reject(closedError());
    return this.readers.use(async (connection) => {
      const reader = await connection.runAndReadAll(sql, params.values, params.types);
      return reader.getRows() as unknown[][];
    });
  }

  private readSeries(sql: string, params: SqlParams): Promise<SeriesColumns> {
    if (this.closing !== null) return Promise.reject(closedError());
    return this.readers.use(async (connection) => {
      return readDoubleColumns(await connection.run(sql, params.values, params.types));
    });
  }

  private enqueue(job: WriteJob): void {
    if (this.closing !== null) {
      job.reject(closedError());
      return;
    }
    this.queue.push(job);
    this.writing ??= this.drain();
  }

  private async drain(): Promise<void> {
    try {
      // Let batches handed over in the same tick join the first transaction.
      await Promise.resolve();
      while (this.queue.length > 0) {
        const first = this.queue[0];
        if (first.kind === 'other') {
          this.queue.shift();
          try {
            await first.run(this.writer);
            first.resolve();
          } catch (error) {
            first.reject(error);
          }
          continue;
        }
        const group: InsertJob[] = [];
        let events = 0;
        while (this.queue.length > 0) {
          const next = this.queue[0];
          if (next.kind !== 'insert') break;
          if (group.length > 0 && events + next.rows.length > this.maxEventsPerCommit) break;
          group.push(next);
          events += next.rows.length;
          this.queue.shift();
        }
        await this.writeEvents(group);
      }
    } finally {
      this.writing = null;
    }
  }

  /** One transaction for a group of insert jobs; each job gets its own result. */
  private async writeEvents(jobs: readonly InsertJob[]): Promise<void> {
    const seen = new Set<string>();
    const results = jobs.map((): InsertResult => ({
      inserted: 0,
      duplicates: 0,
      duplicateIds: [],
    }));
    // Per job, per row: kept (true) or duplicate (false); undefined while it needs a look-up.
    const keep = jobs.map((job) => new Array<boolean | undefined>(job.rows.length));
    const candidates: { job: number; row: number }[] = [];
    jobs.forEach((job, jobIndex) => {
      job.rows.forEach((row, rowIndex) => {
        const key = `${row.tenant}\u0000${row.id}`;
        if (seen.has(key)) {
          keep[jobIndex][rowIndex] = false;
          return;
        }
        seen.add(key);
        if (this.keys.has(row.hash)) candidates.push({ job: jobIndex, row: rowIndex });
        else keep[jobIndex][rowIndex] = true;
      });
    });
    try {
      if (candidates.length > 0) {
        const hashes = [...new Set(candidates.map(({ job, row }) => jobs[job].rows[row].hash))];
        const stored = new Set(
          (
            await rowsOf(
              this.writer,
              'SELECT tenant, id FROM events WHERE key_hash IN (SELECT unnest($1))',
              [listValue(hashes.map(BigInt))],
              [LIST(BIGINT)],
            )
          ).map(([tenant, id]) => `${tenant as string}\u0000${id as string}`),
        );
        for (const { job, row } of candidates) {
          const { tenant, id } = jobs[job].rows[row];
          keep[job][row] = !stored.has(`${tenant}\u0000${id}`);
        }
      }
      const fresh: EventRow[] = [];
      const deltas = new Map<string, TenantStats>();
      jobs.forEach((job, jobIndex) => {
        job.rows.forEach((row, rowIndex) => {
          if (keep[jobIndex][rowIndex]) {
            row.values[SEQ_INDEX] = this.nextSeq + fresh.length;
            fresh.push(row);
            let delta = deltas.get(row.tenant);
            if (delta === undefined) {
              delta = emptyTenantStats();
              deltas.set(row.tenant, delta);
            }
            countRow(delta, row.values);
            results[jobIndex].inserted += 1;
          } else {
            results[jobIndex].duplicates += 1;
            results[jobIndex].duplicateIds.push(row.id);
          }
        });
      });
      if (fresh.length > 0) await this.commitRows(fresh, deltas);
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, index) => job.resolve(results[index]));
  }

  private async commitRows(
    rows: readonly EventRow[],
    deltas: Map<string, TenantStats>,
  ): Promise<void> {
    await this.writer.run('BEGIN TRANSACTION');
    try {
      const appender = await this.writer.createAppender('events');
      try {
        appendEventRows(appender, rows);
      } finally {
        appender.closeSync();
      }
      for (const [tenant, delta] of deltas) {
        // Stats only grow, so taking them in before the commit is on the safe side: a reader
        // that sees them early just takes the careful path.
        const current = this.stats.get(tenant) ?? emptyTenantStats();
        mergeTenantStats(current, delta);
        this.stats.set(tenant, current);
        await this.writer.run('INSERT OR REPLACE INTO tenant_stats VALUES ($1, $2)', [
          tenant,
          JSON.stringify(current),
        ]);
      }
      await this.writer.run('COMMIT');
    } catch (error) {
      await this.writer.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
    this.nextSeq += rows.length;
    this.eventCount += rows.length;
    for (const row of rows) this.keys.add(row.hash);
  }

  private async writeRoster(
    connection: DuckDBConnection,
    tenant: string,
    updates: readonly RosterUpdate[],
  ): Promise<void> {
    await connection.run('BEGIN TRANSACTION');
    try {
      const stored = new Map<string, RosterUser>();
      for (let start = 0; start < updates.length; start += ROSTER_CHUNK) {
        const ids = updates.slice(start, start + ROSTER_CHUNK).map((update) => update.id);
        const rows = await rowsOf(
          connection,
          `SELECT id, name, email, licensed, active FROM roster WHERE tenant = $1 AND id IN (${ids.map((_, index) => `$${index + 2}`).join(', ')})`,
          [tenant, ...ids],
        );
        for (const [id, name, email, licensed, active] of rows) {
          const user: RosterUser = {
            id: id as string,
            licensed: licensed === true,
            active: active === true,
          };
          if (name !== null) user.name = name as string;
          if (email !== null) user.email = email as string;
          stored.set(user.id, user);
        }
      }
      const users = updates.map((update) => applyRosterUpdate(stored.get(update.id), update));
      let nextSeq = this.nextRosterSeq;
      for (let start = 0; start < users.length; start += ROSTER_CHUNK) {
        const chunk = users.slice(start, start + ROSTER_CHUNK);
        const values: (string | boolean | null | bigint)[] = [];
        const tuples = chunk.map((user) => {
          const base = values.length;
          values.push(
            tenant,
            user.id,
            BigInt(nextSeq),
            user.name ?? null,
            user.email ?? null,
            user.licensed,
            user.active,
          );
          nextSeq += 1;
          return `(${[1, 2, 3, 4, 5, 6, 7].map((offset) => `$${base + offset}`).join(', ')})`;
        });
        await connection.run(
          `INSERT INTO roster (tenant, id, seq, name, email, licensed, active) VALUES ${tuples.join(', ')}
           ON CONFLICT (tenant, id) DO UPDATE SET name = excluded.name, email = excluded.email,
             licensed = excluded.licensed, active = excluded.active`,
          values,
        );
      }
      await connection.run('COMMIT');
      this.nextRosterSeq = nextSeq;
    } catch (error) {
      await connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}

/**
 * The three non-null DOUBLE columns of a materialized result as typed arrays, copied from
 * DuckDB's vectors in one call per chunk and column (reading value by value, or fetching chunk
 * by chunk through promises, costs several times more).
 */
function readDoubleColumns(result: DuckDBMaterializedResult): SeriesColumns {
  const length = result.rowCount;
  const columns = [0, 1, 2].map(() => new Float64Array(length));
  let at = 0;
  for (let index = 0; index < result.chunkCount; index += 1) {
    const chunk = result.getChunk(index);
    const rows = chunk.rowCount;
    columns.forEach((column, position) => {
      const vector = duckdb.data_chunk_get_vector(chunk.chunk, position);
      new Uint8Array(column.buffer, at * 8, rows * 8).set(duckdb.vector_get_data(vector, rows * 8));
    });
    at += rows;
  }
  return columns as unknown as SeriesColumns;
}

async function rowsOf(
  connection: DuckDBConnection,
  sql: string,
  values?: Parameters<DuckDBConnection['runAndReadAll']>[1],
  types?: Parameters<DuckDBConnection['runAndReadAll']>[2],
): Promise<unknown[][]> {
  const reader = await connection.runAndReadAll(sql, values, types);
  return reader.getRows() as unknown[][];
}

function checkTenant(tenant: unknown): void {
  if (typeof tenant !== 'string' || tenant.length === 0) {
    throw fieldError(
      'invalid_tenant',
      'tenant',
      `must be a non-empty string (got ${describeValue(tenant)})`,
    );
  }
}

function positiveInteger(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw fieldError(
      'invalid_options',
      field,
      `must be a positive integer (got ${describeValue(value)})`,
    );
  }
  return value;
}
