import type { SessionsResult } from '@tally/core';
import { css, html, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { DataElement, type ViewQuery } from '../base/data-element.js';

/** Which distribution of sessions is shown. */
export type DistributionKind = 'duration' | 'events';

const TITLES: Record<DistributionKind, string> = {
  duration: 'Session duration',
  events: 'Events per session',
};

/**
 * @summary A histogram of sessions (DESIGN §5 sessions): how many last `<1m`, `1–5m`, `5–10m`,
 * `10m+`, or hold `1–2`, `3–5`, `6–10`, `10+` events, each bucket with its count and share, as
 * bars that are also a table for screen readers.
 *
 * @event tally-data-load - An answer arrived.
 * @event tally-data-error - The query failed.
 *
 * @csspart base - The frame.
 * @csspart header - The title row.
 * @csspart refresh-button - Refresh.
 * @csspart list - The histogram.
 * @csspart item - A bucket.
 * @csspart bar - A bucket's bar.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart skeleton - Loading.
 *
 * @cssproperty --tally-color-accent - The bars.
 * @cssproperty --tally-color-border - The bars' track.
 */
export class TallyDistribution extends DataElement<'sessions'> {
  static override styles = [
    ...baseStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 4px 6px;
        text-align: left;
        font-weight: 400;
      }
      .num {
        text-align: right;
        white-space: nowrap;
      }
      .bar {
        display: block;
        height: 10px;
        min-width: 60px;
        border-radius: 999px;
        background: var(--tally-color-border, var(--_border));
      }
      .bar span {
        display: block;
        height: 100%;
        border-radius: 999px;
        background: var(--tally-color-accent, var(--_accent));
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    kind: {},
  };

  /** Session `duration` or `events` per session. @default 'duration' */
  declare kind: DistributionKind;

  constructor() {
    super();
    this.kind = 'duration';
  }

  protected override defaultHeading(): string {
    return TITLES[this.kind] ?? TITLES.duration;
  }

  protected viewQuery(): ViewQuery<'sessions'> {
    return {
      view: 'sessions',
      params: { range: this.effectiveRange, tz: this.effectiveTz, filters: this.effectiveFilters },
    };
  }

  protected isEmpty(result: SessionsResult): boolean {
    return result.sessions === 0;
  }

  protected renderData(result: SessionsResult): unknown {
    const format = this.formatterFor(result.range.tz);
    const buckets =
      this.kind === 'events' ? result.eventsDistribution : result.durationDistribution;
    const top = Math.max(1, ...buckets.map((bucket) => bucket.sessions));
    return html`<table part="list">
      <caption class="visually-hidden">
        ${this.headingText}: sessions per bucket
      </caption>
      <thead class="visually-hidden">
        <tr>
          <th scope="col">Bucket</th>
          <th scope="col">Bar</th>
          <th scope="col" class="num">Sessions</th>
          <th scope="col" class="num">Share</th>
        </tr>
      </thead>
      <tbody>
        ${buckets.map(
          (bucket) =>
            html`<tr part="item" data-bucket=${bucket.label}>
              <th scope="row">${bucket.label}</th>
              <td>
                <span class="bar" part="bar" aria-hidden="true"
                  ><span style="width:${(bucket.sessions / top) * 100}%"></span
                ></span>
              </td>
              <td class="num" data-column="sessions">${format.number(bucket.sessions)}</td>
              <td class="num" data-column="share">${format.percent(bucket.share)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

if (!customElements.get('tally-distribution')) {
  customElements.define('tally-distribution', TallyDistribution);
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-distribution': TallyDistribution;
  }
}
