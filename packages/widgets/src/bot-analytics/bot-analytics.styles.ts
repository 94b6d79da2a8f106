import { css } from 'lit';

/** Styles of `<tally-bot-analytics>`: the grid of cards, charts and tables (the header is in `pageElementStyles`). */
export const botAnalyticsStyles = css`
  .charts {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--tally-page-gap, 16px);
  }

  @container (max-width: 640px) {
    .charts {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  .charts > * {
    min-width: 0;
  }

  .wide {
    grid-column: 1 / -1;
  }

  tally-stat-cards {
    --tally-stat-min-width: 190px;
  }
`;
