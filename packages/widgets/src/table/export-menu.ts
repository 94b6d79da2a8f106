import { html, nothing, type TemplateResult } from 'lit';
import type { ExportFormat } from '../data/data-source.js';
import { downloadIcon } from '../base/icons.js';

/** The state the export menu renders from, and what it calls. */
export interface ExportMenuState {
  open: boolean;
  busy: boolean;
  label: string;
  formats: readonly ExportFormat[];
  toggle(open: boolean): void;
  choose(format: ExportFormat): void;
}

const FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: 'Export CSV',
  json: 'Export JSON',
  ndjson: 'Export NDJSON',
};

/**
 * An "Export" menu button (the ARIA menu button pattern): arrow keys move between the formats,
 * Escape closes it and returns to the button.
 */
export function exportMenu(state: ExportMenuState): TemplateResult {
  const onKey = (event: KeyboardEvent) => {
    const items = [
      ...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role="menuitem"]'),
    ];
    const index = items.indexOf(event.target as HTMLElement);
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = (index + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      state.toggle(false);
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    items[next]?.focus();
  };
  return html`<div class="export">
    <button
      type="button"
      class="button"
      part="export-button"
      aria-haspopup="menu"
      aria-expanded=${state.open ? 'true' : 'false'}
      aria-controls="export-menu"
      ?disabled=${state.busy}
      @click=${() => state.toggle(!state.open)}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'ArrowDown' && !state.open) {
          event.preventDefault();
          state.toggle(true);
        }
      }}
    >
      ${downloadIcon} ${state.busy ? 'Exporting…' : state.label}
    </button>
    ${
      state.open
        ? html`<div
            class="menu"
            id="export-menu"
            role="menu"
            aria-label=${state.label}
            part="export-menu"
            @keydown=${onKey}
          >
            ${state.formats.map(
              (format) =>
                html`<button
                  type="button"
                  role="menuitem"
                  tabindex="-1"
                  data-format=${format}
                  @click=${() => state.choose(format)}
                >
                  ${FORMAT_LABELS[format]}
                </button>`,
            )}
          </div>`
        : nothing
    }
  </div>`;
}
