import { css } from 'lit';

/** Styles of `<tally-budget>`: the figures, the bar with its threshold marks, and the status. */
export const budgetStyles = css`
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
    gap: 8px 16px;
    margin: 0 0 14px;
  }

  .figures div {
    min-width: 0;
  }

  .figures dt {
    color: var(--tally-color-muted, var(--_muted));
    font-size: 0.86em;
  }

  .figures dd {
    margin: 2px 0 0;
    font-size: 1.15em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .track {
    position: relative;
    height: var(--tally-budget-bar-height, 12px);
    border-radius: 999px;
    background: var(--tally-color-border, var(--_border));
    margin: 22px 0 6px;
  }

  .fill {
    position: absolute;
    inset: 0 auto 0 0;
    border-radius: 999px;
    background: var(--tally-color-accent, var(--_accent));
  }

  .fill.at-risk {
    background: var(--tally-budget-color-at-risk, #b35900);
  }

  .fill.over {
    background: var(--tally-color-negative, var(--_negative));
  }

  .projection {
    position: absolute;
    top: -3px;
    bottom: -3px;
    width: 0;
    border-left: 2px dashed var(--tally-color-muted, var(--_muted));
  }

  .mark {
    position: absolute;
    top: -20px;
    bottom: -4px;
    width: 0;
    border-left: 2px solid var(--tally-color-text, var(--_text));
  }

  .mark span {
    position: absolute;
    top: 0;
    left: 0;
    transform: translateX(-50%);
    font-size: 0.8em;
    line-height: 1;
    white-space: nowrap;
  }

  .mark:last-child span {
    transform: translateX(-100%);
  }

  .status {
    display: inline-block;
    margin-top: 10px;
    padding: 2px 10px;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-weight: 600;
  }

  .status.over {
    color: var(--tally-color-negative, var(--_negative));
  }

  .status.on-track {
    color: var(--tally-color-positive, var(--_positive));
  }
`;
