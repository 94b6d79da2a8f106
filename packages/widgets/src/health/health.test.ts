import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, textOf } from '../__test-support__/interact.js';
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

async function mount(theme = 'light'): Promise<TallyHealth> {
  const element = await fixture<TallyHealth>(html`
    <tally-health
      .source=${source(rows())}
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
    expect(textOf(incidents[0])).to.contain('1 minute');
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
