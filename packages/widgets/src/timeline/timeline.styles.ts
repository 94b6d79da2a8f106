import { css } from 'lit';

/** Styles of `<tally-timeline>`. */
export const timelineStyles = css`
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    list-style: none;
    margin: 8px 0 0;
    padding: 0;
    font-size: 0.9em;
  }

  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }

  .bars-skeleton {
    display: flex;
    align-items: flex-end;
    gap: 6px;
    height: var(--tally-chart-height, 240px);
  }

  .bars-skeleton .skeleton {
    flex: 1;
  }

  details.data-table table {
    margin-top: 6px;
  }

  details.data-table[open] {
    max-height: 320px;
    overflow: auto;
  }
`;
