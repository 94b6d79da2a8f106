import { svg } from 'lit';

/** A circular arrow. */
export const refreshIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M8 2.5a5.5 5.5 0 1 0 5.3 7h-1.6A4 4 0 1 1 8 4c1.1 0 2.1.5 2.8 1.2L9 7h4.5V2.5l-1.6 1.6A5.5 5.5 0 0 0 8 2.5Z"/></svg>`;

/** A chevron pointing right (rotated when open). */
export const chevronIcon = svg`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false"><path fill="currentColor" d="M6 3.5 10.5 8 6 12.5 4.9 11.4 8.3 8 4.9 4.6Z"/></svg>`;

/** A downward arrow into a tray. */
export const downloadIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M7.25 1.5h1.5v7.1l2.2-2.2 1.1 1.1L8 11.6 3.95 7.5l1.1-1.1 2.2 2.2ZM2 12.5h12V14H2Z"/></svg>`;

/** A calendar page. */
export const calendarIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4.5 1h1.5v1.5h4V1h1.5v1.5H14V14H2V2.5h2.5Zm-1 5V12.5h9V6Z"/></svg>`;
