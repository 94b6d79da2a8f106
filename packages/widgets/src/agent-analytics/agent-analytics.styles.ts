import { css } from 'lit';

/** Styles of `<tally-agent-analytics>`: the header, the sections and their grids. */
export const agentAnalyticsStyles = css`
  :host {
    display: block;
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

  .page-header,
  .scope {
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

  .section-title {
    font-size: 1.15em;
    font-weight: 600;
    margin: 8px 0 0;
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

  .scope {
    justify-content: flex-start;
    padding: 8px 12px;
    border: 1px solid var(--tally-color-accent, var(--_accent));
    border-radius: var(--tally-radius, 8px);
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--tally-page-gap, 16px);
  }

  /* A table of six columns beside a bar list: the table takes the larger share. */
  .grid.table-first {
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
  }

  @container (max-width: 640px) {
    .grid,
    .grid.table-first {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  .grid > * {
    min-width: 0;
  }

  .wide {
    grid-column: 1 / -1;
  }

  tally-stat-cards {
    --tally-stat-min-width: 170px;
  }
`;
