import { css } from 'lit';

/** Styles of `<tally-latency-by-hour>`: 24 columns and the data table behind them. */
export const latencyByHourStyles = css`
  .summary {
    margin: 0 0 8px;
    color: var(--tally-color-muted, var(--_muted));
    font-size: 0.86em;
  }

  .columns {
    display: grid;
    grid-template-columns: repeat(24, minmax(0, 1fr));
    align-items: end;
    gap: 2px;
    height: var(--tally-chart-height, 140px);
    border-bottom: 1px solid var(--tally-color-border, var(--_border));
  }

  .column {
    background: var(--tally-color-accent, var(--_accent));
    border-radius: 3px 3px 0 0;
    min-height: 1px;
  }

  .column.none {
    background: transparent;
  }

  .hours {
    display: grid;
    grid-template-columns: repeat(8, minmax(0, 1fr));
    color: var(--tally-color-muted, var(--_muted));
    font-size: 0.8em;
    font-variant-numeric: tabular-nums;
    margin-top: 2px;
  }

  .data-table summary {
    cursor: pointer;
    margin-top: 8px;
    color: var(--tally-color-accent, var(--_accent));
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  th,
  td {
    padding: 3px 8px;
    text-align: left;
    border-bottom: 1px solid var(--tally-color-border, var(--_border));
  }

  .num {
    text-align: right;
  }
`;
