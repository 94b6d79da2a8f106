import { css } from 'lit';

/**
 * A `<dl class="figures">` of labelled figures laid out in a grid: shared by the blocks that show
 * a handful of headline numbers above (or instead of) a chart or table.
 */
export const figureListStyles = css`
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
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
`;
