import { BIGINT, DOUBLE, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

/** Timestamps are stored as BIGINT; instants beyond this are clamped (no stored event is). */
const TIME_LIMIT = 2 ** 61;

/**
 * The bound parameters of one SQL statement. Every value a caller supplies goes through here
 * and appears in the SQL text only as `$n`; each gets an explicit type so that DuckDB never
 * has to guess one.
 */
export class SqlParams {
  readonly values: DuckDBValue[] = [];
  readonly types: DuckDBType[] = [];

  /** A VARCHAR parameter. */
  text(value: string): string {
    return this.push(value, VARCHAR);
  }

  /** A DOUBLE parameter. */
  double(value: number): string {
    return this.push(value, DOUBLE);
  }

  /** A BIGINT parameter; `value` must be a safe integer. */
  integer(value: number): string {
    return this.push(BigInt(value), BIGINT);
  }

  /**
   * A BIGINT parameter standing for the instant `value` in a comparison with the integer
   * `ts` column: `ts >= x` holds exactly when `ts >= ceil(x)`, so fractional instants become
   * the next whole millisecond, and instants far outside any stored time are clamped.
   */
  instant(value: number): string {
    return this.integer(instantBound(value));
  }

  private push(value: DuckDBValue, type: DuckDBType): string {
    this.values.push(value);
    this.types.push(type);
    return `$${this.values.length}`;
  }
}

/** The integer `ts` threshold equivalent to the instant `value` (see {@link SqlParams.instant}). */
export function instantBound(value: number): number {
  return Math.min(TIME_LIMIT, Math.max(-TIME_LIMIT, Math.ceil(value)));
}
