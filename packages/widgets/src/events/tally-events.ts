import type { ViewFilters } from '@tally/core';
import type { ExportFormat, RangeValue } from '../data/data-source.js';

const options = { bubbles: true, composed: true } as const;

/** The date range was changed by the reader. A `<tally-provider>` applies it to its widgets. */
export class TallyRangeChangeEvent extends Event {
  static readonly type = 'tally-range-change';
  constructor(
    readonly range: RangeValue,
    readonly tz?: string,
  ) {
    super(TallyRangeChangeEvent.type, options);
  }
}

/**
 * Filters were changed by the reader (search text, chosen users, a table's column filter). The
 * given keys replace the provider's; a key set to `undefined` removes that filter.
 */
export class TallyFilterChangeEvent extends Event {
  static readonly type = 'tally-filter-change';
  constructor(readonly filters: Partial<ViewFilters>) {
    super(TallyFilterChangeEvent.type, options);
  }
}

/** A widget received data. */
export class TallyDataLoadEvent extends Event {
  static readonly type = 'tally-data-load';
  constructor(
    readonly view: string,
    readonly result: unknown,
  ) {
    super(TallyDataLoadEvent.type, options);
  }
}

/** A widget's query failed; the widget shows the error with a retry button. */
export class TallyDataErrorEvent extends Event {
  static readonly type = 'tally-data-error';
  constructor(
    readonly view: string,
    readonly error: unknown,
  ) {
    super(TallyDataErrorEvent.type, options);
  }
}

/** A leaderboard row was expanded or collapsed. */
export class TallyRowToggleEvent extends Event {
  static readonly type = 'tally-row-toggle';
  constructor(
    readonly userId: string,
    readonly expanded: boolean,
  ) {
    super(TallyRowToggleEvent.type, options);
  }
}

/** A table's sort changed. */
export class TallySortChangeEvent extends Event {
  static readonly type = 'tally-sort-change';
  constructor(
    readonly column: string,
    readonly direction: 'asc' | 'desc',
  ) {
    super(TallySortChangeEvent.type, options);
  }
}

/** A table moved to another page. */
export class TallyPageChangeEvent extends Event {
  static readonly type = 'tally-page-change';
  constructor(
    readonly page: number,
    readonly pageSize: number,
  ) {
    super(TallyPageChangeEvent.type, options);
  }
}

/** An export finished and its file was offered for download. `blob` holds the file. */
export class TallyExportFinishEvent extends Event {
  static readonly type = 'tally-export-finish';
  constructor(
    readonly format: ExportFormat,
    readonly filename: string,
    readonly blob: Blob,
  ) {
    super(TallyExportFinishEvent.type, options);
  }
}

/** An export failed. */
export class TallyExportErrorEvent extends Event {
  static readonly type = 'tally-export-error';
  constructor(
    readonly format: ExportFormat,
    readonly error: unknown,
  ) {
    super(TallyExportErrorEvent.type, options);
  }
}

declare global {
  interface HTMLElementEventMap {
    'tally-range-change': TallyRangeChangeEvent;
    'tally-filter-change': TallyFilterChangeEvent;
    'tally-data-load': TallyDataLoadEvent;
    'tally-data-error': TallyDataErrorEvent;
    'tally-row-toggle': TallyRowToggleEvent;
    'tally-sort-change': TallySortChangeEvent;
    'tally-page-change': TallyPageChangeEvent;
    'tally-export-finish': TallyExportFinishEvent;
    'tally-export-error': TallyExportErrorEvent;
  }
}
