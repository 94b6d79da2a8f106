import { css } from 'lit';

/** Styles of `<tally-credit-report>` and `<tally-recommendations>`, over the shared figure list. */
export const creditBlocksStyles = css`
  .figures dd {
    font-size: 1.15em;
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
  }

  th {
    font-weight: 600;
    color: var(--tally-color-muted, var(--_muted));
  }

  .num {
    text-align: right;
  }

  .list {
    margin: 0 0 14px;
    padding-left: 18px;
  }

  .list li {
    margin-bottom: 6px;
  }
`;
