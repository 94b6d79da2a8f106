import type {
  EventRowsResult,
  EventTableCell,
  PerUserRow,
  PerUserTableResult,
  ViewFilters,
} from '@tally/core';
import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { DataElement, messageOf, type ViewQuery } from '../base/data-element.js';
import type { ExportFormat, ExportParams, ExportView } from '../data/data-source.js';
import {
  TallyExportErrorEvent,
  TallyExportFinishEvent,
  TallyPageChangeEvent,
  TallySortChangeEvent,
} from '../events/tally-events.js';
import type { Formatter } from '../format/formatter.js';
import { displayName } from '../leaderboard/leaderboard.js';
import { labelFor } from '../theme/palette.js';
import { exportMenu } from './export-menu.js';
import { eventColumns, perUserColumns, type TableColumn } from './table-columns.js';
import { tableStyles } from './table.styles.js';

/** Which table: raw requests, token usage records, or one row per user. */
export type TableKind = 'requests' | 'tokens' | 'per-user';

type TableView = 'rows' | 'per-user-table';

const TITLES: Record<TableKind, string> = {
  requests: 'Requests',
  tokens: 'Token usage',
  'per-user': 'Per-user breakdown',
};

const EXPORT_VIEWS: Record<TableKind, ExportView> = {
  requests: 'requests',
  tokens: 'tokens',
  'per-user': 'per-user-table',
};

/** Filters typed as free text (exact values); the others offer the values seen in the range. */
const TEXT_FILTERS = new Set(['ip']);

const FILTER_LABELS: Record<string, string> = {
  endpoint: 'Endpoint',
  country: 'Country',
  ip: 'IP',
  source: 'Source',
  model: 'Model',
  name: 'Event',
  category: 'Category',
  agent: 'Agent',
  status: 'Status',
  provider: 'Provider',
};

/**
 * @summary A data table (DESIGN §5 rows): raw requests, token usage records, or the per-user
 * breakdown with a column per feature. Headers sort on click, chosen columns can be filtered,
 * pages step through the rows, and the Export menu downloads **all** matching rows as CSV or
 * JSON, never just the page.
 *
 * @event tally-sort-change - A header was clicked (`column`, `direction`).
 * @event tally-page-change - Another page is shown (`page`, `pageSize`).
 * @event tally-export-finish - A file was exported (`format`, `filename`, `blob`).
 * @event tally-export-error - An export failed (`format`, `error`).
 * @event tally-data-load - An answer arrived.
 * @event tally-data-error - The query failed.
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart refresh-button - Refresh.
 * @csspart export-button - The Export menu button.
 * @csspart export-menu - The menu.
 * @csspart filters - The column filters.
 * @csspart table - The table.
 * @csspart sort-button - A header's sort button.
 * @csspart pagination - The page controls.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - Loading.
 *
 * @cssproperty [--tally-table-max-height=none] - The most the table grows before it scrolls.
 * @cssproperty --tally-color-grid - Row lines.
 * @cssproperty --tally-color-accent - Links and the sorted column.
 */
export class TallyTable extends DataElement<TableView> {
  static override styles = [...baseStyles, tableStyles];

  static override properties: PropertyDeclarations = {
    kind: {},
    showColumns: {
      attribute: 'show-columns',
      converter: { fromAttribute: (value: string | null) => split(value) },
    },
    filterColumns: {
      attribute: 'filter-columns',
      converter: { fromAttribute: (value: string | null) => split(value) },
    },
    countBy: { attribute: 'count-by' },
    pageSize: { attribute: 'page-size', type: Number },
    exportFormats: {
      attribute: 'export-formats',
      converter: { fromAttribute: (value: string | null) => split(value) },
    },
    sort: { state: true },
    page: { state: true },
    columnFilters: { state: true },
    filterOptions: { state: true },
    menuOpen: { state: true },
    exporting: { state: true },
    exportError: { state: true },
  };

  /** Which table. @default 'requests' */
  declare kind: TableKind;
  /** Column keys to show, in order (event tables); every column when empty. */
  declare showColumns: string[];
  /** Columns with a filter above the table, e.g. `endpoint,country,ip` or `source`. */
  declare filterColumns: string[];
  /** The per-user table's count columns: each `category` or each event `name`. @default 'category' */
  declare countBy: 'category' | 'name';
  /** Rows per page. @default 25 */
  declare pageSize: number;
  /** The formats of the Export menu; none hides it. @default ['csv', 'json'] */
  declare exportFormats: ExportFormat[];
  /** The sort in effect. */
  declare sort: { column: string; direction: 'asc' | 'desc' } | undefined;
  /** The page shown, from 0. */
  declare page: number;
  /** The column filters' values, by column. */
  declare columnFilters: Record<string, string>;
  declare private filterOptions: Record<string, string[]>;
  declare private menuOpen: boolean;
  declare private exporting: boolean;
  declare private exportError: string | undefined;
  private optionsKey: string | undefined;

  constructor() {
    super();
    this.kind = 'requests';
    this.showColumns = [];
    this.filterColumns = [];
    this.countBy = 'category';
    this.pageSize = 25;
    this.exportFormats = ['csv', 'json'];
    this.page = 0;
    this.columnFilters = {};
    this.filterOptions = {};
    this.menuOpen = false;
    this.exporting = false;
  }

  protected override defaultHeading(): string {
    return TITLES[this.kind] ?? 'Table';
  }

  /** The filters of the query: the shared ones and the column filters. */
  get tableFilters(): ViewFilters {
    const filters: Record<string, unknown> = { ...this.effectiveFilters };
    for (const [column, value] of Object.entries(this.columnFilters)) {
      if (value !== '') filters[column] = value;
    }
    return filters as ViewFilters;
  }

  private get sortInEffect(): { column: string; direction: 'asc' | 'desc' } {
    return (
      this.sort ??
      (this.kind === 'per-user'
        ? { column: 'rank', direction: 'asc' }
        : { column: 'time', direction: 'desc' })
    );
  }

  protected viewQuery(): ViewQuery<TableView> {
    const common = { range: this.effectiveRange, tz: this.effectiveTz, filters: this.tableFilters };
    const sort = this.sortInEffect;
    if (this.kind === 'per-user') {
      return {
        view: 'per-user-table',
        params: { ...common, columns: this.countBy, sort: perUserSort(sort) },
      };
    }
    return {
      view: 'rows',
      params: {
        ...common,
        preset: this.kind === 'tokens' ? 'tokens' : 'requests',
        sort: [sort],
        offset: this.page * this.pageSize,
        limit: this.pageSize,
      },
    };
  }

  protected isEmpty(): boolean {
    // The table keeps its filters on screen, so it shows its own empty row instead.
    return false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A new range or filter starts again from the first page.
    if (
      changed.has('columnFilters') ||
      changed.has('shared') ||
      changed.has('range') ||
      changed.has('filters')
    ) {
      const before = this.page;
      const key = JSON.stringify([this.effectiveRange, this.tableFilters]);
      if (this.filtersKey !== undefined && key !== this.filtersKey) this.page = 0;
      this.filtersKey = key;
      if (before !== this.page) this.requestUpdate();
    }
    super.willUpdate(changed);
    this.loadFilterOptions();
  }

  private filtersKey: string | undefined;

  protected override renderActions(): unknown {
    if (this.exportFormats.length === 0) return nothing;
    return exportMenu({
      open: this.menuOpen,
      busy: this.exporting,
      label: this.kind === 'per-user' ? 'Download' : 'Export',
      formats: this.exportFormats,
      toggle: (open) => {
        this.menuOpen = open;
        void this.updateComplete.then(() => {
          const target = open
            ? this.renderRoot.querySelector<HTMLElement>('[role="menuitem"]')
            : this.renderRoot.querySelector<HTMLElement>('[part="export-button"]');
          target?.focus();
        });
      },
      choose: (format) => void this.exportAll(format),
    });
  }

  protected override renderSkeleton(): unknown {
    return html`<div class="skeleton-block" aria-hidden="true">
      ${[0, 1, 2, 3, 4, 5, 6].map(() => html`<div class="skeleton-line" style="width:100%"></div>`)}
    </div>`;
  }

  protected renderData(result: EventRowsResult | PerUserTableResult): unknown {
    const format = this.formatterFor(result.range.tz);
    const perUser = 'keys' in result;
    const categories = this.effectiveCategories;
    const columns = perUser
      ? perUserColumns(result, (key) =>
          result.columns === 'category' ? labelFor(key, categories) : key,
        )
      : eventColumns(result, this.showColumns);
    const total = perUser ? result.rows.length : result.total;
    const rows: (Record<string, EventTableCell> | PerUserRow)[] = perUser
      ? result.rows.slice(this.page * this.pageSize, (this.page + 1) * this.pageSize)
      : result.rows;
    const sort = this.sortInEffect;
    return html`
      ${this.renderFilters()}
      ${
        this.exportError === undefined
          ? nothing
          : html`<p class="export-error" role="alert">Export failed: ${this.exportError}</p>`
      }
      <div class="scroll" part="table-scroll">
        <table part="table">
          <caption class="visually-hidden">
            ${this.headingText}
          </caption>
          <thead>
            <tr>
              ${columns.map((column) => {
                const active = sort.column === column.key;
                const ariaSort = active
                  ? sort.direction === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : 'none';
                return html`<th
                  scope="col"
                  aria-sort=${ariaSort}
                  class=${isNumeric(column) ? 'num' : ''}
                >
                  <button
                    type="button"
                    class="sort ${active ? 'active' : ''}"
                    part="sort-button"
                    data-column=${column.key}
                    @click=${() => this.sortBy(column)}
                  >
                    ${column.label}<span class="arrow" aria-hidden="true"
                      >${active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span
                    >
                  </button>
                </th>`;
              })}
            </tr>
          </thead>
          <tbody>
            ${
              rows.length === 0
                ? html`<tr>
                    <td colspan=${columns.length} class="empty-row" part="empty">
                      <strong>No rows match.</strong>
                      <span class="muted"
                        >No activity in this range with these filters — widen the range or clear a
                        filter.</span
                      >
                    </td>
                  </tr>`
                : rows.map(
                    (row) =>
                      html`<tr>
                        ${columns.map(
                          (column) =>
                            html`<td class=${isNumeric(column) ? 'num' : ''}>
                              ${this.cell(row, column, format)}
                            </td>`,
                        )}
                      </tr>`,
                  )
            }
          </tbody>
        </table>
      </div>
      ${this.renderPagination(total, format)}
    `;
  }

  private renderFilters(): unknown {
    if (this.filterColumns.length === 0) return nothing;
    return html`<div class="filters" part="filters" role="group" aria-label="Filter rows">
      ${this.filterColumns.map((column) => {
        const label = FILTER_LABELS[column] ?? column;
        const value = this.columnFilters[column] ?? '';
        if (TEXT_FILTERS.has(column)) {
          return html`<label class="filter">
            <span>${label}</span>
            <input
              type="search"
              data-filter=${column}
              .value=${value}
              placeholder="Exact value"
              @change=${(event: Event) => this.setFilter(column, (event.target as HTMLInputElement).value.trim())}
            />
          </label>`;
        }
        const options = this.filterOptions[column] ?? [];
        return html`<label class="filter">
          <span>${label}</span>
          <select
            data-filter=${column}
            @change=${(event: Event) => this.setFilter(column, (event.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${value === ''}>All</option>
            ${[...new Set(value === '' ? options : [value, ...options])].map(
              (option) =>
                html`<option value=${option} ?selected=${option === value}>${option}</option>`,
            )}
          </select>
        </label>`;
      })}
      ${
        Object.values(this.columnFilters).some((value) => value !== '')
          ? html`<button
              type="button"
              class="button clear"
              @click=${() => (this.columnFilters = {})}
            >
              Clear filters
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderPagination(total: number, format: Formatter): unknown {
    const pages = Math.max(1, Math.ceil(total / this.pageSize));
    const first = total === 0 ? 0 : this.page * this.pageSize + 1;
    const last = Math.min(total, (this.page + 1) * this.pageSize);
    return html`<nav class="pagination" part="pagination" aria-label=${`${this.headingText} pages`}>
      <span class="muted" aria-live="polite"
        >${format.number(first)}–${format.number(last)} of ${format.number(total)}</span
      >
      <label class="page-size">
        <span>Rows</span>
        <select
          @change=${(event: Event) => this.setPageSize(Number((event.target as HTMLSelectElement).value))}
        >
          ${[...new Set([10, 25, 50, 100, this.pageSize])].sort((a, b) => a - b).map((size) => html`<option value=${size} ?selected=${size === this.pageSize}>${size}</option>`)}
        </select>
      </label>
      <button
        type="button"
        class="button"
        data-page="previous"
        ?disabled=${this.page === 0}
        @click=${() => this.goTo(this.page - 1)}
      >
        Previous
      </button>
      <span class="muted">Page ${format.number(this.page + 1)} of ${format.number(pages)}</span>
      <button
        type="button"
        class="button"
        data-page="next"
        ?disabled=${this.page >= pages - 1}
        @click=${() => this.goTo(this.page + 1)}
      >
        Next
      </button>
    </nav>`;
  }

  private cell(
    row: Record<string, EventTableCell> | PerUserRow,
    column: TableColumn,
    format: Formatter,
  ): unknown {
    if ('counts' in row) {
      const user = row as PerUserRow;
      if (column.type === 'user') {
        return html`<span class="user-cell"
          >${displayName(user)}${user.email !== null && user.name !== null ? html`<span class="muted email">${user.email}</span>` : nothing}</span
        >`;
      }
      if (column.key === 'rank') return user.rank === null ? '—' : format.number(user.rank);
      if (column.key.startsWith('count:'))
        return format.number(user.counts[column.key.slice(6)] ?? 0);
      const value = user[column.key as 'total' | 'credits'];
      return format.number(value);
    }
    const value = (row as Record<string, EventTableCell>)[column.key];
    if (value === null || value === undefined || value === '')
      return html`<span class="muted">—</span>`;
    if (column.type === 'time' && typeof value === 'number') return format.timestamp(value);
    if (column.type === 'usd' && typeof value === 'number') return format.usd(value);
    if (column.type === 'number' && typeof value === 'number') return format.number(value);
    return String(value);
  }

  /** Sorts by a column; the same column again flips the direction. */
  sortBy(column: Pick<TableColumn, 'key' | 'type'>): void {
    const current = this.sortInEffect;
    const direction =
      current.column === column.key
        ? current.direction === 'asc'
          ? 'desc'
          : 'asc'
        : column.type === 'text' || column.type === 'user' || column.key === 'rank'
          ? 'asc'
          : 'desc';
    this.sort = { column: column.key, direction };
    this.page = 0;
    this.dispatchEvent(new TallySortChangeEvent(column.key, direction));
  }

  private goTo(page: number): void {
    this.page = Math.max(0, page);
    this.dispatchEvent(new TallyPageChangeEvent(this.page, this.pageSize));
  }

  private setPageSize(size: number): void {
    this.pageSize = size;
    this.page = 0;
    this.dispatchEvent(new TallyPageChangeEvent(0, size));
  }

  private setFilter(column: string, value: string): void {
    this.columnFilters = { ...this.columnFilters, [column]: value };
  }

  /** What an export of this table asks for: the table's range, filters and sort. */
  exportParams(): ExportParams {
    const sort = this.sortInEffect;
    const base = { range: this.effectiveRange, tz: this.effectiveTz, filters: this.tableFilters };
    if (this.kind === 'per-user') {
      const { by, key, direction } = perUserSort(sort);
      return {
        ...base,
        columns: this.countBy,
        sort: [{ column: by, direction }],
        ...(key === undefined ? {} : { key }),
      };
    }
    return { ...base, sort: [sort] };
  }

  /** Exports every matching row in `format` and offers the file for download. */
  async exportAll(format: ExportFormat): Promise<Blob | undefined> {
    const source = this.effectiveSource;
    this.menuOpen = false;
    if (source === undefined) return undefined;
    this.exporting = true;
    this.exportError = undefined;
    try {
      const view = EXPORT_VIEWS[this.kind];
      const blob = await source.export(view, this.exportParams(), format);
      const day = new Date().toISOString().slice(0, 10);
      const filename = `tally-${view}-${day}.${format}`;
      this.save(blob, filename);
      this.dispatchEvent(new TallyExportFinishEvent(format, filename, blob));
      return blob;
    } catch (error) {
      this.exportError = messageOf(error);
      this.dispatchEvent(new TallyExportErrorEvent(format, error));
      return undefined;
    } finally {
      this.exporting = false;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('[part="export-button"]')?.focus(),
      );
    }
  }

  /** Offers a file for download; replace it to send exports elsewhere. */
  save(blob: Blob, filename: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }

  /** Loads the values offered by the select filters: the top values of each in the range. */
  private loadFilterOptions(): void {
    const source = this.effectiveSource;
    const columns = this.filterColumns.filter((column) => !TEXT_FILTERS.has(column));
    if (source === undefined || columns.length === 0) return;
    const params = {
      range: this.effectiveRange,
      tz: this.effectiveTz,
      filters: this.effectiveFilters,
    };
    const key = JSON.stringify([columns, params, this.shared?.revision ?? 0]);
    if (key === this.optionsKey) return;
    this.optionsKey = key;
    for (const column of columns) {
      source
        .query('breakdown', { ...params, dimension: column as never, top: 100 })
        .then((result) => {
          if (this.optionsKey !== key) return;
          const values = result.rows.filter((row) => row.kind === 'value').map((row) => row.key);
          this.filterOptions = { ...this.filterOptions, [column]: values };
        })
        .catch(() => undefined);
    }
  }
}

function split(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function isNumeric(column: TableColumn): boolean {
  return column.type === 'number' || column.type === 'usd';
}

function perUserSort(sort: { column: string; direction: 'asc' | 'desc' }): {
  by: 'rank' | 'user' | 'email' | 'total' | 'credits' | 'count';
  key?: string;
  direction: 'asc' | 'desc';
} {
  if (sort.column.startsWith('count:'))
    return { by: 'count', key: sort.column.slice(6), direction: sort.direction };
  return { by: sort.column as 'rank', direction: sort.direction };
}

if (!customElements.get('tally-table')) customElements.define('tally-table', TallyTable);

declare global {
  interface HTMLElementTagNameMap {
    'tally-table': TallyTable;
  }
}
