import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, click, textOf } from '../__test-support__/interact.js';
import { LocalSource } from '../data/local-source.js';
import { Formatter } from '../format/formatter.js';
import './health.js';
import type { TallyHealth } from './health.js';

const NOW = Date.UTC(2026, 10, 23, 12);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Row {
  timestamp: number;
  status?: 'ok' | 'error';
  latencyMs?: number;
  name?: string;
  value?: number;
}

/** Calls of the last week: a failing minute 10 hours ago, errors just now, and two gauge readings. */
function rows(): Row[] {
  const list: Row[] = [];
  list.push({ timestamp: NOW - 2 * MINUTE, status: 'error' });
  for (let index = 0; index < 3; index += 1)
    list.push({ timestamp: NOW - 2 * MINUTE, status: 'ok' });
  for (let index = 0; index < 16; index += 1)
    list.push({ timestamp: NOW - 30 * MINUTE, status: 'ok' });
  for (let index = 0; index < 80; index += 1) {
    list.push({ timestamp: NOW - 3 * HOUR + index * 500, status: 'ok', latencyMs: index * 10 });
  }
  list.push(
    { timestamp: NOW - 10 * HOUR, status: 'error' },
    { timestamp: NOW - 10 * HOUR + 1000, status: 'error' },
  );
  for (let index = 0; index < 20; index += 1) list.push({ timestamp: NOW - 3 * DAY, status: 'ok' });
  list.push({ timestamp: NOW - HOUR, name: 'queue.depth', value: 7 });
  list.push({ timestamp: NOW - 20 * MINUTE, name: 'queue.depth', value: 3 });
  return list;
}

function source(list: readonly Row[]): LocalSource {
  const events = list.map((row, index) => ({
    id: `h-${index}`,
    name: row.name ?? 'chat.completion',
    timestamp: row.timestamp,
    agent: 'support-bot',
    ...(row.status ? { status: row.status } : {}),
    ...(row.latencyMs !== undefined ? { latencyMs: row.latencyMs } : {}),
    ...(row.value !== undefined ? { value: row.value } : {}),
  }));
  return new LocalSource({ events, settings: { timezone: 'UTC' }, now: () => NOW });
}

/** `error / (ok + error)` over `[NOW − length, NOW)`, computed without core. */
function errorRate(list: readonly Row[], length: number): number {
  const inWindow = list.filter((row) => row.timestamp >= NOW - length && row.timestamp < NOW);
  const errors = inWindow.filter((row) => row.status === 'error').length;
  const ok = inWindow.filter((row) => row.status === 'ok').length;
  return errors / (errors + ok);
}

/** 1 − failed minutes ÷ active minutes over the last 24 hours, computed without core. */
function uptimeOfDay(list: readonly Row[]): number {
  const minutes = new Map<number, { all: number; errors: number }>();
  for (const row of list) {
    if (row.timestamp < NOW - DAY) continue;
    const start = Math.floor(row.timestamp / MINUTE) * MINUTE;
    const minute = minutes.get(start) ?? { all: 0, errors: 0 };
    minute.all += 1;
    if (row.status === 'error') minute.errors += 1;
    minutes.set(start, minute);
  }
  const failed = [...minutes.values()].filter((minute) => minute.errors === minute.all).length;
  return 1 - failed / minutes.size;
}

/** The `q` quantile by linear interpolation between order statistics. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/**
 * The calls of {@link rows} plus 40 failing minutes, one every 17 hours over the last four weeks,
 * and a three-minute outage two days ago: 42 incidents in all.
 */
function manyIncidents(): Row[] {
  const list = rows();
  for (let index = 1; index <= 40; index += 1) {
    list.push({ timestamp: NOW - index * 17 * HOUR + 7 * MINUTE, status: 'error' });
  }
  for (let minute = 0; minute < 3; minute += 1) {
    list.push({ timestamp: NOW - 2 * DAY + 30 * MINUTE + minute * MINUTE + 5000, status: 'error' });
  }
  return list;
}

interface ExpectedIncident {
  start: number;
  end: number;
  minutes: number;
}

/** Runs of minutes of the last 30 days in which every call failed, newest first, without core. */
function incidentsOf(list: readonly Row[]): ExpectedIncident[] {
  const minutes = new Map<number, { all: number; errors: number }>();
  for (const row of list) {
    if (row.timestamp < NOW - 30 * DAY || row.timestamp >= NOW) continue;
    const start = Math.floor(row.timestamp / MINUTE) * MINUTE;
    const minute = minutes.get(start) ?? { all: 0, errors: 0 };
    minute.all += 1;
    if (row.status === 'error') minute.errors += 1;
    minutes.set(start, minute);
  }
  const failed = [...minutes.entries()]
    .filter(([, minute]) => minute.errors === minute.all)
    .map(([start]) => start)
    .sort((a, b) => a - b);
  const runs: ExpectedIncident[] = [];
  for (const start of failed) {
    const last = runs.at(-1);
    if (last !== undefined && last.end === start) {
      last.end += MINUTE;
      last.minutes += 1;
    } else {
      runs.push({ start, end: start + MINUTE, minutes: 1 });
    }
  }
  return runs.reverse();
}

async function mount(theme = 'light', list = rows()): Promise<TallyHealth> {
  const element = await fixture<TallyHealth>(html`
    <tally-health
      .source=${source(list)}
      range="30d"
      tz="UTC"
      locale="en-US"
      theme=${theme}
    ></tally-health>
  `);
  await element.loadComplete;
  return element;
}

function cell(element: TallyHealth, group: string, window: string, selector = 'dd .value'): string {
  return textOf($(element, `[data-group="${group}"] [data-window="${window}"] ${selector}`));
}

const format = new Formatter('en-US', 'UTC');

describe('tally-health', () => {
  it('shows the error rate of each window with its marker', async () => {
    const element = await mount();
    const list = rows();
    const windows: [string, number][] = [
      ['now', 5 * MINUTE],
      ['lastHour', HOUR],
      ['last24Hours', DAY],
      ['last7Days', 7 * DAY],
    ];
    for (const [key, length] of windows) {
      expect(cell(element, 'error-rate', key), key).to.equal(
        format.percent(errorRate(list, length), 2),
      );
    }
    // 1 in 4 just now is bad; 3 in 102 over the day is acceptable (1–5 %).
    expect(cell(element, 'error-rate', 'now', '.marker')).to.equal('Bad');
    expect(cell(element, 'error-rate', 'last24Hours', '.marker')).to.equal('Acceptable');
  });

  it('shows the uptime of the day and the failing minute as an incident', async () => {
    const element = await mount();
    expect(cell(element, 'uptime', 'last24Hours')).to.equal(format.percent(uptimeOfDay(rows()), 2));
    const incidents = $$(element, '[part="incidents"] li');
    expect(incidents).to.have.length(1);
    expect(textOf(incidents[0])).to.contain('(1 min)');
  });

  it('shows the five most recent of many incidents, the count of the others, and all on demand', async () => {
    const expected = incidentsOf(manyIncidents());
    expect(expected).to.have.length(42);
    expect(expected.filter((incident) => incident.minutes === 3)).to.have.length(1);
    const element = await mount('light', manyIncidents());
    const shown = () =>
      $$(element, '[part="incidents"] li').map((item) => ({
        start: textOf(item.querySelector('.start')!),
        end: textOf(item.querySelector('.end')!),
        duration: textOf(item.querySelector('.duration')!),
      }));
    const written = (incident: ExpectedIncident) => ({
      start: format.dateTime(incident.start),
      end:
        format.date(incident.start) === format.date(incident.end)
          ? format.time(incident.end)
          : format.dateTime(incident.end),
      duration: `(${format.duration(incident.minutes * MINUTE)})`,
    });
    expect(textOf($(element, '.incidents-title'))).to.equal('42 incidents in 30 days');
    expect(shown()).to.deep.equal(expected.slice(0, 5).map(written));
    // The outage two days ago is among the five newest and lasted three minutes.
    expect(shown().map((incident) => incident.duration)).to.include('(3 min)');
    expect(textOf($(element, '[part="incidents-more"]'))).to.equal('and 37 more');
    const toggle = $<HTMLButtonElement>(element, '[part="incidents-toggle"]');
    expect(textOf(toggle)).to.equal('Show all 42');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');

    await click(toggle);
    await element.updateComplete;
    expect(shown()).to.deep.equal(expected.map(written));
    expect(element.shadowRoot!.querySelector('[part="incidents-more"]')).to.equal(null);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(textOf(toggle)).to.equal('Show fewer');
    await expect(element).to.be.accessible();

    await click(toggle);
    await element.updateComplete;
    expect(shown()).to.have.length(5);

    // The keyboard opens it too.
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(shown()).to.have.length(42);
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    expect(shown()).to.have.length(5);
  });

  it('shows the latency percentiles and the load', async () => {
    const element = await mount();
    const latencies = rows()
      .map((row) => row.latencyMs)
      .filter((value): value is number => value !== undefined);
    expect(cell(element, 'latency', 'p50')).to.equal(format.duration(quantile(latencies, 0.5)));
    expect(cell(element, 'latency', 'p95')).to.equal(format.duration(quantile(latencies, 0.95)));
    expect(cell(element, 'latency', 'p99')).to.equal(format.duration(quantile(latencies, 0.99)));
    expect(cell(element, 'latency', 'p95', '.marker')).to.equal('Good');
    // 4 calls in the last 5 minutes; the busiest minute of the day had 80.
    expect(cell(element, 'load', 'current')).to.equal(`${format.number(4 / 5)} / min`);
    expect(cell(element, 'load', 'peak')).to.equal('80 / min');
  });

  it('shows the latest and highest gauge reading', async () => {
    const element = await mount();
    const gauge = $(element, '[data-gauge="queue.depth"]');
    expect(textOf(gauge.querySelector('.value')!)).to.equal('3');
    expect(textOf(gauge.querySelector('.max')!)).to.equal('max 7');
    // The dial shows the latest reading on a scale up to the highest one.
    const meter = $(gauge.querySelector('tally-gauge')!, '[role="meter"]');
    expect(meter.getAttribute('aria-valuenow')).to.equal('3');
    expect(meter.getAttribute('aria-valuemax')).to.equal('7');
  });

  it('draws each gauge on the scale and thresholds it is given', async () => {
    const element = await mount();
    element.gaugeScales = { 'queue.depth': { max: 10, warning: 3, critical: 8 } };
    await element.updateComplete;
    const dial = element.shadowRoot!.querySelector('[data-gauge="queue.depth"] tally-gauge')!;
    await (dial as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const meter = $(dial, '[role="meter"]');
    expect(meter.getAttribute('aria-valuemax')).to.equal('10');
    // 3 is the warning threshold itself.
    expect(meter.getAttribute('data-status')).to.equal('warning');
    expect(meter.getAttribute('aria-valuetext')).to.equal('3, warning');
  });

  it('is accessible in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      await expect(await mount(theme)).to.be.accessible();
    }
  });
});
