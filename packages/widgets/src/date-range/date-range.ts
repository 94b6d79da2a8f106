import { localDayKey, resolveRange, type Preset, type ResolvedRange } from '@tally/core';
import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../base/base.styles.js';
import { calendarIcon, chevronIcon } from '../base/icons.js';
import { TallyElement } from '../base/tally-element.js';
import type { RangeValue } from '../data/data-source.js';
import { TallyRangeChangeEvent } from '../events/tally-events.js';
import { Formatter } from '../format/formatter.js';
import {
  addDays,
  addMonths,
  monthGrid,
  monthOf,
  parseDayKey,
  utcOf,
  type DayKey,
} from './calendar-math.js';
import { dateRangeStyles } from './date-range.styles.js';
import { presetLabel } from './range-labels.js';

/**
 * @summary Picks the date range of a usage page: presets (DESIGN §4; the last 30 days by
 * default), a calendar for custom ranges that disables the days before the tenant's data floor
 * (with a note saying why), a month switcher, and the time zone the days are counted in.
 *
 * @event tally-range-change - The reader chose a range (`range`); a `<tally-provider>` applies it.
 *
 * @csspart trigger - The button that opens the picker.
 * @csspart panel - The picker.
 * @csspart preset - A preset button.
 * @csspart calendar - The month grid.
 * @csspart day - A day.
 * @csspart month-switcher - The previous / next month buttons.
 * @csspart timezone - The zone note.
 * @csspart floor-note - The note about the data floor.
 *
 * @cssproperty --tally-color-accent - The chosen days.
 * @cssproperty --tally-color-surface - The panel.
 * @cssproperty --tally-color-border - Borders.
 * @cssproperty --tally-color-text - Text.
 */
export class TallyDateRange extends TallyElement {
  static override styles = [...baseStyles, dateRangeStyles];

  static override properties: PropertyDeclarations = {
    presets: {
      converter: {
        fromAttribute: (value: string | null) =>
          (value ?? '')
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
      },
    },
    now: { type: Number },
    weekStartsOn: { attribute: 'week-starts-on', type: Number },
    open: { type: Boolean, reflect: true },
    viewMonth: { state: true },
    draftStart: { state: true },
    draftEnd: { state: true },
    focusDay: { state: true },
  };

  /** The presets offered, plus `custom` for the calendar. @default ['30d', '90d', '180d', 'custom'] */
  declare presets: string[];
  /** The current time (tests and demos); the clock's when unset. */
  declare now: number | undefined;
  /** First day of the week in the calendar: 1 = Monday … 7 = Sunday. @default 1 */
  declare weekStartsOn: number;
  /** Whether the picker is open. */
  declare open: boolean;
  declare private viewMonth: string;
  declare private draftStart: DayKey | undefined;
  declare private draftEnd: DayKey | undefined;
  declare private focusDay: DayKey | undefined;
  private focusAfterRender = false;

  constructor() {
    super();
    this.presets = ['30d', '90d', '180d', 'custom'];
    this.weekStartsOn = 1;
    this.open = false;
    this.viewMonth = '';
  }

  private get clock(): number {
    return this.now ?? Date.now();
  }

  /** The range in effect, resolved at the current time in the zone in effect. */
  get resolved(): ResolvedRange | undefined {
    try {
      return resolveRange(
        { ...this.effectiveRange, tz: this.effectiveTz },
        {
          now: this.clock,
          settings: {
            timezone: this.effectiveTz,
            ...(this.effectiveDataFloor === undefined
              ? {}
              : { dataFloor: this.effectiveDataFloor }),
          },
        },
      );
    } catch {
      return undefined;
    }
  }

  private get today(): DayKey {
    return localDayKey(this.clock, this.effectiveTz);
  }

  /** Chooses a range, as if the reader had: announces it and shows it. */
  select(range: RangeValue): void {
    // Alone, the element keeps its own range; inside a provider the provider's state shows it.
    if (this.shared === undefined) this.range = range;
    this.dispatchEvent(new TallyRangeChangeEvent(range));
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('open') && this.open) {
      const resolved = this.resolved;
      const start = resolved === undefined ? this.today : this.dayOf(resolved.from);
      const end = resolved === undefined ? this.today : this.dayOf(resolved.to - 1);
      this.draftStart = start;
      this.draftEnd = end;
      this.viewMonth = monthOf(end);
      this.focusDay = end;
    }
  }

  override render() {
    const format = new Formatter(this.effectiveLocale, 'UTC');
    const resolved = this.resolved;
    const preset = resolved?.preset ?? 'custom';
    const label = presetLabel(preset, (month) => format.month(utcOf(`${month}-01`)));
    const span =
      resolved === undefined || resolved.from >= resolved.to
        ? ''
        : this.spanText(this.dayOf(resolved.from), this.dayOf(resolved.to - 1), format);
    const isMonth = preset.startsWith('month:');
    return html`<div class="picker" part="base">
      <div class="trigger-row">
        ${isMonth ? this.renderMonthStep(-1, preset) : nothing}
        <button
          type="button"
          class="button trigger"
          part="trigger"
          aria-haspopup="dialog"
          aria-expanded=${this.open ? 'true' : 'false'}
          @click=${() => (this.open = !this.open)}
        >
          ${calendarIcon}
          <span class="trigger-label">${label}</span>
          ${span && !label.includes(span) ? html`<span class="muted">${span}</span>` : nothing}
        </button>
        ${isMonth ? this.renderMonthStep(1, preset) : nothing}
        <span class="timezone muted" part="timezone">Time zone: ${this.effectiveTz}</span>
      </div>
      ${
        resolved?.clamped && this.effectiveDataFloor !== undefined
          ? html`<p class="floor-note" part="floor-note">
              Data starts on ${format.date(utcOf(this.effectiveDataFloor))}: earlier days are not
              included.
            </p>`
          : nothing
      }
      ${this.open ? this.renderPanel(format, preset) : nothing}
    </div>`;
  }

  private renderMonthStep(step: number, preset: string): unknown {
    const month = preset.slice('month:'.length);
    const target = monthOf(addMonths(`${month}-01`, step));
    const floor = this.effectiveDataFloor;
    const disabled =
      (step < 0 && floor !== undefined && target < monthOf(floor)) ||
      (step > 0 && target > monthOf(this.today));
    return html`<button
      type="button"
      class="icon-button step ${step < 0 ? 'back' : ''}"
      part="month-switcher"
      aria-label=${step < 0 ? 'Previous month' : 'Next month'}
      ?disabled=${disabled}
      @click=${() => this.select({ preset: `month:${target}` })}
    >
      ${chevronIcon}
    </button>`;
  }

  private renderPanel(format: Formatter, preset: string): unknown {
    const floor = this.effectiveDataFloor;
    return html`<div
      class="panel"
      part="panel"
      role="dialog"
      aria-label="Choose a date range"
      @keydown=${this.onPanelKey}
    >
      <div class="presets" role="group" aria-label="Presets">
        ${this.presets
          .filter((name) => name !== 'custom')
          .map(
            (name) =>
              html`<button
                type="button"
                class="button preset"
                part="preset"
                data-preset=${name}
                aria-pressed=${preset === name ? 'true' : 'false'}
                @click=${() => {
                  this.select({ preset: name as Preset });
                  this.close();
                }}
              >
                ${presetLabel(name as Preset, (month) => format.month(utcOf(`${month}-01`)))}
              </button>`,
          )}
      </div>
      ${this.presets.includes('custom') ? this.renderCalendar(format) : nothing}
      ${
        floor === undefined
          ? nothing
          : html`<p class="floor-note" part="floor-note">
              Usage is recorded from ${format.date(utcOf(floor))}; earlier days cannot be chosen.
            </p>`
      }
    </div>`;
  }

  private renderCalendar(format: Formatter): unknown {
    const month = this.viewMonth;
    const weeks = monthGrid(month, this.weekStartsOn);
    const weekdays = weeks[0].map((day) =>
      new Intl.DateTimeFormat(this.effectiveLocale, { weekday: 'short', timeZone: 'UTC' }).format(
        utcOf(day),
      ),
    );
    const longDay = new Intl.DateTimeFormat(this.effectiveLocale, {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    const floor = this.effectiveDataFloor;
    const today = this.today;
    const previous = monthOf(addMonths(`${month}-01`, -1));
    const next = monthOf(addMonths(`${month}-01`, 1));
    const [start, end] = this.draftRange();
    return html`<div class="calendar" part="calendar">
      <div class="month-row" part="month-switcher">
        <button
          type="button"
          class="icon-button step back"
          aria-label="Previous month"
          ?disabled=${floor !== undefined && previous < monthOf(floor)}
          @click=${() => this.showMonth(previous)}
        >
          ${chevronIcon}
        </button>
        <span class="month-label" aria-live="polite">${format.month(utcOf(`${month}-01`))}</span>
        <button
          type="button"
          class="icon-button step"
          aria-label="Next month"
          ?disabled=${next > monthOf(today)}
          @click=${() => this.showMonth(next)}
        >
          ${chevronIcon}
        </button>
        <button
          type="button"
          class="button whole-month"
          ?disabled=${floor !== undefined && month < monthOf(floor)}
          @click=${() => {
            this.select({ preset: `month:${month}` });
            this.close();
          }}
        >
          Whole month
        </button>
      </div>
      <table role="grid" class="grid" aria-label=${format.month(utcOf(`${month}-01`))}>
        <thead>
          <tr>
            ${weekdays.map((name) => html`<th scope="col" abbr=${name}>${name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) =>
              html`<tr>
                ${week.map((day) => {
                  const outside = monthOf(day) !== month;
                  const beforeFloor = floor !== undefined && day < floor;
                  const future = day > today;
                  const disabled = beforeFloor || future;
                  const chosen =
                    start !== undefined && end !== undefined && day >= start && day <= end;
                  const edge = day === start || day === end;
                  return html`<td role="gridcell" aria-selected=${chosen ? 'true' : 'false'}>
                    <button
                      type="button"
                      part="day"
                      class="day ${outside ? 'outside' : ''} ${chosen ? 'in-range' : ''} ${edge ? 'edge' : ''} ${day === today ? 'today' : ''}"
                      data-day=${day}
                      tabindex=${day === this.focusDay ? '0' : '-1'}
                      aria-label=${`${longDay.format(utcOf(day))}${beforeFloor ? ', before tracking began' : ''}`}
                      ?disabled=${disabled}
                      @click=${() => this.pick(day)}
                    >
                      ${parseDayKey(day).day}
                    </button>
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
      <div class="apply-row">
        <span class="muted" aria-live="polite"
          >${start === undefined || end === undefined ? 'Pick the first day' : this.spanText(start, end, format)}</span
        >
        <button type="button" class="button" @click=${() => this.close()}>Cancel</button>
        <button
          type="button"
          class="button primary"
          ?disabled=${start === undefined || end === undefined}
          @click=${this.apply}
        >
          Apply
        </button>
      </div>
    </div>`;
  }

  private spanText(start: DayKey, end: DayKey, format: Formatter): string {
    return start === end
      ? format.date(utcOf(start))
      : `${format.date(utcOf(start))} – ${format.date(utcOf(end))}`;
  }

  private draftRange(): [DayKey | undefined, DayKey | undefined] {
    if (this.draftStart === undefined) return [undefined, undefined];
    const end = this.draftEnd ?? this.draftStart;
    return this.draftStart <= end ? [this.draftStart, end] : [end, this.draftStart];
  }

  private pick(day: DayKey): void {
    this.focusDay = day;
    if (this.draftStart !== undefined && this.draftEnd === undefined) {
      this.draftEnd = day;
    } else {
      this.draftStart = day;
      this.draftEnd = undefined;
    }
  }

  private readonly apply = (): void => {
    const [start, end] = this.draftRange();
    if (start === undefined || end === undefined) return;
    this.select({ from: start, to: end });
    this.close();
  };

  private showMonth(month: string): void {
    this.viewMonth = month;
    const { day } = parseDayKey(this.focusDay ?? `${month}-01`);
    const last = parseDayKey(addDays(addMonths(`${month}-01`, 1), -1)).day;
    this.focusDay = `${month}-${String(Math.min(day, last)).padStart(2, '0')}`;
  }

  private close(): void {
    this.open = false;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part="trigger"]')?.focus(),
    );
  }

  private readonly onPanelKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.close();
      return;
    }
    const target = event.target as HTMLElement;
    const day = target.dataset?.day;
    if (day === undefined) return;
    const steps: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -7,
      ArrowDown: 7,
    };
    let next: DayKey | undefined;
    if (event.key in steps) next = addDays(day, steps[event.key]);
    else if (event.key === 'PageUp') next = addMonths(day, -1).slice(0, 8) + day.slice(8);
    else if (event.key === 'PageDown') next = addMonths(day, 1).slice(0, 8) + day.slice(8);
    if (next === undefined) return;
    event.preventDefault();
    // A day past the month's end (31 February) rolls back to the month's last day.
    if (Number.isNaN(utcOf(next)) || monthOf(addDays(next, 0)) !== monthOf(next)) {
      next = addDays(addMonths(next, 1), -1);
    }
    const floor = this.effectiveDataFloor;
    if ((floor !== undefined && next < floor) || next > this.today) return;
    this.focusDay = next;
    this.viewMonth = monthOf(next);
    this.focusAfterRender = true;
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusAfterRender) {
      this.focusAfterRender = false;
      this.renderRoot.querySelector<HTMLElement>(`[data-day="${this.focusDay}"]`)?.focus();
    }
    if (changed.has('open') && this.open) {
      const presets = this.renderRoot.querySelectorAll<HTMLElement>('[part="preset"]');
      (
        [...presets].find((button) => button.getAttribute('aria-pressed') === 'true') ?? presets[0]
      )?.focus();
    }
  }

  private dayOf(ms: number): DayKey {
    return localDayKey(ms, this.effectiveTz);
  }
}

if (!customElements.get('tally-date-range'))
  customElements.define('tally-date-range', TallyDateRange);

declare global {
  interface HTMLElementTagNameMap {
    'tally-date-range': TallyDateRange;
  }
}
