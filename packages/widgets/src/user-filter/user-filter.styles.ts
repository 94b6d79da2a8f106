import { css } from 'lit';

/** Styles of `<tally-user-filter>`. */
export const userFilterStyles = css`
  :host {
    display: inline-block;
    position: relative;
  }

  .button[part='trigger'] {
    background: var(--tally-color-surface, var(--_raised));
  }

  .badge {
    min-width: 1.5em;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--tally-color-accent, var(--_accent));
    color: var(--tally-color-on-accent, var(--_on-accent));
    font-size: 0.8em;
    font-variant-numeric: tabular-nums;
  }

  .panel {
    position: absolute;
    z-index: 10;
    top: calc(100% + 6px);
    left: 0;
    width: 300px;
    max-width: 92vw;
    padding: 10px;
    background: var(--tally-color-surface, var(--_raised));
    border: 1px solid var(--tally-color-border, var(--_border));
    border-radius: var(--tally-radius, 8px);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
  }

  .narrow input {
    width: 100%;
    min-height: 32px;
    padding: 4px 8px;
    background: var(--tally-color-background, var(--_bg));
    border: 1px solid var(--tally-color-border, var(--_border));
    border-radius: var(--tally-radius-small, 6px);
  }

  .options {
    border: 0;
    margin: 8px 0;
    padding: 0;
    max-height: 260px;
    overflow: auto;
  }

  .option {
    display: flex;
    gap: 8px;
    align-items: center;
    padding: 4px 2px;
    cursor: pointer;
  }

  .who {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }

  .name,
  .email {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .email {
    font-size: 0.86em;
  }

  .more {
    font-size: 0.86em;
    margin: 6px 2px;
  }

  .error {
    color: var(--tally-color-negative, var(--_negative));
  }

  .panel-actions {
    display: flex;
    justify-content: flex-end;
    gap: 6px;
  }
`;
