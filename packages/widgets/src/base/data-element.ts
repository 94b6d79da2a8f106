import {
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { TallyError } from '@tally/core';
import { isAbortError } from '../data/abort.js';
import type { DataSource, QueryParams, ViewName, ViewResults } from '../data/data-source.js';
import { stableKey } from '../data/stable-key.js';
import { TallyDataErrorEvent, TallyDataLoadEvent } from '../events/tally-events.js';
import { refreshIcon } from './icons.js';
import { TallyElement } from './tally-element.js';

/**
 * How many times in a row a query cancelled by the source (not by the element) is asked again
 * before the element gives up and shows an error: a source that cancels everything must not keep
 * the element asking for ever.
 */
const MAX_CANCELLATIONS = 5;

/** Where a data element stands: no source yet, fetching, showing data, empty, or failed. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/** One view query of a data element. */
export interface ViewQuery<View extends ViewName = ViewName> {
  view: View;
  params: QueryParams;
}

/**
 * The base of every element that shows a view: it queries the data source whenever what it
 * shows changes (range, filters, its own options), cancels the query it no longer needs, and
 * renders the loading skeleton, the empty state with its hint, or the error with a retry.
 *
 * @event tally-data-load - An answer arrived (`view`, `result`).
 * @event tally-data-error - The query failed (`view`, `error`); the element shows it with a retry.
 */
export abstract class DataElement<View extends ViewName> extends TallyElement {
  static override properties: PropertyDeclarations = {
    heading: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    status: { state: true },
    data: { state: true },
    error: { state: true },
  };

  /** The title shown above the element. */
  declare heading: string;
  /** The heading level of the title (1–6). @default 2 */
  declare headingLevel: number;
  /** Where loading stands. */
  declare status: LoadStatus;
  /** The latest answer of the view. */
  declare data: ViewResults[View] | undefined;
  /** The latest failure. */
  declare error: unknown;

  private loadedKey: string | undefined;
  private loadedSource: DataSource | undefined;
  private controller: AbortController | undefined;
  private revision = 0;
  private pending: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | undefined;
  private subscribedTo: DataSource | undefined;

  constructor() {
    super();
    this.status = 'idle';
    this.heading = '';
    this.headingLevel = 2;
  }

  /** The query to run now, or `null` when there is nothing to ask. */
  protected abstract viewQuery(): ViewQuery<View> | null;

  /** Whether an answer has nothing to show (then the empty state shows). */
  protected abstract isEmpty(result: ViewResults[View]): boolean;

  /** The element's content for an answer. */
  protected abstract renderData(result: ViewResults[View]): unknown;

  /** The title when `heading` is empty. */
  protected defaultHeading(): string {
    return '';
  }

  /** The title shown. */
  get headingText(): string {
    return this.heading || this.defaultHeading();
  }

  /** The skeleton shown while the first answer loads. */
  protected renderSkeleton(): unknown {
    return html`<div class="skeleton-block" aria-hidden="true">
      ${[72, 56, 64, 40].map((width) => html`<div class="skeleton-line" style="width:${width}%"></div>`)}
    </div>`;
  }

  /** Extra controls next to the title (granularity, export, ...). */
  protected renderActions(): unknown {
    return nothing;
  }

  /** The hint under the empty state's message. */
  protected emptyHint(): string {
    return 'No activity in this range — widen it.';
  }

  /** Fetches the data again, bypassing nothing but the answer on screen. */
  refresh(): void {
    this.revision += 1;
    this.requestUpdate();
  }

  /** Settles once the current query has answered (or failed) and the element has rendered it. */
  get loadComplete(): Promise<void> {
    return this.updateComplete
      .then(() => this.pending)
      .then(() => this.updateComplete)
      .then(() => undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected: fetch again, the data may have moved on while detached.
    this.loadedKey = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    this.controller = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const source = this.effectiveSource;
    if (source !== this.subscribedTo) {
      this.unsubscribe?.();
      this.subscribedTo = source;
      this.unsubscribe = source?.subscribe?.(() => this.refresh());
    }
    const query = source === undefined ? null : this.viewQuery();
    const key =
      query === null
        ? undefined
        : stableKey([query.view, query.params, this.shared?.revision ?? 0, this.revision]);
    if (source !== this.loadedSource || key !== this.loadedKey) {
      this.loadedSource = source;
      this.loadedKey = key;
      this.load(source, query);
    }
  }

  private load(source: DataSource | undefined, query: ViewQuery<View> | null): void {
    this.controller?.abort();
    this.controller = undefined;
    if (source === undefined || query === null) {
      this.status = 'idle';
      this.pending = Promise.resolve();
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.status = 'loading';
    this.pending = this.ask(source, query, controller, 0);
  }

  /**
   * Runs the query and shows its answer. A query the source cancelled while the element still
   * wants it (a newer date range elsewhere on the page superseded it) is asked again; one the
   * element cancelled itself (it moved on) is simply dropped.
   */
  private ask(
    source: DataSource,
    query: ViewQuery<View>,
    controller: AbortController,
    cancellations: number,
  ): Promise<void> {
    return source.query(query.view, query.params, { signal: controller.signal }).then(
      (result) => {
        if (this.controller !== controller) return;
        this.data = result;
        this.error = undefined;
        this.status = this.isEmpty(result) ? 'empty' : 'ready';
        this.dispatchEvent(new TallyDataLoadEvent(query.view, result));
      },
      (error: unknown) => {
        if (this.controller !== controller || controller.signal.aborted) return undefined;
        let failure = error;
        if (isAbortError(error)) {
          if (cancellations < MAX_CANCELLATIONS) {
            // After the pending update: when the whole page moved to a new range, the element
            // asks for that one instead (and drops this query) rather than asking again.
            return this.updateComplete.then(() =>
              this.controller === controller && !controller.signal.aborted
                ? this.ask(source, query, controller, cancellations + 1)
                : undefined,
            );
          }
          failure = new TallyError(
            `the data source cancelled the ${query.view} query ${cancellations + 1} times in a row`,
            { code: 'query_cancelled' },
          );
        }
        this.error = failure;
        this.status = 'error';
        this.dispatchEvent(new TallyDataErrorEvent(query.view, failure));
        return undefined;
      },
    );
  }

  override render(): TemplateResult {
    const busy = this.status === 'loading';
    return html`<section part="base" class="widget" aria-busy=${busy ? 'true' : 'false'}>
      <header part="header" class="header">
        <div role="heading" aria-level=${clampLevel(this.headingLevel)} part="title" class="title">
          ${this.headingText}${this.renderTitleExtra()}
        </div>
        <div class="actions" part="actions">
          ${this.renderActions()}
          <button
            type="button"
            class="icon-button"
            part="refresh-button"
            aria-label=${`Refresh ${this.headingText}`}
            title="Refresh"
            ?disabled=${this.effectiveSource === undefined}
            @click=${() => this.refresh()}
          >
            ${refreshIcon}
          </button>
        </div>
      </header>
      <div part="body" class="body">${this.renderBody()}</div>
    </section>`;
  }

  /** Text after the title, such as the timeline's interval. */
  protected renderTitleExtra(): unknown {
    return nothing;
  }

  private renderBody(): unknown {
    switch (this.status) {
      case 'idle':
        return html`<p class="state" part="empty">
          Connect a data source to show ${this.headingText.toLowerCase()}.
        </p>`;
      case 'error':
        return html`<div class="state state-error" part="error" role="alert">
          <p>Could not load ${this.headingText.toLowerCase()}: ${messageOf(this.error)}</p>
          <button type="button" class="button" part="retry-button" @click=${() => this.refresh()}>
            Retry
          </button>
        </div>`;
      case 'empty':
        return html`<div class="state" part="empty">
          <p class="state-title">No activity</p>
          <p class="hint">${this.emptyHint()}</p>
        </div>`;
      case 'loading':
        if (this.data === undefined) {
          return html`<div class="loading" part="skeleton">
            <span class="visually-hidden" role="status"
              >Loading ${this.headingText.toLowerCase()}…</span
            >
            ${this.renderSkeleton()}
          </div>`;
        }
        return html`<div class="stale">${this.renderData(this.data)}</div>`;
      default:
        return this.data === undefined ? nothing : this.renderData(this.data);
    }
  }
}

function clampLevel(level: number): string {
  return String(Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 2);
}

/** A readable message for any failure. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'something went wrong';
}
