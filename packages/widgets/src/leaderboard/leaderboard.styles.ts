import { css } from 'lit';

/** Styles of `<tally-leaderboard>`; row heights match the layout constants in the element. */
export const leaderboardStyles = css`
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    list-style: none;
    margin: 0 0 12px;
    padding: 0;
    font-size: 0.93em;
  }

  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }

  .row {
    display: grid;
    grid-template-columns: 56px minmax(120px, 1.2fr) minmax(80px, 2fr) 80px;
    align-items: center;
    gap: 12px;
    height: 52px;
    padding: 0 8px;
    border-bottom: 1px solid var(--tally-color-grid, var(--_grid));
  }

  .with-credits .row {
    grid-template-columns: 56px minmax(120px, 1.2fr) minmax(80px, 2fr) 80px 80px;
  }

  .head-row {
    height: 36px;
    font-weight: 600;
    font-size: 0.9em;
    color: var(--tally-color-muted, var(--_muted));
  }

  .viewport {
    overflow-y: auto;
    position: relative;
    contain: strict;
    min-height: 52px;
  }

  .rows {
    position: relative;
  }

  .slot {
    position: absolute;
    left: 0;
    right: 0;
    top: 0;
  }

  .row:not(.head-row):hover {
    background: var(--tally-color-hover, var(--_hover));
  }

  .rank {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }

  .user {
    display: flex;
    flex-direction: column;
    justify-content: center;
    min-width: 0;
  }

  .expand {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    border: 0;
    padding: 2px 4px 2px 0;
    margin-left: -2px;
    background: none;
    cursor: pointer;
    text-align: left;
    min-width: 0;
    max-width: 100%;
    border-radius: 4px;
  }

  .chevron {
    display: inline-flex;
    color: var(--tally-color-muted, var(--_muted));
    transition: transform 0.15s;
    flex: none;
  }

  .chevron.open {
    transform: rotate(90deg);
  }

  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 500;
  }

  .name.plain {
    padding-left: 18px;
  }

  .email {
    font-size: 0.86em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    padding-left: 18px;
  }

  .tag {
    align-self: flex-start;
    margin-left: 18px;
    font-size: 0.78em;
    padding: 0 6px;
    border-radius: 999px;
    border: 1px solid var(--tally-color-border, var(--_border));
    color: var(--tally-color-muted, var(--_muted));
  }

  .bar {
    display: flex;
    height: 12px;
    border-radius: 3px;
    overflow: hidden;
    background: var(--tally-color-grid, var(--_grid));
    min-width: 0;
  }

  .segment {
    height: 100%;
  }

  .idle .total {
    color: var(--tally-color-muted, var(--_muted));
  }

  .detail-row {
    height: 260px;
    border-bottom: 1px solid var(--tally-color-grid, var(--_grid));
    background: var(--tally-color-background, var(--_bg));
  }

  .detail {
    display: grid;
    grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr);
    gap: 16px;
    height: 100%;
    padding: 12px 16px 12px 72px;
  }

  .features {
    overflow: auto;
    min-height: 0;
  }

  .categories {
    display: flex;
    gap: 12px;
    align-items: flex-start;
  }

  .categories tally-donut {
    --tally-donut-size: 128px;
    flex: none;
  }

  table.compact th,
  table.compact td {
    padding: 3px 6px;
  }

  .feature {
    display: block;
    overflow-wrap: anywhere;
  }

  .mini-bar {
    display: block;
    height: 4px;
    margin-top: 2px;
    background: var(--tally-color-grid, var(--_grid));
    border-radius: 2px;
  }

  .mini-bar span {
    display: block;
    height: 100%;
    background: var(--tally-color-accent, var(--_accent));
    border-radius: 2px;
  }

  .system {
    margin-top: 16px;
    padding: 12px;
    border: 1px dashed var(--tally-color-border, var(--_border));
    border-radius: var(--tally-radius-small, 6px);
  }

  .system-head {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    align-items: baseline;
    margin-bottom: 8px;
  }

  .system-title {
    font-weight: 600;
  }

  .system-body {
    display: grid;
    grid-template-columns: 1fr 80px;
    gap: 12px;
    align-items: center;
    margin-bottom: 8px;
  }

  .skeleton-rows {
    display: grid;
    gap: 18px;
    padding: 12px 8px;
  }

  .skeleton-row {
    display: flex;
    gap: 16px;
    align-items: center;
  }

  @media (max-width: 560px) {
    .row,
    .with-credits .row {
      grid-template-columns: 40px minmax(0, 1fr) 64px;
    }
    .activity {
      display: none;
    }
    .detail {
      grid-template-columns: 1fr;
      padding-left: 16px;
    }
  }
`;
