import { css } from 'lit';

/**
 * The design tokens every component reads. The public `--tally-*` properties may be set by the
 * page (on any ancestor, or on the element); the private `--_*` values are each theme's
 * defaults behind them.
 */
export const themeTokens = css`
  :host {
    --_bg: #ffffff;
    --_surface: #f6f8fa;
    --_raised: #ffffff;
    --_text: #1f2328;
    --_muted: #59636e;
    --_border: #d1d9e0;
    --_grid: #e3e8ee;
    --_accent: #0960c9;
    --_on-accent: #ffffff;
    --_positive: #1a7f37;
    --_negative: #cf222e;
    --_focus: #0960c9;
    --_skeleton: #e6eaef;
    --_hover: #eff2f5;

    --tally-bg: var(--tally-color-background, var(--_bg));
    --tally-fg: var(--tally-color-text, var(--_text));
    color-scheme: light;
    display: block;
    box-sizing: border-box;
    color: var(--tally-color-text, var(--_text));
    font-family: var(
      --tally-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    font-size: var(--tally-font-size, 14px);
    line-height: 1.45;
  }

  :host([data-tally-theme='dark']) {
    --_bg: #0d1117;
    --_surface: #161b22;
    --_raised: #1c2128;
    --_text: #e6edf3;
    --_muted: #9ba4ae;
    --_border: #3d444d;
    --_grid: #262c34;
    --_accent: #4c9dff;
    --_on-accent: #0d1117;
    --_positive: #57c96b;
    --_negative: #ff7b72;
    --_focus: #6cb6ff;
    --_skeleton: #262c34;
    --_hover: #1f252d;
    color-scheme: dark;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;
