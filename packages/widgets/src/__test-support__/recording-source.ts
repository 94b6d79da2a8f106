import type {
  DataSource,
  ExportFormat,
  ExportParams,
  ExportView,
  QueryParams,
  RequestOptions,
  ViewName,
  ViewResults,
} from '../data/data-source.js';

/** One view request a page made: the view and its parameters, as the source received them. */
export interface RecordedRequest {
  view: ViewName;
  params: QueryParams;
}

/**
 * A data source that passes every request to another one and keeps a copy of it, so a test can
 * list what a page asked for (and replay it elsewhere, e.g. straight to `POST /v1/query`).
 */
export class RecordingSource implements DataSource {
  /** Every view request so far, oldest first. */
  readonly requests: RecordedRequest[] = [];

  constructor(private readonly inner: DataSource) {}

  query<View extends ViewName>(
    view: View,
    params: QueryParams,
    options?: RequestOptions,
  ): Promise<ViewResults[View]> {
    this.requests.push({ view, params: structuredClone(params) });
    return this.inner.query(view, params, options);
  }

  export(
    view: ExportView,
    params: ExportParams,
    format: ExportFormat,
    options?: RequestOptions,
  ): Promise<Blob> {
    return this.inner.export(view, params, format, options);
  }

  settings(): ReturnType<NonNullable<DataSource['settings']>> {
    return this.inner.settings?.() ?? Promise.resolve({});
  }

  /** Forgets the requests so far (e.g. before a click, to see what it asks for). */
  clear(): void {
    this.requests.length = 0;
  }
}
