import { expect, fixture, html } from '@open-wc/testing';
import { $, textOf } from '../__test-support__/interact.js';
import './gauge.js';
import { gaugeFraction, gaugeStatus, type TallyGauge } from './gauge.js';

async function mount(
  value: number | null,
  options: { theme?: string; warning?: number; critical?: number } = {},
): Promise<TallyGauge> {
  const element = await fixture<TallyGauge>(html`
    <tally-gauge
      .value=${value}
      min="0"
      max="200"
      .warning=${options.warning}
      .critical=${options.critical}
      label="queue.depth"
      unit="jobs"
      locale="en-US"
      theme=${options.theme ?? 'light'}
    ></tally-gauge>
  `);
  await element.updateComplete;
  return element;
}

describe('tally-gauge', () => {
  it('is a meter with its value, bounds and a text reading', async () => {
    const element = await mount(50, { warning: 100, critical: 150 });
    const meter = $(element, '[role="meter"]');
    expect(meter.getAttribute('aria-label')).to.equal('queue.depth');
    expect(meter.getAttribute('aria-valuenow')).to.equal('50');
    expect(meter.getAttribute('aria-valuemin')).to.equal('0');
    expect(meter.getAttribute('aria-valuemax')).to.equal('200');
    expect(meter.getAttribute('aria-valuetext')).to.equal('50 jobs');
    expect(textOf($(element, '[part="reading"]'))).to.equal('50 jobs');
    expect(element.status).to.equal('normal');
  });

  it('turns to warning and critical exactly at the thresholds', async () => {
    // Below 100: normal; 100 to 149: warning; 150 and up: critical.
    const cases: [number, string, string | null][] = [
      [99, 'normal', null],
      [100, 'warning', 'Warning'],
      [149, 'warning', 'Warning'],
      [150, 'critical', 'Critical'],
    ];
    for (const [value, status, word] of cases) {
      const element = await mount(value, { warning: 100, critical: 150 });
      expect(element.status, String(value)).to.equal(status);
      const meter = $(element, '[role="meter"]');
      expect(meter.getAttribute('data-status')).to.equal(status);
      if (word === null) {
        expect(element.shadowRoot!.querySelector('[part="status"]')).to.equal(null);
      } else {
        expect(textOf($(element, '[part="status"]'))).to.equal(word);
        expect(meter.getAttribute('aria-valuetext')).to.equal(`${value} jobs, ${status}`);
      }
    }
  });

  it('draws the warning and critical zones where the thresholds fall on the scale', async () => {
    const element = await mount(20, { warning: 100, critical: 150 });
    // 100 of 0–200 is the top of the half circle (100, 15); 150 is three quarters along.
    const warning = $(element, '.zone.warning').getAttribute('d');
    expect(warning).to.match(/^M 100\.00 15\.00 A 80 80 0 0 1 /);
    expect($(element, '.zone.critical').getAttribute('d')).to.match(/ 180\.00 95\.00$/);
  });

  it('points the needle at the share of the scale, clamping readings beyond it', () => {
    // 50 of 0–200 is a quarter; 250 is past the end.
    expect(gaugeFraction(50, 0, 200)).to.equal(0.25);
    expect(gaugeFraction(250, 0, 200)).to.equal(1);
    expect(gaugeFraction(-5, 0, 200)).to.equal(0);
    expect(gaugeFraction(5, 10, 10)).to.equal(0);
    expect(gaugeStatus(5, undefined, undefined)).to.equal('normal');
  });

  it('says there is no reading without a value', async () => {
    const element = await mount(null);
    expect(element.status).to.equal(null);
    expect(element.shadowRoot!.querySelector('[role="meter"]')).to.equal(null);
    expect($(element, '[role="img"]').getAttribute('aria-label')).to.equal(
      'queue.depth: no reading',
    );
    expect(element.shadowRoot!.querySelector('.needle')).to.equal(null);
  });

  it('is accessible in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      await expect(await mount(120, { theme, warning: 100, critical: 150 })).to.be.accessible();
      await expect(await mount(null, { theme })).to.be.accessible();
    }
  });
});
