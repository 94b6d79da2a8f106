import { css } from 'lit';

/** Styles of `<tally-donut>`. */
export const donutStyles = css`
  :host {
    display: block;
    width: var(--tally-donut-size, 160px);
    height: var(--tally-donut-size, 160px);
  }

  .box {
    position: relative;
    width: 100%;
    height: 100%;
  }
`;
