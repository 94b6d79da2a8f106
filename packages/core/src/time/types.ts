import type { Interval } from '../query.js';

/** A named range (DESIGN §4). `month:YYYY-MM` selects one calendar month. */
export type Preset =
  | 'today'
  | 'yesterday'
  | '7d'
  | '30d'
  | '90d'
  | '180d'
  | '3m'
  | '6m'
  | 'this-week'
  | 'this-month'
  | `month:${string}`;

/** What a caller asks for: a preset, or custom `from`/`to` (epoch ms or ISO-8601). */
export interface RangeInput {
  preset?: Preset;
  from?: number | string;
  to?: number | string;
  /** IANA time zone; defaults to the tenant's, else UTC. */
  tz?: string;
}

/** A range ready to query: half-open `[from, to)` in epoch ms, in a time zone. */
export interface ResolvedRange extends Interval {
  tz: string;
  /** The preset it came from, or `custom`. */
  preset: Preset | 'custom';
  /** Whether the data floor moved `from` later (or emptied the range). */
  clamped: boolean;
  /** The data floor in epoch ms, when one is set. */
  floor: number | null;
  /** The range before clamping. */
  requested: Interval;
}

/** Automatic bucket sizes, smallest first. */
export type BucketSize =
  '1m' | '5m' | '15m' | '30m' | '1h' | '2h' | '4h' | '6h' | '12h' | '1d' | '1w' | '1M';

/** A caller's override of the automatic bucket. */
export type Granularity = 'hour' | 'day' | 'week' | 'month';

/** The buckets of a timeline. */
export interface Buckets {
  size: BucketSize;
  /** Shown next to a timeline's title, e.g. `4h`. */
  label: string;
  /** Bucket starts, epoch ms, aligned to local time; the first is the range start. */
  boundaries: number[];
  /** Exclusive end of the last bucket (the range end). */
  end: number;
}

/** A local wall-clock reading in some time zone; `month` is 1–12. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  /** @default 0 */
  hour?: number;
  /** @default 0 */
  minute?: number;
  /** @default 0 */
  second?: number;
}

/** The local calendar fields of an instant in a time zone. */
export interface LocalParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0–23. */
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}
