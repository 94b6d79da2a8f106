import { css } from 'lit';

/** Styles of `<tally-usage-tab>`: the header, the shared filters, the tabs and the panels. */
export const usageTabStyles = css`
  :host {
    background: var(--tally-color-background, var(--_bg));
    padding: var(--tally-page-padding, 0);
  }

  .page {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--tally-page-gap, 16px);
    min-width: 0;
  }

  .page-header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 12px;
  }

  .page-title {
    font-size: 1.4em;
    font-weight: 650;
    margin: 0;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 8px 12px;
  }

  [role='tablist'] {
    display: flex;
    gap: 4px;
    border-bottom: 1px solid var(--tally-color-border, var(--_border));
  }

  [role='tab'] {
    font: inherit;
    font-weight: 600;
    color: var(--tally-color-muted, var(--_muted));
    background: none;
    border: 0;
    border-bottom: 3px solid transparent;
    margin-bottom: -1px;
    padding: 8px 14px;
    min-height: 40px;
    cursor: pointer;
    border-radius: var(--tally-radius-small, 6px) var(--tally-radius-small, 6px) 0 0;
  }

  [role='tab']:hover {
    color: var(--tally-color-text, var(--_text));
    background: var(--tally-color-hover, var(--_hover));
  }

  [role='tab'][aria-selected='true'] {
    color: var(--tally-color-text, var(--_text));
    border-bottom-color: var(--tally-color-accent, var(--_accent));
  }

  [role='tab']:focus-visible,
  [role='tabpanel']:focus-visible {
    outline: 2px solid var(--tally-color-focus, var(--_focus));
    outline-offset: 2px;
  }

  [role='tabpanel'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--tally-page-gap, 16px);
    min-width: 0;
  }

  [role='tabpanel'][hidden] {
    display: none;
  }

  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 280px), 1fr));
    gap: var(--tally-page-gap, 16px);
    align-items: stretch;
  }

  .cards > * {
    min-width: 0;
  }

  tally-stat-cards {
    --tally-stat-min-width: 120px;
  }
`;
