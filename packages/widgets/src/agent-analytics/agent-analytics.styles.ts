import { css } from 'lit';

/** Styles of `<tally-agent-analytics>`: the sections and their grids (the header is in `pageElementStyles`). */
export const agentAnalyticsStyles = css`
  :host {
    display: block;
  }

  .scope {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
  }

  .section-title {
    font-size: 1.15em;
    font-weight: 600;
    margin: 8px 0 0;
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
