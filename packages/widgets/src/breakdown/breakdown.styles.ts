import { css } from 'lit';

/** Styles of `<tally-breakdown>`. */
export const breakdownStyles = css`
  .bars th,
  .bars td {
    border-bottom: 0;
    padding: 5px 4px;
  }

  .bars .key {
    font-weight: 400;
    color: var(--tally-color-text, var(--_text));
    width: 100%;
    font-size: 1em;
  }

  .key-text {
    display: block;
    overflow-wrap: anywhere;
  }

  .bar {
    display: block;
    height: 6px;
    margin-top: 4px;
    border-radius: 3px;
    background: var(--tally-color-grid, var(--_grid));
  }

  .bar span {
    display: block;
    height: 100%;
    border-radius: 3px;
    background: var(--tally-color-accent, var(--_accent));
  }

  .share {
    width: 4.5em;
  }

  .donut-layout {
    display: flex;
    flex-wrap: wrap;
    gap: 16px;
    align-items: center;
  }

  .donut-layout table {
    flex: 1;
    min-width: 200px;
  }

  .donut-layout th[scope='row'] {
    font-weight: 400;
    color: var(--tally-color-text, var(--_text));
    font-size: 1em;
  }

  .note {
    font-size: 0.86em;
    margin: 6px 0 0;
  }
`;
