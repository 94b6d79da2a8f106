import type { Actor, EventStatus } from '../event.js';
import type { Engine } from '../query.js';
import type { TenantSettings } from '../settings.js';
import type { RangeInput, ResolvedRange } from '../time/types.js';

/** A filter value: one value or any of several. */
export type FilterValue<T extends string = string> = T | readonly T[];

/** The filters every view takes (DESIGN §5). All given filters must hold. */
export interface ViewFilters {
  /** Only these users. */
  users?: readonly string[];
  /** Case-insensitive substring of a user's name, email or id. */
  search?: string;
  category?: FilterValue;
  name?: FilterValue;
  agent?: FilterValue;
  source?: FilterValue;
  endpoint?: FilterValue;
  model?: FilterValue;
  provider?: FilterValue;
  country?: FilterValue;
  ip?: FilterValue;
  status?: FilterValue<EventStatus>;
  actor?: FilterValue<Actor>;
}

/** What every view runs against. */
export interface ViewContext {
  engine: Engine;
  /** The current time, epoch ms; core never reads a clock. */
  now: number;
  settings?: TenantSettings;
}

/** What every view is asked. */
export interface ViewRequest {
  /** A preset or custom range, or one already resolved. @default { preset: '30d' } */
  range?: RangeInput | ResolvedRange;
  filters?: ViewFilters;
}
