import { css } from 'lit';

/** Styles of `<tally-gauge>`: the dial, its zones, the needle and the reading. */
export const gaugeStyles = css`
  :host {
    display: inline-block;
    width: var(--tally-gauge-size, 160px);
  }

  .gauge {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 2px;
    padding: 4px;
    border-radius: var(--tally-radius, 8px);
    background: var(--tally-color-surface, var(--_raised));
  }

  svg {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }

  .track {
    fill: none;
    stroke: var(--tally-color-border, var(--_border));
    stroke-width: 12;
  }

  .zone {
    fill: none;
    stroke-width: 12;
  }

  .zone.warning {
    stroke: var(--tally-gauge-color-warning, #b35900);
  }

  .zone.critical {
    stroke: var(--tally-color-negative, var(--_negative));
  }

  .fill {
    fill: none;
    stroke: var(--tally-color-accent, var(--_accent));
    stroke-width: 6;
    stroke-linecap: round;
  }

  .needle {
    stroke: var(--tally-color-text, var(--_text));
    stroke-width: 3;
    stroke-linecap: round;
  }

  .hub {
    fill: var(--tally-color-text, var(--_text));
  }

  .reading {
    font-size: 1.3em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    line-height: 1.2;
  }

  .label,
  .scale {
    color: var(--tally-color-muted, var(--_muted));
    font-size: 0.86em;
    text-align: center;
  }

  .scale {
    display: flex;
    justify-content: space-between;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }

  .status {
    font-size: 0.86em;
    font-weight: 600;
  }

  .status.warning {
    color: var(--tally-gauge-color-warning-text, #8a4500);
  }

  .status.critical {
    color: var(--tally-color-negative, var(--_negative));
  }

  :host([data-tally-theme='dark']) .status.warning {
    color: var(--tally-gauge-color-warning-text, #f0a04b);
  }

  .empty {
    color: var(--tally-color-muted, var(--_muted));
  }
`;
