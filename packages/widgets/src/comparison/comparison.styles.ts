import { css } from 'lit';

/** Styles of `<tally-comparison>`: the table, its sort buttons and the selected row. */
export const comparisonStyles = css`
  /*
   * Scrolls the table sideways when it is wider than the card; a shadow at an edge says more
   * columns lie beyond it (the covers scroll with the content and hide the shadow at the ends).
   */
  .scroll {
    overflow-x: auto;
    background:
      linear-gradient(to right, var(--tally-color-surface, var(--_raised)) 30%, transparent) left /
        32px 100% no-repeat local,
      linear-gradient(to left, var(--tally-color-surface, var(--_raised)) 30%, transparent) right /
        32px 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 22%), transparent) left / 10px 100%
        no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 22%), transparent) right / 10px 100%
        no-repeat scroll;
  }

  .scroll:focus-visible {
    outline: 2px solid var(--tally-color-focus, var(--_focus));
    outline-offset: 2px;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  th,
  td {
    padding: 6px;
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

  /* Column titles wrap ("Completion / tokens") so that the figures set the columns' width. */
  thead th {
    vertical-align: bottom;
  }

  .sort {
    text-align: inherit;
    white-space: normal;
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
