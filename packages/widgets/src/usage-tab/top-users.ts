import type { LeaderboardResult } from '@tally/core';
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';
import { displayName } from '../leaderboard/leaderboard.js';

/**
 * @summary The most active users of the range (the leaderboard's first ranks): rank, name,
 * events and credits, with a bar against the leader. Users with equal totals share a rank,
 * exactly as on the leaderboard; users without events are never listed.
 *
 * @event tally-data-load - An answer arrived.
 * @event tally-data-error - The query failed.
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart title - The title.
 * @csspart refresh-button - Refresh.
 * @csspart list - The list.
 * @csspart item - One user.
 * @csspart rank - A user's rank.
 * @csspart bar - A user's bar.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - Loading.
 *
 * @cssproperty --tally-color-accent - The bars.
 * @cssproperty --tally-color-muted - Secondary text.
 */
export class TallyTopUsers extends DataElement<'leaderboard'> {
  static override styles = [
    ...baseStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      li {
        display: grid;
        grid-template-columns: 2.2em minmax(0, 1fr) auto;
        align-items: center;
        gap: 2px 8px;
      }
      .rank {
        grid-row: span 2;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
        color: var(--tally-color-muted, var(--_muted));
      }
      .who {
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .email {
        display: block;
        font-size: 0.86em;
      }
      .bar {
        grid-column: 2 / 4;
        display: block;
        height: 6px;
        border-radius: 3px;
        background: var(--tally-color-grid, var(--_grid));
      }
      .bar span {
        display: block;
        height: 100%;
        border-radius: 3px;
        background: var(--tally-color-accent, var(--_accent));
      }
      .figures {
        text-align: right;
      }
      .credits {
        display: block;
        font-size: 0.86em;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    limit: { type: Number },
  };

  /** How many users to list. @default 3 */
  declare limit: number;

  constructor() {
    super();
    this.heading = 'Top users';
    this.limit = 3;
  }

  protected viewQuery(): ViewQuery<'leaderboard'> {
    return {
      view: 'leaderboard',
      params: { range: this.effectiveRange, tz: this.effectiveTz, filters: this.effectiveFilters },
    };
  }

  protected isEmpty(result: LeaderboardResult): boolean {
    return !result.rows.some((row) => row.total > 0);
  }

  protected override emptyHint(): string {
    return 'No user activity in this range — widen it, or clear the search and user filters.';
  }

  protected renderData(result: LeaderboardResult): unknown {
    const format = this.formatterFor(result.range.tz);
    const limit = Number.isInteger(this.limit) && this.limit > 0 ? this.limit : 3;
    const rows = result.rows.filter((row) => row.total > 0).slice(0, limit);
    const top = rows[0]?.total ?? 0;
    return html`<ol part="list" aria-label=${this.headingText}>
      ${rows.map(
        (row) =>
          html`<li part="item" data-user=${row.userId}>
            <span class="rank" part="rank"
              ><span class="visually-hidden">Rank </span
              >${row.rank === null ? '—' : format.number(row.rank)}</span
            >
            <span class="who">
              <span class="name">${displayName(row)}</span>
              ${
                row.email !== null && row.name !== null
                  ? html`<span class="email muted">${row.email}</span>`
                  : nothing
              }
            </span>
            <span class="figures">
              <span class="num events"
                >${format.number(row.total)} ${row.total === 1 ? 'event' : 'events'}</span
              >
              <span class="num credits muted">${format.number(row.credits)} credits</span>
            </span>
            <span class="bar" part="bar" aria-hidden="true"
              ><span style="width:${top === 0 ? 0 : (row.total / top) * 100}%"></span
            ></span>
          </li>`,
      )}
    </ol>`;
  }
}

if (!customElements.get('tally-top-users')) customElements.define('tally-top-users', TallyTopUsers);

declare global {
  interface HTMLElementTagNameMap {
    'tally-top-users': TallyTopUsers;
  }
}
