import type { ComparisonDimension, ComparisonResult, ComparisonRow } from '@tally/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';
import { TallyFilterChangeEvent } from '../events/tally-events.js';
import type { Formatter } from '../format/formatter.js';
import { groupRows, subtotalOf, type ComparisonSubtotal } from './comparison-groups.js';
import { comparisonStyles } from './comparison.styles.js';

/** A column of the comparison: a field of a row (all numeric but `topModel`). */
export type ComparisonColumn = Exclude<keyof ComparisonRow, 'value' | 'provider' | 'tier' | 'name'>;

type Kind = 'count' | 'decimal' | 'usd' | 'percent' | 'duration' | 'multiplier' | 'text';

/** Each column's header and how its values are written. */
export const COMPARISON_COLUMNS: Readonly<Record<ComparisonColumn, { label: string; kind: Kind }>> =
  {
    events: { label: 'Events', kind: 'count' },
    sessions: { label: 'Sessions', kind: 'count' },
    averageSessionDurationMs: { label: 'Avg. session', kind: 'duration' },
    inputTokens: { label: 'Prompt tokens', kind: 'count' },
    outputTokens: { label: 'Completion tokens', kind: 'count' },
    totalTokens: { label: 'Total tokens', kind: 'count' },
    tokensPerEvent: { label: 'Tokens / event', kind: 'decimal' },
    costNanos: { label: 'Cost (nanodollars)', kind: 'count' },
    costUsd: { label: 'Cost', kind: 'usd' },
    unpricedEvents: { label: 'Unpriced', kind: 'count' },
    credits: { label: 'Credits', kind: 'decimal' },
    creditsPerEvent: { label: 'Credits / event', kind: 'decimal' },
    averageLatencyMs: { label: 'Avg. response', kind: 'duration' },
    latencyEvents: { label: 'Timed events', kind: 'count' },
    successRate: { label: 'Success rate', kind: 'percent' },
    errorRate: { label: 'Error rate', kind: 'percent' },
    averageRating: { label: 'Avg. rating', kind: 'decimal' },
    ratings: { label: 'Ratings', kind: 'count' },
    positiveFeedback: { label: 'Positive', kind: 'count' },
    negativeFeedback: { label: 'Negative', kind: 'count' },
    users: { label: 'Users', kind: 'count' },
    multiplier: { label: 'Multiplier', kind: 'multiplier' },
    topModel: { label: 'Top model', kind: 'text' },
  };

const NAME_LABELS: Readonly<Record<ComparisonDimension, string>> = {
  agent: 'Agent',
  model: 'Model',
  user: 'User',
};

const DEFAULT_COLUMNS: readonly ComparisonColumn[] = [
  'events',
  'sessions',
  'averageSessionDurationMs',
  'costUsd',
  'errorRate',
];

/**
 * @summary Agents, models or users side by side (DESIGN §5 comparison) in a sortable table: the
 * columns chosen from events, sessions, average duration, tokens, cost, credits, response time,
 * success and error rates, ratings and the top model. With `selectable`, each name is a button
 * that narrows everything sharing the state to that agent or model, and pressing it again shows
 * all of them again. With `group-by="provider"` (models), the rows sit under a heading row per
 * provider carrying the provider's subtotals; with `show-total`, a last row totals the table.
 *
 * @event tally-filter-change - A name was picked (`filters.agent` or `filters.model`; `undefined`
 * to show all again).
 * @event tally-data-load - An answer arrived.
 * @event tally-data-error - The query failed.
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart refresh-button - Refresh.
 * @csspart scroll - The table's frame, which scrolls sideways (and takes the keyboard focus)
 * when the table is wider than the card.
 * @csspart table - The table.
 * @csspart sort-button - A column's sort button.
 * @csspart pick-button - A name's button (with `selectable`).
 * @csspart row - A row.
 * @csspart group-row - A group's heading row with its subtotals.
 * @csspart total-row - The total.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - Loading.
 *
 * @cssproperty --tally-color-accent - The names' buttons.
 * @cssproperty --tally-color-hover - The selected row.
 * @cssproperty --tally-color-border - The row lines.
 */
export class TallyComparison extends DataElement<'comparison'> {
  static override styles = [...baseStyles, comparisonStyles];

  static override properties: PropertyDeclarations = {
    by: {},
    columns: { attribute: false },
    selectable: { type: Boolean },
    sortKey: { attribute: 'sort-key' },
    sortDirection: { attribute: 'sort-direction' },
    limit: { type: Number },
    groupBy: { attribute: 'group-by' },
    showTotal: { attribute: 'show-total', type: Boolean },
    overflowing: { state: true },
  };

  /** Compare `agent`s, `model`s or `user`s. @default 'agent' */
  declare by: ComparisonDimension;
  /** The numeric columns shown, in order. @default events, sessions, avg. session, cost, error rate */
  declare columns: readonly ComparisonColumn[];
  /** Whether names are buttons that narrow the shared state to them. @default false */
  declare selectable: boolean;
  /** The column sorted by, or `value` for the name. @default 'events' */
  declare sortKey: ComparisonColumn | 'value';
  /** @default 'desc' */
  declare sortDirection: 'asc' | 'desc';
  /** Rows shown at most (after sorting); all when 0. @default 0 */
  declare limit: number;
  /** Group the rows under a heading row per `provider` (for models), with subtotals. */
  declare groupBy: 'provider' | undefined;
  /** Whether a last row totals every row. @default false */
  declare showTotal: boolean;
  /** Whether the table is wider than its card (it then scrolls sideways). */
  declare private overflowing: boolean;
  private resizeObserver: ResizeObserver | undefined;
  private observed: HTMLElement | undefined;

  constructor() {
    super();
    this.by = 'agent';
    this.columns = DEFAULT_COLUMNS;
    this.selectable = false;
    this.sortKey = 'events';
    this.sortDirection = 'desc';
    this.limit = 0;
    this.groupBy = undefined;
    this.showTotal = false;
    this.overflowing = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.observed = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const wrapper = this.renderRoot.querySelector<HTMLElement>('.scroll');
    const table = wrapper?.querySelector('table');
    if (wrapper !== this.observed) {
      this.resizeObserver?.disconnect();
      this.observed = wrapper ?? undefined;
      if (wrapper !== null && table !== null && table !== undefined) {
        this.resizeObserver ??= new ResizeObserver(() => this.measureOverflow());
        this.resizeObserver.observe(wrapper);
        this.resizeObserver.observe(table);
      }
    }
    this.measureOverflow();
  }

  /** Notes whether the table is wider than its wrapper, which then takes the keyboard focus. */
  private measureOverflow(): void {
    const wrapper = this.observed;
    const overflowing = wrapper !== undefined && wrapper.scrollWidth > wrapper.clientWidth + 1;
    if (overflowing !== this.overflowing) this.overflowing = overflowing;
  }

  protected override defaultHeading(): string {
    return this.by === 'model' ? 'Models' : this.by === 'user' ? 'Users' : 'Agents';
  }

  protected viewQuery(): ViewQuery<'comparison'> {
    return {
      view: 'comparison',
      params: {
        range: this.effectiveRange,
        tz: this.effectiveTz,
        filters: this.effectiveFilters,
        by: this.by,
      },
    };
  }

  protected isEmpty(result: ComparisonResult): boolean {
    return result.rows.length === 0;
  }

  /** The agent or model the shared filters narrow to, if one. */
  get selected(): string | undefined {
    const value = (this.effectiveFilters as Record<string, unknown>)[this.by];
    return typeof value === 'string' ? value : undefined;
  }

  /** The rows in the table's order. */
  sortedRows(rows: readonly ComparisonRow[]): ComparisonRow[] {
    const key = this.sortKey;
    const sign = this.sortDirection === 'asc' ? 1 : -1;
    const sorted = [...rows].sort((a, b) => {
      if (key === 'value') return sign * a.value.localeCompare(b.value);
      const left = a[key];
      const right = b[key];
      // Missing values (no sessions, no statuses) go last either way.
      if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
      const order =
        typeof left === 'string' || typeof right === 'string'
          ? String(left).localeCompare(String(right))
          : left - right;
      return sign * order || a.value.localeCompare(b.value);
    });
    return this.limit > 0 ? sorted.slice(0, this.limit) : sorted;
  }

  protected renderData(result: ComparisonResult): unknown {
    const format = this.formatterFor(result.range.tz);
    const selected = this.selected;
    const rows = this.sortedRows(result.rows);
    const grouped = this.groupBy === 'provider' && this.by === 'model';
    const orderBy = this.sortKey === 'value' ? 'events' : this.sortKey;
    const bodies = grouped
      ? groupRows(rows, (row) => row.provider, orderBy).map((group) => ({
          key: group.key,
          heading: this.renderSubtotal(group.key ?? 'Other', group.subtotal, format, group.key),
          rows: group.rows,
        }))
      : [{ key: null, heading: nothing, rows }];
    // While the table is wider than its card, its frame is a named region that takes the
    // keyboard focus, so that keyboard users can scroll it too.
    const overflowing = this.overflowing;
    return html`<div
      class="scroll"
      part="scroll"
      role=${overflowing ? 'region' : nothing}
      aria-label=${overflowing ? `${this.headingText} table` : nothing}
      tabindex=${overflowing ? '0' : nothing}
    >
      <table part="table">
        <caption class="visually-hidden">
          ${this.headingText}${grouped ? ', grouped by provider' : ''}
        </caption>
        <thead>
          <tr>
            ${this.renderHeader('value', NAME_LABELS[this.by] ?? 'Name', false)}
            ${this.columns.map((column) =>
              this.renderHeader(column, COMPARISON_COLUMNS[column]?.label ?? column, true),
            )}
          </tr>
        </thead>
        ${bodies.map(
          (body) =>
            html`<tbody data-group=${body.key ?? nothing}>
              ${body.heading}
              ${body.rows.map(
                (row) =>
                  html`<tr
                    part="row"
                    data-value=${row.value}
                    aria-selected=${selected === row.value ? 'true' : 'false'}
                  >
                    <th scope="row" class=${grouped ? 'indent' : ''}>
                      ${this.renderName(row.value, selected, row.name ?? row.value)}
                    </th>
                    ${this.columns.map(
                      (column) =>
                        html`<td
                          class=${COMPARISON_COLUMNS[column]?.kind === 'text' ? '' : 'num'}
                          data-column=${column}
                        >
                          ${writeCell(row[column], COMPARISON_COLUMNS[column]?.kind ?? 'count', format)}
                        </td>`,
                    )}
                  </tr>`,
              )}
            </tbody>`,
        )}
        ${
          this.showTotal
            ? html`<tfoot>
                ${this.renderSubtotal('Total', subtotalOf(result.rows), format, null, true)}
              </tfoot>`
            : nothing
        }
      </table>
    </div>`;
  }

  private renderSubtotal(
    label: string,
    subtotal: ComparisonSubtotal,
    format: Formatter,
    group: string | null,
    total = false,
  ): unknown {
    return html`<tr
      part=${total ? 'total-row' : 'group-row'}
      class=${total ? 'total' : 'group'}
      data-group=${group ?? nothing}
    >
      <th scope=${total ? 'row' : 'rowgroup'}>${label}</th>
      ${this.columns.map((column) => {
        const value = subtotal[column];
        return html`<td class="num" data-column=${column}>
          ${value === undefined ? '' : writeCell(value, COMPARISON_COLUMNS[column]?.kind ?? 'count', format)}
        </td>`;
      })}
    </tr>`;
  }

  private renderHeader(key: ComparisonColumn | 'value', label: string, numeric: boolean): unknown {
    const active = this.sortKey === key;
    const sort = active ? (this.sortDirection === 'asc' ? 'ascending' : 'descending') : 'none';
    return html`<th scope="col" class=${numeric ? 'num' : ''} data-column=${key} aria-sort=${sort}>
      <button
        type="button"
        class="sort"
        part="sort-button"
        data-sort=${key}
        @click=${() => this.sortBy(key)}
      >
        ${label}${active ? (this.sortDirection === 'asc' ? ' ▲' : ' ▼') : nothing}
      </button>
    </th>`;
  }

  /** A row's name cell: the user's roster name when known (else the id), pressable with `selectable`. */
  private renderName(value: string, selected: string | undefined, label: string): unknown {
    if (!this.selectable)
      return label === value ? value : html`<span title=${value}>${label}</span>`;
    const pressed = selected === value;
    return html`<button
      type="button"
      class="pick"
      part="pick-button"
      aria-pressed=${pressed ? 'true' : 'false'}
      title=${pressed ? `Show every ${this.by}` : `Show only ${label}`}
      @click=${() => this.pick(pressed ? undefined : value)}
    >
      ${label}
    </button>`;
  }

  /** Sorts by a column: descending first, then ascending on the second press. */
  sortBy(key: ComparisonColumn | 'value'): void {
    if (this.sortKey === key) {
      this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    } else {
      this.sortKey = key;
      this.sortDirection = key === 'value' ? 'asc' : 'desc';
    }
  }

  /** Narrows the shared state to one agent or model, or (with `undefined`) shows all again. */
  pick(value: string | undefined): void {
    this.dispatchEvent(new TallyFilterChangeEvent({ [this.by]: value }));
  }
}

function writeCell(value: number | string | null, kind: Kind, format: Formatter): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'usd':
      return format.usd(value);
    case 'percent':
      return format.percent(value);
    case 'duration':
      return format.duration(value);
    case 'decimal':
      return format.number(value);
    case 'multiplier':
      return `${format.number(value)}×`;
    default:
      return format.number(value, 0);
  }
}

if (!customElements.get('tally-comparison')) {
  customElements.define('tally-comparison', TallyComparison);
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-comparison': TallyComparison;
  }
}
