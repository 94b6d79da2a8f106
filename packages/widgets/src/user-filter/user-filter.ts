import type { LeaderboardResult, LeaderboardRow } from '@tally/core';
import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';
import { TallyFilterChangeEvent } from '../events/tally-events.js';
import { displayName } from '../leaderboard/leaderboard.js';
import { userFilterStyles } from './user-filter.styles.js';

/** Users listed at once; typing narrows the list. */
const LIST_LIMIT = 200;

/**
 * @summary Picks specific users to focus on (the `users` filter of DESIGN §5). The list holds
 * everyone on the leaderboard for the range, licensed users without activity included, and can
 * be narrowed by typing.
 *
 * @event tally-filter-change - The chosen users changed (`filters.users`, `undefined` for all).
 *
 * @csspart trigger - The button that opens the list.
 * @csspart panel - The list's popover.
 * @csspart option - One user's checkbox row.
 * @csspart filter-input - The narrowing field.
 * @cssproperty --tally-color-accent - The count badge.
 * @cssproperty --tally-color-surface - The popover.
 */
export class TallyUserFilter extends DataElement<'leaderboard'> {
  static override styles = [...baseStyles, userFilterStyles];

  static override properties: PropertyDeclarations = {
    open: { type: Boolean, reflect: true },
    selected: { attribute: false },
    narrow: { state: true },
  };

  /** Whether the list is open. */
  declare open: boolean;
  /** The chosen user ids (empty: everyone). */
  declare selected: readonly string[];
  declare private narrow: string;

  constructor() {
    super();
    this.heading = 'Users';
    this.open = false;
    this.selected = [];
    this.narrow = '';
  }

  protected viewQuery(): ViewQuery<'leaderboard'> {
    // The list itself ignores the user and search filters, or choosing would shrink it.
    const { users: _users, search: _search, ...filters } = this.effectiveFilters;
    return {
      view: 'leaderboard',
      params: { range: this.effectiveRange, tz: this.effectiveTz, filters },
    };
  }

  protected isEmpty(result: LeaderboardResult): boolean {
    return result.rows.length === 0;
  }

  protected renderData(): unknown {
    return nothing;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('shared') && this.shared !== undefined) {
      this.selected = [...(this.shared.filters.users ?? [])];
    }
  }

  override render() {
    const count = this.selected.length;
    const users = this.data?.rows ?? [];
    return html`<div class="filter" part="base">
      <button
        type="button"
        class="button"
        part="trigger"
        aria-haspopup="dialog"
        aria-expanded=${this.open ? 'true' : 'false'}
        @click=${() => (this.open = !this.open)}
      >
        ${count === 0 ? 'All users' : count === 1 ? this.nameOf(this.selected[0], users) : `${count} users`}
        ${count > 0 ? html`<span class="badge">${count}</span>` : nothing}
      </button>
      ${this.open ? this.renderPanel(users) : nothing}
    </div>`;
  }

  private renderPanel(users: readonly LeaderboardRow[]): unknown {
    const needle = this.narrow.trim().toLowerCase();
    const matches = users.filter(
      (user) =>
        needle === '' ||
        [user.name, user.email, user.userId].some((text) => text?.toLowerCase().includes(needle)),
    );
    const shown = matches.slice(0, LIST_LIMIT);
    const chosen = new Set(this.selected);
    return html`<div
      class="panel"
      part="panel"
      role="dialog"
      aria-label="Choose users"
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          this.close();
        }
      }}
    >
      <label class="narrow">
        <span class="visually-hidden">Find a user</span>
        <input
          part="filter-input"
          type="search"
          placeholder="Find a user"
          .value=${this.narrow}
          @input=${(event: Event) => (this.narrow = (event.target as HTMLInputElement).value)}
        />
      </label>
      ${
        this.status === 'loading' && this.data === undefined
          ? html`<p class="muted" role="status">Loading users…</p>`
          : this.status === 'error'
            ? html`<p class="error" role="alert">
                Could not load the users.
                <button type="button" class="button" @click=${() => this.refresh()}>Retry</button>
              </p>`
            : nothing
      }
      <fieldset class="options">
        <legend class="visually-hidden">Users</legend>
        ${shown.map(
          (user) =>
            html`<label class="option" part="option">
              <input
                type="checkbox"
                .checked=${chosen.has(user.userId)}
                data-user=${user.userId}
                @change=${(event: Event) => this.toggle(user.userId, (event.target as HTMLInputElement).checked)}
              />
              <span class="who">
                <span class="name">${displayName(user)}</span>
                ${user.email !== null && user.name !== null ? html`<span class="muted email">${user.email}</span>` : nothing}
              </span>
            </label>`,
        )}
        ${
          matches.length > shown.length
            ? html`<p class="muted more">
                ${matches.length - shown.length} more: type to narrow the list.
              </p>`
            : nothing
        }
        ${matches.length === 0 && this.data !== undefined ? html`<p class="muted more">No user matches.</p>` : nothing}
      </fieldset>
      <div class="panel-actions">
        <button
          type="button"
          class="button"
          ?disabled=${this.selected.length === 0}
          @click=${() => this.choose([])}
        >
          Clear
        </button>
        <button type="button" class="button" @click=${() => this.close()}>Done</button>
      </div>
    </div>`;
  }

  private nameOf(userId: string, users: readonly LeaderboardRow[]): string {
    const user = users.find((row) => row.userId === userId);
    return user === undefined ? userId : displayName(user);
  }

  private toggle(userId: string, checked: boolean): void {
    const next = this.selected.filter((id) => id !== userId);
    if (checked) next.push(userId);
    this.choose(next);
  }

  /** Chooses these users (none: everyone), as if the reader had. */
  choose(userIds: readonly string[]): void {
    this.selected = [...userIds];
    const users = userIds.length === 0 ? undefined : [...userIds];
    if (this.shared === undefined) this.filters = { ...this.filters, users };
    this.dispatchEvent(new TallyFilterChangeEvent({ users }));
  }

  private close(): void {
    this.open = false;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part="trigger"]')?.focus(),
    );
  }
}

if (!customElements.get('tally-user-filter'))
  customElements.define('tally-user-filter', TallyUserFilter);

declare global {
  interface HTMLElementTagNameMap {
    'tally-user-filter': TallyUserFilter;
  }
}
