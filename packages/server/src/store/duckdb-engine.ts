import type {
  AggregateQuery,
  AggregateResult,
  Engine,
  RosterUser,
  RowsQuery,
  RowsResult,
  SessionRecord,
  SessionsQuery,
} from '@tally/core';
import { checkAggregateQuery, checkRowsQuery, checkSessionsQuery } from '@tally/core';
import { compileAggregate, type SeriesColumns } from './compile-aggregate.js';
import { compileRows } from './compile-rows.js';
import { compileSessions } from './compile-sessions.js';
import { compileSessionSeries, sessionsFromSeries, type SeriesUser } from './session-series.js';
import { fromEventRow, toNumber } from './event-row.js';
import { SqlParams } from './sql-params.js';
import { sumIsOrderFree, type TenantStats } from './tenant-stats.js';

/** Runs one read-only statement and returns its rows as arrays of DuckDB values. */
export type ReadQuery = (sql: string, params: SqlParams) => Promise<unknown[][]>;

/** What a {@link DuckDbEngine} reads through. */
export interface DuckDbEngineSource {
  /** Runs a read-only statement (on a read connection of the store). */
  read: ReadQuery;
  /** Runs a read-only statement selecting three non-null DOUBLE columns; returns them. */
  readSeries(sql: string, params: SqlParams): Promise<SeriesColumns>;
  /** The tenant's current stats; `undefined` for a tenant without events. */
  stats(tenant: string): TenantStats | undefined;
}

/**
 * The query engine over one tenant's events in a DuckDB store: core's query model compiled to
 * SQL so that the work happens in the database and core only shapes the answers. Every query
 * is checked first (unknown fields and wrong types are refused with core's messages), names
 * reach SQL only through fixed column tables, every value as a bound parameter, and every
 * statement is scoped to the tenant. Answers equal core's columnar engine's to the last bit
 * (sums in time order, quantiles by `quantile_cont`, strings in UTF-16 order).
 *
 * @example
 * ```ts
 * const engine = store.engine('acme');
 * const { rows } = await engine.aggregate({ range, groupBy: ['userId'], measures: [{ op: 'count' }] });
 * ```
 */
export class DuckDbEngine implements Engine {
  constructor(
    /** The tenant this engine reads; it never sees any other. */
    readonly tenant: string,
    private readonly source: DuckDbEngineSource,
  ) {}

  /** Grouped aggregates, computed in one SQL statement. */
  async aggregate(query: AggregateQuery): Promise<AggregateResult> {
    const checked = checkAggregateQuery(query);
    const stats = this.source.stats(this.tenant);
    const compiled = compileAggregate(this.tenant, checked, (field) =>
      sumIsOrderFree(stats, field),
    );
    if (compiled === null) return { rows: [] };
    const [rows, ...series] = await Promise.all([
      this.source.read(compiled.sql, compiled.params),
      ...compiled.series.map((statement) =>
        this.source.readSeries(statement.sql, statement.params),
      ),
    ]);
    return { rows: rows.map((row) => compiled.readRow(row, series)) };
  }

  /** Raw events, sorted (nulls last, ties by id) and paged, with the number of all matches. */
  async rows(query: RowsQuery): Promise<RowsResult> {
    const checked = checkRowsQuery(query);
    const wideText = this.source.stats(this.tenant)?.wideText ?? false;
    const compiled = compileRows(this.tenant, checked, wideText);
    const wantsPage = checked.limit !== 0;
    const [[[count]], rows] = await Promise.all([
      this.source.read(compiled.total.sql, compiled.total.params),
      wantsPage ? this.source.read(compiled.page.sql, compiled.page.params) : [],
    ]);
    return { rows: rows.map(fromEventRow), total: toNumber(count) ?? 0 };
  }

  /**
   * Sessions, sorted by user id, partition (absent last) and start. They are cut from an
   * unsorted series of (user or user-and-partition hash, time) (see `sessionsFromSeries`), or,
   * when hashes cannot tell the groups apart, in SQL.
   */
  async sessions(query: SessionsQuery): Promise<SessionRecord[]> {
    const checked = checkSessionsQuery(query);
    // The events come out unsorted and are cut here (no sort in SQL).
    const { series, users } = compileSessionSeries(this.tenant, checked);
    const [columns, userRows] = await Promise.all([
      this.source.readSeries(series.sql, series.params),
      this.source.read(users.sql, users.params),
    ]);
    const cut = sessionsFromSeries(columns, userRows as unknown as SeriesUser[], checked.gapMs);
    if (cut !== null) return cut;
    const compiled = compileSessions(this.tenant, checked);
    const rows = await this.source.read(compiled.sql, compiled.params);
    const partitioned = checked.partitionBy !== undefined;
    const sessions = rows.map(([userId, partition, start, end, events]): SessionRecord => {
      const record: SessionRecord = {
        userId: userId as string,
        start: toNumber(start) as number,
        end: toNumber(end) as number,
        events: toNumber(events) as number,
      };
      if (partitioned) record.partition = partition as string | null;
      return record;
    });
    return sessions.sort(
      (a, b) =>
        compareText(a.userId, b.userId) ||
        compareNullableText(a.partition ?? null, b.partition ?? null) ||
        a.start - b.start,
    );
  }

  /** The tenant's roster, in the order users were first added. */
  async roster(): Promise<RosterUser[]> {
    const params = new SqlParams();
    const rows = await this.source.read(
      `SELECT id, name, email, licensed, active FROM roster WHERE tenant = ${params.text(this.tenant)} ORDER BY seq`,
      params,
    );
    return rows.map(([id, name, email, licensed, active]) => {
      const user: Partial<RosterUser> = { id: id as string };
      if (name !== null) user.name = name as string;
      if (email !== null) user.email = email as string;
      user.licensed = licensed === true;
      user.active = active === true;
      return user as RosterUser;
    });
  }
}

/** Orders strings as JavaScript's `<` does (by UTF-16 code units). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNullableText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}
