import type { LeaderboardResult, LeaderboardRow, SystemSummary } from '@tally/core';
import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';
import { chevronIcon } from '../base/icons.js';
import '../donut/donut.js';
import type { DonutSlice } from '../donut/donut.js';
import { TallyRowToggleEvent } from '../events/tally-events.js';
import type { Formatter } from '../format/formatter.js';
import { labelFor, paletteFor } from '../theme/palette.js';
import { leaderboardStyles } from './leaderboard.styles.js';
import { visibleWindow, type RowLayout } from './row-window.js';

/** Height of a collapsed row, px (rows are positioned, so this must match the styles). */
const ROW_HEIGHT = 52;
/** Height of an expanded row's detail, px. */
const DETAIL_HEIGHT = 260;
/** Rows drawn above and below the visible ones. */
const OVERSCAN = 8;

/**
 * @summary Users ranked by the events attributed to them (DESIGN §5 leaderboard): rank, name, a
 * stacked activity bar coloured by category, and the total. Users with equal totals share a
 * rank, licensed users without events come last, and system-attributed work is summarised in
 * an "Automated" row apart from the ranking. A row expands to its per-feature counts and a
 * category donut. Only the visible rows are drawn, so thousands of users scroll smoothly.
 *
 * @event tally-row-toggle - A row was expanded or collapsed (`userId`, `expanded`).
 * @event tally-data-load - An answer arrived (`view`, `result`).
 * @event tally-data-error - The query failed (`view`, `error`).
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart title - The title.
 * @csspart refresh-button - The refresh button.
 * @csspart body - The content.
 * @csspart legend - The category legend.
 * @csspart table - The ranked table.
 * @csspart row - A user's row.
 * @csspart bar - A user's activity bar.
 * @csspart detail - An expanded row's detail.
 * @csspart system - The automated-work row.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssproperty [--tally-leaderboard-height=560px] - The most the list grows before it scrolls.
 * @cssproperty --tally-color-text - Text colour.
 * @cssproperty --tally-color-muted - Secondary text.
 * @cssproperty --tally-color-surface - Background.
 * @cssproperty --tally-color-border - Borders.
 * @cssproperty --tally-color-accent - Links and focus.
 * @cssproperty --tally-font-family - Font.
 */
export class TallyLeaderboard extends DataElement<'leaderboard'> {
  static override styles = [...baseStyles, leaderboardStyles];

  static override properties: PropertyDeclarations = {
    showCredits: { attribute: 'show-credits', type: Boolean },
    expanded: { state: true },
    scrollOffset: { state: true },
    viewportHeight: { state: true },
  };

  /** Adds a credits column. */
  declare showCredits: boolean;
  /** The user ids of expanded rows. */
  declare expanded: ReadonlySet<string>;
  declare private scrollOffset: number;
  declare private viewportHeight: number;
  private focusAfterRender: string | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private observed: HTMLElement | undefined;

  constructor() {
    super();
    this.heading = 'Leaderboard';
    this.showCredits = false;
    this.expanded = new Set();
    this.scrollOffset = 0;
    this.viewportHeight = 560;
  }

  protected viewQuery(): ViewQuery<'leaderboard'> {
    return {
      view: 'leaderboard',
      params: { range: this.effectiveRange, tz: this.effectiveTz, filters: this.effectiveFilters },
    };
  }

  protected isEmpty(result: LeaderboardResult): boolean {
    return result.rows.length === 0 && result.system === null;
  }

  protected override emptyHint(): string {
    return 'No activity in this range — widen it, or clear the search and user filters.';
  }

  /** Expands or collapses a user's row. */
  toggle(userId: string, expanded = !this.expanded.has(userId)): void {
    const next = new Set(this.expanded);
    if (expanded) next.add(userId);
    else next.delete(userId);
    this.expanded = next;
    this.dispatchEvent(new TallyRowToggleEvent(userId, expanded));
  }

  protected override renderSkeleton(): unknown {
    return html`<div class="skeleton-rows" aria-hidden="true">
      ${[0, 1, 2, 3, 4, 5].map(
        (index) =>
          html`<div class="skeleton-row">
            <div class="skeleton" style="width:24px"></div>
            <div class="skeleton" style="width:${30 - index * 2}%"></div>
            <div class="skeleton" style="flex:1;max-width:${70 - index * 9}%"></div>
            <div class="skeleton" style="width:40px"></div>
          </div>`,
      )}
    </div>`;
  }

  protected renderData(result: LeaderboardResult): unknown {
    const format = this.formatterFor(result.range.tz);
    const categories = this.effectiveCategories;
    const colors = paletteFor(result.categories, this.resolvedTheme, categories);
    const max = result.rows[0]?.total ?? 0;
    const layout = this.layout(result.rows);
    const { start, end } = visibleWindow(layout, this.scrollOffset, this.viewportHeight, OVERSCAN);
    const columns = this.showCredits ? 5 : 4;
    return html`
      ${this.renderLegend(result.categories, colors)}
      <div
        role="table"
        part="table"
        class="table ${this.showCredits ? 'with-credits' : ''}"
        aria-label=${this.headingText}
        aria-rowcount=${result.rows.length + 1}
      >
        <div role="rowgroup" class="head">
          <div role="row" class="row head-row" aria-rowindex="1">
            <span role="columnheader" class="rank">Rank</span>
            <span role="columnheader">User</span>
            <span role="columnheader">Activity</span>
            <span role="columnheader" class="num">Events</span>
            ${this.showCredits ? html`<span role="columnheader" class="num">Credits</span>` : nothing}
          </div>
        </div>
        <div
          class="viewport"
          part="viewport"
          style="height:${Math.min(layout.height, this.maxHeight())}px"
          @scroll=${this.onScroll}
        >
          <div role="rowgroup" class="rows" style="height:${layout.height}px">
            ${result.rows
              .slice(start, end)
              .map((row, offset) =>
                this.renderRow(row, start + offset, layout, max, colors, format, columns),
              )}
          </div>
        </div>
      </div>
      ${result.system === null ? nothing : this.renderSystem(result.system, colors, format)}
    `;
  }

  private renderLegend(keys: readonly string[], colors: Map<string, string>): unknown {
    const categories = this.effectiveCategories;
    return html`<ul class="legend" part="legend" aria-label="Categories">
      ${keys.map(
        (key) =>
          html`<li>
            <span class="swatch" style="background:${colors.get(key)}"></span
            >${labelFor(key, categories)}
          </li>`,
      )}
    </ul>`;
  }

  private renderRow(
    row: LeaderboardRow,
    index: number,
    layout: RowLayout,
    max: number,
    colors: Map<string, string>,
    format: Formatter,
    columns: number,
  ): unknown {
    const expanded = this.expanded.has(row.userId);
    const expandable = row.total > 0;
    const detailId = `detail-${index}`;
    const label = displayName(row);
    const categories = this.effectiveCategories;
    const segments = Object.entries(row.byCategory);
    const spoken = segments
      .map(([key, count]) => `${labelFor(key, categories)} ${format.number(count)}`)
      .join(', ');
    return html`<div class="slot" style="transform:translateY(${layout.top(index)}px)">
      <div
        role="row"
        part="row"
        class="row ${row.total === 0 ? 'idle' : ''}"
        aria-rowindex=${index + 2}
        data-user=${row.userId}
      >
        <span role="cell" class="rank num"
          >${row.rank === null ? html`<span class="muted">—</span>` : format.number(row.rank)}</span
        >
        <span role="cell" class="user">
          ${
            expandable
              ? html`<button
                  type="button"
                  class="expand"
                  aria-expanded=${expanded ? 'true' : 'false'}
                  aria-controls=${detailId}
                  data-index=${index}
                  @click=${() => this.toggle(row.userId)}
                  @keydown=${this.onRowKey}
                >
                  <span class="chevron ${expanded ? 'open' : ''}">${chevronIcon}</span>
                  <span class="name">${label}</span>
                </button>`
              : html`<span class="name plain">${label}</span>`
          }
          ${
            row.email !== null && row.name !== null
              ? html`<span class="email muted">${row.email}</span>`
              : nothing
          }
          ${row.active ? nothing : html`<span class="tag">Deactivated</span>`}
        </span>
        <span role="cell" class="activity">
          <span class="bar" part="bar" aria-hidden="true">
            ${segments.map(
              ([key, count]) =>
                html`<span
                  class="segment"
                  style="width:${max === 0 ? 0 : (count / max) * 100}%;background:${colors.get(key)}"
                ></span>`,
            )}
          </span>
          <span class="visually-hidden">${spoken || 'No activity'}</span>
        </span>
        <span role="cell" class="num total">${format.number(row.total)}</span>
        ${
          this.showCredits
            ? html`<span role="cell" class="num">${format.number(row.credits)}</span>`
            : nothing
        }
      </div>
      ${
        expanded && expandable
          ? html`<div role="row" class="detail-row" aria-rowindex=${index + 2}>
              <div role="cell" aria-colspan=${columns} id=${detailId} class="detail" part="detail">
                ${this.renderDetail(row, colors, format)}
              </div>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderDetail(
    row: LeaderboardRow,
    colors: Map<string, string>,
    format: Formatter,
  ): unknown {
    const categories = this.effectiveCategories;
    const names = Object.entries(row.byName).sort((a, b) => b[1] - a[1]);
    const top = names[0]?.[1] ?? 0;
    const slices: DonutSlice[] = Object.entries(row.byCategory).map(([key, value]) => ({
      key,
      label: labelFor(key, categories),
      value,
      color: colors.get(key) ?? '#808080',
    }));
    const summary = `Events of ${displayName(row)} by category: ${slices
      .map(
        (slice) =>
          `${slice.label} ${format.number(slice.value)} (${format.percent(slice.value / row.total)})`,
      )
      .join(', ')}.`;
    return html`<div
        class="features"
        role="region"
        tabindex="0"
        aria-label=${`Feature counts of ${displayName(row)}`}
      >
        <table class="compact">
          <caption class="visually-hidden">
            Events of ${displayName(row)} by feature
          </caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col" class="num">Events</th>
            </tr>
          </thead>
          <tbody>
            ${names.map(
              ([name, count]) =>
                html`<tr>
                  <td>
                    <span class="feature">${name}</span>
                    <span class="mini-bar" aria-hidden="true"
                      ><span style="width:${top === 0 ? 0 : (count / top) * 100}%"></span
                    ></span>
                  </td>
                  <td class="num">${format.number(count)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="categories">
        <tally-donut
          .slices=${slices}
          .formatValue=${(value: number) => format.number(value)}
          summary=${summary}
          theme=${this.resolvedTheme}
        ></tally-donut>
        <table class="compact">
          <caption class="visually-hidden">
            Events of ${displayName(row)} by category
          </caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col" class="num">Events</th>
              <th scope="col" class="num">Share</th>
            </tr>
          </thead>
          <tbody>
            ${slices.map(
              (slice) =>
                html`<tr>
                  <td>
                    <span class="swatch" style="background:${slice.color}"></span> ${slice.label}
                  </td>
                  <td class="num">${format.number(slice.value)}</td>
                  <td class="num">${format.percent(slice.value / row.total)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private renderSystem(
    system: SystemSummary,
    colors: Map<string, string>,
    format: Formatter,
  ): unknown {
    const categories = this.effectiveCategories;
    const agents = Object.entries(system.byAgent).sort((a, b) => b[1] - a[1]);
    const segments = Object.entries(system.byCategory);
    return html`<div
      class="system"
      part="system"
      role="group"
      aria-label="Automated work, not ranked"
    >
      <div class="system-head">
        <span class="system-title">Automated</span>
        <span class="muted"
          >Background work attributed to ${agents.map(([agent]) => agent).join(', ')}; not
          ranked.</span
        >
      </div>
      <div class="system-body">
        <span class="bar" aria-hidden="true">
          ${segments.map(
            ([key, count]) =>
              html`<span
                class="segment"
                style="width:${(count / system.total) * 100}%;background:${colors.get(key)}"
              ></span>`,
          )}
        </span>
        <span class="num total">${format.number(system.total)}</span>
      </div>
      <table class="compact">
        <caption class="visually-hidden">
          Automated events by agent and category
        </caption>
        <thead>
          <tr>
            <th scope="col">Agent or category</th>
            <th scope="col" class="num">Events</th>
          </tr>
        </thead>
        <tbody>
          ${agents.map(
            ([agent, count]) =>
              html`<tr>
                <td>${agent}</td>
                <td class="num">${format.number(count)}</td>
              </tr>`,
          )}
          ${segments.map(
            ([key, count]) =>
              html`<tr>
                <td>
                  <span class="swatch" style="background:${colors.get(key)}"></span>
                  ${labelFor(key, categories)}
                </td>
                <td class="num">${format.number(count)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private layoutCache:
    | { rows: readonly LeaderboardRow[]; expanded: ReadonlySet<string>; layout: RowLayout }
    | undefined;

  private layout(rows: readonly LeaderboardRow[]): RowLayout {
    const cached = this.layoutCache;
    if (cached !== undefined && cached.rows === rows && cached.expanded === this.expanded)
      return cached.layout;
    const open: number[] = [];
    if (this.expanded.size > 0) {
      rows.forEach((row, index) => {
        if (this.expanded.has(row.userId) && row.total > 0) open.push(index);
      });
    }
    const extra = open.length * DETAIL_HEIGHT;
    const result: RowLayout = {
      count: rows.length,
      height: rows.length * ROW_HEIGHT + extra,
      rowHeight: ROW_HEIGHT,
      detailHeight: DETAIL_HEIGHT,
      expanded: open,
      top: (index: number) =>
        index * ROW_HEIGHT + open.filter((before) => before < index).length * DETAIL_HEIGHT,
    };
    this.layoutCache = { rows, expanded: this.expanded, layout: result };
    return result;
  }

  private maxHeightValue: number | undefined;

  /** The list's most height, read from the styles once per size change (reading forces a style pass). */
  private maxHeight(): number {
    if (this.maxHeightValue === undefined) {
      const value = parseFloat(
        getComputedStyle(this).getPropertyValue('--tally-leaderboard-height'),
      );
      this.maxHeightValue = Number.isFinite(value) && value > 0 ? value : 560;
    }
    return this.maxHeightValue;
  }

  private readonly onScroll = (event: Event): void => {
    this.scrollOffset = (event.target as HTMLElement).scrollTop;
  };

  private readonly onRowKey = (event: KeyboardEvent): void => {
    const rows = this.data?.rows ?? [];
    const current = Number((event.currentTarget as HTMLElement).dataset.index);
    const expandable = (index: number) => rows[index] !== undefined && rows[index].total > 0;
    let target: number | undefined;
    if (event.key === 'ArrowDown') target = current + 1;
    else if (event.key === 'ArrowUp') target = current - 1;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = lastActive(rows);
    else return;
    event.preventDefault();
    if (target < 0 || target >= rows.length || !expandable(target)) return;
    this.focusRow(target);
  };

  /** Scrolls a row into view and moves the focus to its toggle. */
  private focusRow(index: number): void {
    const rows = this.data?.rows ?? [];
    const viewport = this.renderRoot.querySelector<HTMLElement>('.viewport');
    if (viewport === null || rows[index] === undefined) return;
    const layout = this.layout(rows);
    const top = layout.top(index);
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + ROW_HEIGHT > viewport.scrollTop + viewport.clientHeight) {
      viewport.scrollTop = top + ROW_HEIGHT - viewport.clientHeight;
    }
    this.scrollOffset = viewport.scrollTop;
    const button = this.renderRoot.querySelector<HTMLElement>(
      `button.expand[data-index="${index}"]`,
    );
    if (button !== null) {
      button.focus();
    } else {
      this.focusAfterRender = String(index);
      this.requestUpdate();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver ??= new ResizeObserver(() => {
      this.maxHeightValue = undefined;
      const viewport = this.renderRoot.querySelector<HTMLElement>('.viewport');
      if (viewport !== null && viewport.clientHeight > 0)
        this.viewportHeight = viewport.clientHeight;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.observed = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const viewport = this.renderRoot.querySelector<HTMLElement>('.viewport');
    if (viewport !== null && viewport !== this.observed) {
      this.observed = viewport;
      this.resizeObserver?.observe(viewport);
    }
    if (this.focusAfterRender !== undefined) {
      const index = this.focusAfterRender;
      this.focusAfterRender = undefined;
      this.renderRoot.querySelector<HTMLElement>(`button.expand[data-index="${index}"]`)?.focus();
    }
  }
}

function lastActive(rows: readonly LeaderboardRow[]): number {
  for (let index = rows.length - 1; index >= 0; index -= 1) if (rows[index].total > 0) return index;
  return -1;
}

/** The name a row shows: the roster name, else the email, else the user id. */
export function displayName(row: Pick<LeaderboardRow, 'name' | 'email' | 'userId'>): string {
  return row.name ?? row.email ?? row.userId;
}

if (!customElements.get('tally-leaderboard'))
  customElements.define('tally-leaderboard', TallyLeaderboard);

declare global {
  interface HTMLElementTagNameMap {
    'tally-leaderboard': TallyLeaderboard;
  }
}
