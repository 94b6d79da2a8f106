import { css } from 'lit';

/** Styles of `<tally-credit-report>` and `<tally-recommendations>`. */
export const creditBlocksStyles = css`
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
    gap: 8px 16px;
    margin: 0 0 14px;
  }

  .figures dt {
    color: var(--tally-color-muted, var(--_muted));
    font-size: 0.86em;
  }

  .figures dd {
    margin: 2px 0 0;
    font-size: 1.15em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
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
