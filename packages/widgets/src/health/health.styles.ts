import { css } from 'lit';

/** Styles of `<tally-health>`: the groups of figures and their good / acceptable / bad markers. */
export const healthStyles = css`
  .groups {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
    gap: 16px;
  }

  .group {
    min-width: 0;
  }

  .group-title {
    margin: 0 0 6px;
    font-size: 0.92em;
    font-weight: 600;
    color: var(--tally-color-muted, var(--_muted));
  }

  dl {
    margin: 0;
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 4px 10px;
    align-items: baseline;
  }

  dl > div {
    display: contents;
  }

  dd {
    margin: 0;
    text-align: right;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  .marker {
    margin-left: 8px;
    font-size: 0.8em;
    font-weight: 600;
    padding: 0 6px;
    border-radius: 999px;
    border: 1px solid currentColor;
    text-align: center;
  }

  .marker.good {
    color: var(--tally-color-positive, var(--_positive));
  }

  .marker.bad {
    color: var(--tally-color-negative, var(--_negative));
  }

  .incidents-title,
  .incidents-none {
    margin: 10px 0 4px;
    font-size: 0.86em;
    font-weight: 600;
  }

  .incidents {
    margin: 0;
    padding-left: 18px;
    font-size: 0.86em;
    font-variant-numeric: tabular-nums;
  }

  .incidents .duration {
    color: var(--tally-color-muted, var(--_muted));
    white-space: nowrap;
  }

  .incidents-more {
    margin: 4px 0 0;
    font-size: 0.86em;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: baseline;
  }

  .link-button {
    border: 0;
    background: none;
    padding: 0;
    font: inherit;
    color: var(--tally-color-accent, var(--_accent));
    text-decoration: underline;
    cursor: pointer;
  }

  .link-button:focus-visible {
    outline: 2px solid var(--tally-color-focus, var(--_focus));
    outline-offset: 2px;
  }

  .gauges {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
  }

  .gauge p {
    margin: 4px 0 0;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
`;
