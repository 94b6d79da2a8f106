import { css } from 'lit';

/** Styles of `<tally-comparison>`: the table, its sort buttons and the selected row. */
export const comparisonStyles = css`
  .scroll {
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  th,
  td {
    padding: 6px 8px;
    border-bottom: 1px solid var(--tally-color-border, var(--_border));
    text-align: left;
    white-space: nowrap;
  }

  .num {
    text-align: right;
  }

  th {
    font-weight: 600;
    color: var(--tally-color-muted, var(--_muted));
  }

  .sort {
    border: 0;
    background: none;
    padding: 0;
    font: inherit;
    font-weight: 600;
    color: inherit;
    cursor: pointer;
  }

  .sort:focus-visible,
  .pick:focus-visible {
    outline: 2px solid var(--tally-color-focus, var(--_focus));
    outline-offset: 2px;
  }

  .pick {
    border: 0;
    background: none;
    padding: 0;
    font: inherit;
    color: var(--tally-color-accent, var(--_accent));
    text-decoration: underline;
    cursor: pointer;
  }

  tr.group th,
  tr.group td,
  tr.total th,
  tr.total td {
    color: var(--tally-color-text, var(--_text));
    font-weight: 600;
    background: var(--_surface);
  }

  tr.total th,
  tr.total td {
    border-top: 2px solid var(--tally-color-border, var(--_border));
  }

  th.indent {
    padding-left: 20px;
  }

  tr[aria-selected='true'] td {
    background: var(--tally-color-hover, var(--_hover));
    font-weight: 600;
  }
`;
