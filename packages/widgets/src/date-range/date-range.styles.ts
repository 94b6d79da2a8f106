import { css } from 'lit';

/** Styles of `<tally-date-range>`. */
export const dateRangeStyles = css`
  :host {
    display: inline-block;
    position: relative;
  }

  .trigger-row {
    display: flex;
    align-items: center;
    gap: 6px;
    flex-wrap: wrap;
  }

  .trigger {
    background: var(--tally-color-surface, var(--_raised));
  }

  .trigger-label {
    font-weight: 500;
  }

  .timezone {
    font-size: 0.86em;
  }

  .step.back svg {
    transform: rotate(180deg);
  }

  .floor-note {
    margin: 6px 0 0;
    font-size: 0.86em;
    color: var(--tally-color-muted, var(--_muted));
    max-width: 36em;
  }

  .panel {
    position: absolute;
    z-index: 10;
    top: calc(100% + 6px);
    left: 0;
    width: max-content;
    max-width: min(92vw, 380px);
    padding: 12px;
    background: var(--tally-color-surface, var(--_raised));
    border: 1px solid var(--tally-color-border, var(--_border));
    border-radius: var(--tally-radius, 8px);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
  }

  .presets {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-bottom: 12px;
  }

  .preset[aria-pressed='true'],
  .primary {
    background: var(--tally-color-accent, var(--_accent));
    border-color: var(--tally-color-accent, var(--_accent));
    color: var(--tally-color-on-accent, var(--_on-accent));
  }

  .preset[aria-pressed='true']:hover,
  .primary:hover {
    background: var(--tally-color-accent, var(--_accent));
  }

  .month-row {
    display: flex;
    align-items: center;
    gap: 6px;
    margin-bottom: 6px;
  }

  .month-label {
    flex: 1;
    text-align: center;
    font-weight: 600;
  }

  .whole-month {
    font-size: 0.86em;
  }

  .grid {
    width: auto;
    border-collapse: separate;
    border-spacing: 2px;
  }

  .grid th,
  .grid td {
    padding: 0;
    border: 0;
    text-align: center;
  }

  .grid th {
    font-size: 0.8em;
    padding-bottom: 4px;
  }

  .day {
    width: 36px;
    height: 32px;
    border: 1px solid transparent;
    border-radius: 6px;
    background: none;
    cursor: pointer;
    font-variant-numeric: tabular-nums;
  }

  .day:hover:not(:disabled) {
    background: var(--tally-color-hover, var(--_hover));
  }

  .day.outside {
    color: var(--tally-color-muted, var(--_muted));
  }

  .day.today {
    border-color: var(--tally-color-border, var(--_border));
  }

  .day.in-range {
    background: var(--tally-color-hover, var(--_hover));
  }

  .day.edge {
    background: var(--tally-color-accent, var(--_accent));
    color: var(--tally-color-on-accent, var(--_on-accent));
  }

  .day:disabled {
    text-decoration: line-through;
    cursor: not-allowed;
  }

  .apply-row {
    display: flex;
    align-items: center;
    gap: 6px;
    margin-top: 10px;
  }

  .apply-row > span {
    flex: 1;
    font-size: 0.86em;
  }
`;
