import { css, html, type PropertyValues, type PropertyDeclarations } from 'lit';
import { themeTokens } from '../theme/theme-tokens.js';
import { TallyElement } from '../base/tally-element.js';
import { TallyFilterChangeEvent } from '../events/tally-events.js';

/**
 * @summary A search box that filters users by name or email (the `search` filter of DESIGN §5):
 * inside a `<tally-provider>` every widget follows what is typed, after a short pause.
 *
 * @event tally-filter-change - The search text changed (`filters.search`, `undefined` when cleared).
 *
 * @csspart input - The text field.
 * @csspart label - The field's label.
 * @cssproperty --tally-color-border - The field's border.
 * @cssproperty --tally-color-focus - The focus ring.
 */
export class TallySearch extends TallyElement {
  static override styles = [
    themeTokens,
    css`
      :host {
        display: inline-block;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 2px;
        font-size: 0.86em;
        color: var(--tally-color-muted, var(--_muted));
      }
      input {
        font: inherit;
        font-size: 1rem;
        min-height: 32px;
        min-width: 14em;
        padding: 4px 10px;
        color: var(--tally-color-text, var(--_text));
        background: var(--tally-color-surface, var(--_raised));
        border: 1px solid var(--tally-color-border, var(--_border));
        border-radius: var(--tally-radius-small, 6px);
      }
      input:focus-visible {
        outline: 2px solid var(--tally-color-focus, var(--_focus));
        outline-offset: 1px;
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0, 0, 0, 0);
        white-space: nowrap;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    label: {},
    placeholder: {},
    delay: { type: Number },
    hideLabel: { attribute: 'hide-label', type: Boolean },
    value: { state: true },
  };

  /** The field's label. @default 'Search users' */
  declare label: string;
  /** Shown in the empty field. @default 'Name or email' */
  declare placeholder: string;
  /** Milliseconds of quiet typing before the filter applies. @default 250 */
  declare delay: number;
  /** Keeps the label for screen readers only. */
  declare hideLabel: boolean;
  /** The current text. */
  declare value: string;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.label = 'Search users';
    this.placeholder = 'Name or email';
    this.delay = 250;
    this.hideLabel = false;
    this.value = '';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Follow the shared filter when it is changed elsewhere, unless the reader is mid-typing.
    if (changed.has('shared') && this.timer === undefined) {
      this.value = this.shared?.filters.search ?? this.value;
    }
  }

  override render() {
    return html`<label part="label">
      <span class=${this.hideLabel ? 'visually-hidden' : ''}>${this.label}</span>
      <input
        part="input"
        type="search"
        autocomplete="off"
        spellcheck="false"
        .value=${this.value}
        placeholder=${this.placeholder}
        @input=${this.onInput}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Enter') this.commit();
        }}
      />
    </label>`;
  }

  private readonly onInput = (event: Event): void => {
    this.value = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.commit(), this.delay);
  };

  /** Applies the current text now. */
  commit(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const search = this.value.trim();
    if (this.shared === undefined) this.filters = { ...this.filters, search: search || undefined };
    this.dispatchEvent(new TallyFilterChangeEvent({ search: search || undefined }));
  }
}

if (!customElements.get('tally-search')) customElements.define('tally-search', TallySearch);

declare global {
  interface HTMLElementTagNameMap {
    'tally-search': TallySearch;
  }
}
