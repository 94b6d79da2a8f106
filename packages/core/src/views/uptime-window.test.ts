import { expect } from 'chai';
import { MINUTE_MS, uptimeWindow, type MinuteCount } from './uptime-window.js';

const T0 = Date.UTC(2026, 0, 15);

function minutes(count: number, failedAt: readonly number[] = []): MinuteCount[] {
  return Array.from({ length: count }, (_, index) => ({
    start: T0 + index * MINUTE_MS,
    requests: 2,
    errors: failedAt.includes(index) ? 2 : index % 2,
  }));
}

describe('uptimeWindow', () => {
  it('gives exactly 99.9 % for one failed minute in a thousand, marked good', () => {
    const result = uptimeWindow(minutes(1000, [500]), T0, T0 + 1000 * MINUTE_MS);
    expect(result.minutes).to.equal(1000);
    expect(result.failedMinutes).to.equal(1);
    expect(result.uptime).to.equal(0.999);
    expect(result.status).to.equal('good');
  });

  it('does not count a minute with some successes as down', () => {
    const result = uptimeWindow([{ start: T0, requests: 5, errors: 4 }], T0, T0 + MINUTE_MS);
    expect(result.failedMinutes).to.equal(0);
    expect(result.uptime).to.equal(1);
    expect(result.incidents).to.deep.equal([]);
  });

  it('joins adjacent failed minutes into one incident, whatever order they come in', () => {
    const failed = (index: number, errors = 1) => ({
      start: T0 + index * MINUTE_MS,
      requests: errors,
      errors,
    });
    const result = uptimeWindow([failed(3), failed(1, 2), failed(2)], T0, T0 + 10 * MINUTE_MS);
    expect(result.incidents).to.deep.equal([
      {
        start: T0 + MINUTE_MS,
        end: T0 + 4 * MINUTE_MS,
        minutes: 3,
        errors: 4,
        ongoing: false,
      },
    ]);
  });

  it('leaves out minutes outside the window and has no uptime without requests', () => {
    const result = uptimeWindow(
      [
        { start: T0 - MINUTE_MS, requests: 1, errors: 1 },
        { start: T0 + MINUTE_MS, requests: 1, errors: 1 },
      ],
      T0,
      T0 + MINUTE_MS,
    );
    expect(result.minutes).to.equal(0);
    expect(result.uptime).to.equal(null);
    expect(result.status).to.equal(null);
  });
});
