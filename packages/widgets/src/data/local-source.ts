import {
  breakdown,
  budget,
  ColumnarEngine,
  comparison,
  costForecast,
  createEnricher,
  creditReport,
  describeValue,
  eventRows,
  fieldError,
  health,
  leaderboard,
  patterns,
  perUserTable,
  recommendations,
  sessions,
  stats,
  timeline,
  validateEvent,
  type FieldIssue,
  type NormalizedEvent,
  type RosterUser,
  type StoredEvent,
  type TenantSettings,
  type ViewContext,
  type ViewRequest,
} from '@tally/core';
import { raceAbort, throwIfAborted } from './abort.js';
import type {
  DataSource,
  ExportFormat,
  ExportParams,
  ExportView,
  QueryParams,
  RequestOptions,
  SourceSettings,
  ViewName,
  ViewResults,
} from './data-source.js';
import { readSdkQueue } from './sdk-queue.js';
import { SharedRequests } from './shared-requests.js';
import { stableKey } from './stable-key.js';
import { localExportChunks } from './local-export.js';
import { VIEW_PARAMETERS } from './view-parameters.js';

/** Options of a {@link LocalSource}. */
export interface LocalSourceOptions {
  /** Wire events (DESIGN §2): validated, priced and credited as the server would. */
  events?: readonly unknown[];
  /** Events already stored (priced and credited), e.g. from a server export. */
  storedEvents?: readonly StoredEvent[];
  /** Licensed users, so that users without events appear on the leaderboard. */
  roster?: readonly RosterUser[];
  /** The tenant's settings: zone, data floor, prices, credit rules, categories. */
  settings?: TenantSettings;
  /** The clock presets are relative to. @default Date.now */
  now?: () => number;
}

/** What {@link LocalSource.append} did with each event. */
export interface AppendResult {
  accepted: number;
  /** Refused events, by their index in the input, with every problem found. */
  rejected: { index: number; errors: FieldIssue[] }[];
}

type ViewFunction = (context: ViewContext, request: ViewRequest) => Promise<unknown>;

// Each view validates its own parameters; the registry only passes the request through.
const VIEWS = {
  leaderboard,
  stats,
  timeline,
  breakdown,
  sessions,
  comparison,
  patterns,
  health,
  budget,
  'cost-forecast': costForecast,
  'credit-report': creditReport,
  recommendations,
  rows: eventRows,
  'per-user-table': perUserTable,
} as unknown as Record<ViewName, ViewFunction>;

/**
 * A data source that runs core's views in the page, over events held in memory in core's
 * columnar engine: for demos, offline pages, tests, and products that keep usage client-side.
 * It answers exactly as the server does, and exports the same files.
 *
 * @example
 * ```ts
 * const source = new LocalSource({ events, roster, settings: { timezone: 'Europe/Paris' } });
 * document.querySelector('tally-provider').source = source;
 * ```
 */
export class LocalSource implements DataSource {
  /** The engine holding the events. */
  readonly engine = new ColumnarEngine();
  private readonly tenant: TenantSettings;
  private readonly clock: () => number;
  private readonly enrich: (event: NormalizedEvent) => StoredEvent;
  private readonly listeners = new Set<() => void>();
  private readonly shared = new SharedRequests();
  private generation = 0;

  constructor(options: LocalSourceOptions = {}) {
    this.tenant = options.settings ?? {};
    this.clock = options.now ?? Date.now;
    this.enrich = createEnricher(this.tenant);
    if (options.roster !== undefined) this.engine.setRoster(options.roster);
    if (options.storedEvents !== undefined) this.engine.append(options.storedEvents);
    if (options.events !== undefined) this.append(options.events);
  }

  /**
   * A source over the events the SDK has queued in this browser's IndexedDB (those not yet
   * delivered): database `tally:<endpoint>/v1/batch:<writeKey>`, see {@link sdkDatabaseName}.
   */
  static async fromIndexedDB(
    database: string,
    options: Omit<LocalSourceOptions, 'events'> = {},
  ): Promise<LocalSource> {
    const events = await readSdkQueue(database);
    return new LocalSource({ ...options, events });
  }

  /** Validates, prices and stores wire events; refused events are reported, not thrown. */
  append(events: readonly unknown[]): AppendResult {
    const accepted: StoredEvent[] = [];
    const rejected: AppendResult['rejected'] = [];
    events.forEach((input, index) => {
      const result = validateEvent(input);
      if (result.ok) accepted.push(this.enrich(result.event));
      else rejected.push({ index, errors: result.errors });
    });
    this.appendStored(accepted);
    return { accepted: accepted.length, rejected };
  }

  /** Stores events that are already priced and credited. */
  appendStored(events: readonly StoredEvent[]): void {
    if (events.length === 0) return;
    this.engine.append(events);
    this.changed();
  }

  /** Replaces the roster of licensed users. */
  setRoster(users: readonly RosterUser[]): void {
    this.engine.setRoster(users);
    this.changed();
  }

  async query<View extends ViewName>(
    view: View,
    params: QueryParams = {},
    options: RequestOptions = {},
  ): Promise<ViewResults[View]> {
    throwIfAborted(options.signal);
    const run = Object.hasOwn(VIEWS, view) ? VIEWS[view] : undefined;
    if (run === undefined) {
      throw fieldError(
        'invalid_query',
        'view',
        `must be one of ${Object.keys(VIEWS).join(', ')} (got ${describeValue(view)})`,
      );
    }
    const { range, tz, filters, ...rest } = params;
    for (const key of Object.keys(rest)) {
      if (!VIEW_PARAMETERS[view].includes(key)) {
        throw fieldError(
          'invalid_query',
          key,
          `is not a parameter of the ${view} view; it takes range, tz, filters${VIEW_PARAMETERS[view].map((name) => `, ${name}`).join('')}`,
        );
      }
    }
    const request: ViewRequest = {
      ...rest,
      ...(filters === undefined ? {} : { filters }),
      ...(range === undefined && tz === undefined
        ? {}
        : { range: { ...range, ...(tz === undefined ? {} : { tz }) } }),
    };
    // Widgets asking the same question at once (a leaderboard and its user filter) share one run.
    const key = stableKey([this.generation, view, request]);
    return this.shared.run(key, '', options.signal, async (signal) => {
      // Let the page paint its loading state, and let a superseded request be cancelled first.
      await raceAbort(new Promise((resolve) => setTimeout(resolve, 0)), signal);
      return (await run(this.context(), request)) as ViewResults[View];
    });
  }

  async export(
    view: ExportView,
    params: ExportParams,
    format: ExportFormat,
    options: RequestOptions = {},
  ): Promise<Blob> {
    const parts: string[] = [];
    for await (const chunk of localExportChunks(this.context(), view, params, format)) {
      throwIfAborted(options.signal);
      parts.push(chunk);
    }
    return new Blob(parts, { type: CONTENT_TYPES[format] });
  }

  async settings(): Promise<SourceSettings> {
    const { timezone, dataFloor, categories } = this.tenant;
    return {
      ...(timezone === undefined ? {} : { timezone }),
      ...(dataFloor === undefined ? {} : { dataFloor }),
      ...(categories === undefined ? {} : { categories }),
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private context(): ViewContext {
    return { engine: this.engine, now: this.clock(), settings: this.tenant };
  }

  private changed(): void {
    this.generation += 1;
    for (const listener of this.listeners) listener();
  }
}

/** The MIME type of each export format. */
export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
  ndjson: 'application/x-ndjson;charset=utf-8',
};
