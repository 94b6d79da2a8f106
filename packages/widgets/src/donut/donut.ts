import type { Chart } from 'chart.js';
import { html, LitElement, type PropertyValues, type PropertyDeclarations } from 'lit';
import { chartColors } from '../charts/chart-colors.js';
import { registerDoughnutChart } from '../charts/doughnut-chart.js';
import { donutStyles } from './donut.styles.js';

/** One slice of a donut. */
export interface DonutSlice {
  key: string;
  label: string;
  value: number;
  color: string;
}

/**
 * @summary A donut chart of a few shares, drawn with chart.js: the building block of the
 * leaderboard's expanded rows and of `<tally-breakdown mode="donut">`. The canvas carries a text
 * summary; the parent shows the accessible table of the same numbers.
 *
 * @csspart canvas - The chart's canvas.
 * @cssproperty [--tally-donut-size=160px] - The donut's diameter.
 */
export class TallyDonut extends LitElement {
  static override styles = donutStyles;

  static override properties: PropertyDeclarations = {
    slices: { attribute: false },
    summary: {},
    theme: {},
  };

  /** The slices, largest first. */
  declare slices: readonly DonutSlice[];
  /** The text alternative of the chart. */
  declare summary: string;
  /** The theme being drawn (a change re-reads the colours). */
  declare theme: string;
  /** Formats the value in the tooltip. */
  formatValue: (value: number) => string = String;

  private chart: Chart<'doughnut'> | undefined;

  constructor() {
    super();
    this.slices = [];
    this.summary = '';
    this.theme = 'light';
  }

  override render() {
    return html`<div class="box">
      <canvas part="canvas" role="img" aria-label=${this.summary}></canvas>
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!changed.has('slices') && !changed.has('theme')) return;
    const canvas = this.renderRoot.querySelector('canvas');
    if (canvas === null) return;
    const colors = chartColors(this);
    const data = {
      labels: this.slices.map((slice) => slice.label),
      datasets: [
        {
          data: this.slices.map((slice) => slice.value),
          backgroundColor: this.slices.map((slice) => slice.color),
          borderColor: colors.background,
          borderWidth: 2,
        },
      ],
    };
    if (this.chart === undefined) {
      const ChartType = registerDoughnutChart();
      this.chart = new ChartType(canvas, {
        type: 'doughnut',
        data,
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          cutout: '62%',
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: { label: (item) => ` ${item.label}: ${this.formatValue(item.parsed)}` },
            },
          },
        },
      });
    } else {
      this.chart.data = data;
      this.chart.update('none');
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reattached after a disconnect destroyed the chart: draw it again.
    if (this.hasUpdated) this.requestUpdate('slices');
  }
}

if (!customElements.get('tally-donut')) customElements.define('tally-donut', TallyDonut);

declare global {
  interface HTMLElementTagNameMap {
    'tally-donut': TallyDonut;
  }
}
