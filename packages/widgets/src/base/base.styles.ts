import { css } from 'lit';
import { themeTokens } from '../theme/theme-tokens.js';

/** The frame, header, states and controls every Tally widget shares. */
export const baseStyles = [
  themeTokens,
  css`
    .widget {
      background: var(--tally-color-surface, var(--_raised));
      border: 1px solid var(--tally-color-border, var(--_border));
      border-radius: var(--tally-radius, 8px);
      padding: var(--tally-spacing, 16px);
      min-width: 0;
    }

    .header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      margin-bottom: 12px;
      flex-wrap: wrap;
    }

    .title {
      font-size: 1.07em;
      font-weight: 600;
      margin: 0;
      display: flex;
      align-items: baseline;
      gap: 8px;
      flex-wrap: wrap;
    }

    .title-extra {
      font-size: 0.86em;
      font-weight: 400;
      color: var(--tally-color-muted, var(--_muted));
    }

    .actions {
      display: flex;
      align-items: center;
      gap: 6px;
    }

    button,
    select,
    input {
      font: inherit;
      color: inherit;
    }

    .button,
    .icon-button,
    select {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 6px;
      min-height: 32px;
      padding: 4px 10px;
      border: 1px solid var(--tally-color-border, var(--_border));
      border-radius: var(--tally-radius-small, 6px);
      background: var(--tally-color-background, var(--_bg));
      cursor: pointer;
    }

    .icon-button {
      width: 32px;
      padding: 0;
    }

    .button:hover,
    .icon-button:hover {
      background: var(--tally-color-hover, var(--_hover));
    }

    button:disabled {
      cursor: default;
      opacity: 0.6;
    }

    :focus-visible {
      outline: 2px solid var(--tally-color-focus, var(--_focus));
      outline-offset: 2px;
    }

    .state {
      padding: 24px 8px;
      text-align: center;
      color: var(--tally-color-muted, var(--_muted));
    }

    .state p {
      margin: 0 0 8px;
    }

    .state-title {
      color: var(--tally-color-text, var(--_text));
      font-weight: 600;
    }

    .state-error p {
      color: var(--tally-color-negative, var(--_negative));
    }

    .stale {
      opacity: 0.6;
      transition: opacity 0.2s;
    }

    .skeleton-block {
      display: grid;
      gap: 10px;
      padding: 8px 0;
    }

    .skeleton-line,
    .skeleton {
      height: 14px;
      border-radius: 4px;
      background: var(--tally-color-skeleton, var(--_skeleton));
      animation: tally-pulse 1.4s ease-in-out infinite;
    }

    @keyframes tally-pulse {
      50% {
        opacity: 0.45;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .skeleton-line,
      .skeleton {
        animation: none;
      }
    }

    .visually-hidden {
      position: absolute !important;
      width: 1px;
      height: 1px;
      padding: 0;
      margin: -1px;
      overflow: hidden;
      clip: rect(0, 0, 0, 0);
      white-space: nowrap;
      border: 0;
    }

    .muted {
      color: var(--tally-color-muted, var(--_muted));
    }

    .num {
      font-variant-numeric: tabular-nums;
      text-align: right;
      white-space: nowrap;
    }

    table {
      border-collapse: collapse;
      width: 100%;
    }

    th,
    td {
      padding: 6px 8px;
      border-bottom: 1px solid var(--tally-color-grid, var(--_grid));
      text-align: left;
      vertical-align: middle;
    }

    th {
      font-weight: 600;
      color: var(--tally-color-muted, var(--_muted));
      font-size: 0.9em;
    }

    th.num,
    td.num {
      text-align: right;
    }

    .swatch {
      display: inline-block;
      width: 10px;
      height: 10px;
      border-radius: 2px;
      flex: none;
    }

    details.data-table summary {
      cursor: pointer;
      color: var(--tally-color-accent, var(--_accent));
      margin-top: 8px;
      width: max-content;
    }

    .chart-box {
      position: relative;
      height: var(--tally-chart-height, 240px);
    }

    .summary {
      margin: 0 0 8px;
      color: var(--tally-color-muted, var(--_muted));
      font-size: 0.93em;
    }
  `,
];
