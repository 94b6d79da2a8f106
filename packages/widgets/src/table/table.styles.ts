import { css } from 'lit';

/** Styles of `<tally-table>`. */
export const tableStyles = css`
  .export {
    position: relative;
  }

  .menu {
    position: absolute;
    right: 0;
    top: calc(100% + 4px);
    z-index: 10;
    display: flex;
    flex-direction: column;
    min-width: 150px;
    padding: 4px;
    background: var(--tally-color-surface, var(--_raised));
    border: 1px solid var(--tally-color-border, var(--_border));
    border-radius: var(--tally-radius-small, 6px);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
  }

  .menu [role='menuitem'] {
    text-align: left;
    padding: 6px 10px;
    border: 0;
    border-radius: 4px;
    background: none;
    cursor: pointer;
  }

  .menu [role='menuitem']:hover,
  .menu [role='menuitem']:focus {
    background: var(--tally-color-hover, var(--_hover));
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: flex-end;
    margin-bottom: 10px;
  }

  .filter {
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-size: 0.86em;
    color: var(--tally-color-muted, var(--_muted));
  }

  .filter input,
  .filter select,
  .page-size select {
    min-height: 30px;
    padding: 2px 8px;
    font-size: 1rem;
    color: var(--tally-color-text, var(--_text));
    background: var(--tally-color-background, var(--_bg));
    border: 1px solid var(--tally-color-border, var(--_border));
    border-radius: var(--tally-radius-small, 6px);
  }

  .scroll {
    overflow: auto;
    max-height: var(--tally-table-max-height, none);
  }

  th button.sort {
    display: inline-flex;
    gap: 4px;
    align-items: center;
    padding: 2px 0;
    border: 0;
    background: none;
    font-weight: 600;
    color: inherit;
    cursor: pointer;
    white-space: nowrap;
  }

  th.num button.sort {
    flex-direction: row;
  }

  th button.sort.active {
    color: var(--tally-color-text, var(--_text));
  }

  .arrow {
    font-size: 0.8em;
    opacity: 0.8;
  }

  td {
    white-space: nowrap;
  }

  .user-cell {
    display: flex;
    flex-direction: column;
    white-space: normal;
  }

  .email {
    font-size: 0.86em;
  }

  .empty-row {
    text-align: center;
    padding: 24px 8px;
    white-space: normal;
  }

  .empty-row strong {
    display: block;
  }

  .pagination {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    justify-content: flex-end;
    margin-top: 10px;
    font-size: 0.93em;
  }

  .pagination > span:first-child {
    margin-right: auto;
  }

  .page-size {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }

  .export-error {
    color: var(--tally-color-negative, var(--_negative));
  }
`;
