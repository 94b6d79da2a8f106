import { css } from 'lit';

/**
 * Styles of what every `TallyPageElement` page shares: the page's background and grid, and
 * the header it renders (title, controls, Refresh button).
 */
export const pageElementStyles = css`
  :host {
    background: var(--tally-color-background, var(--_bg));
    padding: var(--tally-page-padding, 0);
  }

  .page {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--tally-page-gap, 16px);
    min-width: 0;
    container-type: inline-size;
  }

  .page-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
  }

  .page-title {
    font-size: 1.4em;
    font-weight: 650;
    margin: 0;
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-left: auto;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 32px;
    padding: 4px 12px;
    font: inherit;
    color: inherit;
    border: 1px solid var(--tally-color-border, var(--_border));
    border-radius: var(--tally-radius-small, 6px);
    background: var(--tally-color-surface, var(--_raised));
    cursor: pointer;
  }

  .button:hover {
    background: var(--tally-color-hover, var(--_hover));
  }

  .button:disabled {
    cursor: default;
    opacity: 0.6;
  }

  .button:focus-visible {
    outline: 2px solid var(--tally-color-focus, var(--_focus));
    outline-offset: 2px;
  }
`;
