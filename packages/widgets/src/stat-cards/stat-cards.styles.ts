import { css } from 'lit';

/** Styles of `<tally-stat-cards>`. */
export const statCardsStyles = css`
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--tally-stat-min-width, 150px), 1fr));
    gap: 10px;
  }

  .card {
    position: relative;
    padding: 12px;
    border: 1px solid var(--tally-color-border, var(--_border));
    border-radius: var(--tally-radius-small, 6px);
    background: var(--tally-color-background, var(--_bg));
    min-width: 0;
  }

  .label {
    font-size: 0.86em;
    color: var(--tally-color-muted, var(--_muted));
  }

  .value {
    font-size: 1.6em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    margin: 4px 0 2px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .value.time {
    font-size: 1.25em;
    white-space: normal;
  }

  .exact {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
  }

  .card:hover .exact,
  .card:focus-visible .exact {
    clip: auto;
    width: auto;
    height: auto;
    left: 8px;
    top: calc(100% - 4px);
    z-index: 2;
    padding: 4px 8px;
    font-size: 0.6em;
    font-weight: 500;
    border-radius: 4px;
    background: var(--tally-color-text, var(--_text));
    color: var(--tally-color-background, var(--_bg));
  }

  .change {
    font-size: 0.82em;
    font-variant-numeric: tabular-nums;
  }

  .change.good {
    color: var(--tally-color-positive, var(--_positive));
  }

  .change.bad {
    color: var(--tally-color-negative, var(--_negative));
  }

  .change.neutral {
    color: var(--tally-color-muted, var(--_muted));
  }

  .change .muted {
    margin-left: 2px;
  }
`;
