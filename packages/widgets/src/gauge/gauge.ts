import { html, nothing, svg, type PropertyDeclarations } from 'lit';
import { TallyElement } from '../base/tally-element.js';
import { themeTokens } from '../theme/theme-tokens.js';
import { gaugeStyles } from './gauge.styles.js';

/** Where a reading stands against the gauge's thresholds. */
export type GaugeStatus = 'normal' | 'warning' | 'critical';

/** The words of each gauge status. */
export const GAUGE_STATUS_LABELS: Readonly<Record<GaugeStatus, string>> = {
  normal: 'Normal',
  warning: 'Warning',
  critical: 'Critical',
};

const RADIUS = 80;
const CENTER_X = 100;
const CENTER_Y = 95;

/** Where `value` falls between `min` and `max`, from 0 to 1 (clamped). */
export function gaugeFraction(value: number, min: number, max: number): number {
  if (!(max > min)) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** The status of `value`: `critical` from `critical` up, `warning` from `warning` up. */
export function gaugeStatus(
  value: number,
  warning: number | undefined,
  critical: number | undefined,
): GaugeStatus {
  if (critical !== undefined && value >= critical) return 'critical';
  if (warning !== undefined && value >= warning) return 'warning';
  return 'normal';
}

function point(fraction: number): [number, number] {
  const angle = Math.PI * (1 - fraction);
  return [CENTER_X + RADIUS * Math.cos(angle), CENTER_Y - RADIUS * Math.sin(angle)];
}

function arc(from: number, to: number): string {
  const [x1, y1] = point(from);
  const [x2, y2] = point(to);
  return `M ${x1.toFixed(2)} ${y1.toFixed(2)} A ${RADIUS} ${RADIUS} 0 0 1 ${x2.toFixed(2)} ${y2.toFixed(2)}`;
}

/**
 * @summary A dial for one reading (such as a queue's depth) between a minimum and a maximum,
 * with optional warning and critical thresholds drawn as zones on the scale. It is a
 * `role="meter"` with the value, bounds and a text reading for assistive technology, and says
 * its status ("Warning", "Critical") in words as well as colour. Without a value it says so.
 *
 * @csspart base - The gauge.
 * @csspart dial - The SVG dial.
 * @csspart reading - The value.
 * @csspart label - The label.
 * @csspart status - The status word.
 * @csspart scale - Min and max.
 *
 * @cssproperty [--tally-gauge-size=160px] - The dial's width.
 * @cssproperty --tally-gauge-color-warning - The warning zone.
 * @cssproperty --tally-color-negative - The critical zone and word.
 * @cssproperty --tally-color-accent - The filled arc.
 * @cssproperty --tally-color-border - The track.
 */
export class TallyGauge extends TallyElement {
  static override styles = [themeTokens, gaugeStyles];

  static override properties: PropertyDeclarations = {
    value: { type: Number },
    min: { type: Number },
    max: { type: Number },
    warning: { type: Number },
    critical: { type: Number },
    label: {},
    unit: {},
  };

  /** The reading; `null` or unset when there is none. */
  declare value: number | null | undefined;
  /** The scale's low end. @default 0 */
  declare min: number;
  /** The scale's high end. @default 100 */
  declare max: number;
  /** Readings from this value up are a warning. */
  declare warning: number | undefined;
  /** Readings from this value up are critical. */
  declare critical: number | undefined;
  /** What is measured, e.g. `queue.depth`. @default 'Reading' */
  declare label: string;
  /** A unit written after the value, e.g. `jobs`. */
  declare unit: string | undefined;

  constructor() {
    super();
    this.value = undefined;
    this.min = 0;
    this.max = 100;
    this.label = 'Reading';
  }

  /** The reading's status against the thresholds; `null` without a reading. */
  get status(): GaugeStatus | null {
    const value = this.value;
    if (value === null || value === undefined || Number.isNaN(value)) return null;
    return gaugeStatus(value, this.warning, this.critical);
  }

  override render() {
    const format = this.formatterFor();
    const value = this.value;
    const unit = this.unit === undefined || this.unit === '' ? '' : ` ${this.unit}`;
    const scale = html`<div class="scale" part="scale" aria-hidden="true">
      <span>${format.number(this.min)}</span><span>${format.number(this.max)}</span>
    </div>`;
    const status = this.status;
    if (value === null || value === undefined || status === null) {
      return html`<div class="gauge" part="base" role="img" aria-label="${this.label}: no reading">
        ${this.renderDial(null)}${scale}
        <span class="reading empty" part="reading" aria-hidden="true">—</span>
        <span class="label" part="label" aria-hidden="true">${this.label}</span>
      </div>`;
    }
    const written = `${format.number(value)}${unit}`;
    const valueText =
      status === 'normal' ? written : `${written}, ${GAUGE_STATUS_LABELS[status].toLowerCase()}`;
    return html`<div
      class="gauge"
      part="base"
      role="meter"
      aria-label=${this.label}
      aria-valuenow=${value}
      aria-valuemin=${this.min}
      aria-valuemax=${this.max}
      aria-valuetext=${valueText}
      data-status=${status}
    >
      ${this.renderDial(gaugeFraction(value, this.min, this.max))}${scale}
      <span class="reading" part="reading" aria-hidden="true">${written}</span>
      <span class="label" part="label" aria-hidden="true">${this.label}</span>
      ${
        status === 'normal'
          ? nothing
          : html`<span class="status ${status}" part="status" aria-hidden="true"
              >${GAUGE_STATUS_LABELS[status]}</span
            >`
      }
    </div>`;
  }

  private renderDial(fraction: number | null): unknown {
    const zones: [GaugeStatus, number, number][] = [];
    const { warning, critical, min, max } = this;
    const criticalStart = critical === undefined ? 1 : gaugeFraction(critical, min, max);
    if (warning !== undefined) {
      const start = gaugeFraction(warning, min, max);
      if (start < criticalStart) zones.push(['warning', start, criticalStart]);
    }
    if (critical !== undefined && criticalStart < 1) zones.push(['critical', criticalStart, 1]);
    const [needleX, needleY] = point(fraction ?? 0);
    return html`<svg part="dial" viewBox="0 0 200 110" aria-hidden="true" focusable="false">
      <path class="track" d=${arc(0, 1)}></path>
      ${zones.map(([status, from, to]) => svg`<path class="zone ${status}" d=${arc(from, to)}></path>`)}
      ${
        fraction === null
          ? nothing
          : svg`${fraction > 0 ? svg`<path class="fill" d=${arc(0, fraction)}></path>` : nothing}
            <line class="needle" x1=${CENTER_X} y1=${CENTER_Y} x2=${needleX.toFixed(2)} y2=${needleY.toFixed(2)}></line>
            <circle class="hub" cx=${CENTER_X} cy=${CENTER_Y} r="5"></circle>`
      }
    </svg>`;
  }
}

if (!customElements.get('tally-gauge')) {
  customElements.define('tally-gauge', TallyGauge);
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-gauge': TallyGauge;
  }
}
