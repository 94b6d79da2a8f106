import { expect, fixture, html } from '@open-wc/testing';
import { $, textOf } from '../__test-support__/interact.js';
import { LocalSource } from '../data/local-source.js';
import './distribution.js';
import type { TallyDistribution } from './distribution.js';

const NOW = Date.UTC(2026, 10, 23, 12);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Six sessions hours apart: three of 2 events under a minute, one of 4 events over 3 minutes, one
 * of 5 events over 2 minutes, and one of 12 events over 22 minutes.
 */
function source(): LocalSource {
  const sessions: [string, number, number, number][] = [
    ['ada', NOW - 10 * HOUR, 2, 30_000],
    ['ada', NOW - 5 * HOUR, 4, 3 * MINUTE],
    ['ada', NOW - 3 * HOUR, 2, 20_000],
    ['bo', NOW - 8 * HOUR, 2, 10_000],
    ['bo', NOW - 4 * HOUR, 5, 2 * MINUTE],
    ['cy', NOW - 6 * HOUR, 12, 22 * MINUTE],
  ];
  const events = sessions.flatMap(([userId, start, count, length], session) =>
    Array.from({ length: count }, (_, index) => ({
      id: `s${session}-${index}`,
      name: 'chat.message',
      userId,
      timestamp: start + (index * length) / (count - 1),
    })),
  );
  return new LocalSource({ events, settings: { timezone: 'UTC' }, now: () => NOW });
}

async function mount(kind: string, theme = 'light'): Promise<TallyDistribution> {
  const element = await fixture<TallyDistribution>(html`
    <tally-distribution
      .source=${source()}
      kind=${kind}
      range="7d"
      tz="UTC"
      locale="en-US"
      theme=${theme}
    ></tally-distribution>
  `);
  await element.loadComplete;
  return element;
}

function sessionsIn(element: TallyDistribution, bucket: string): string {
  return textOf($(element, `[data-bucket="${bucket}"] [data-column="sessions"]`));
}

describe('tally-distribution', () => {
  it('counts sessions by duration', async () => {
    const element = await mount('duration');
    expect(
      ['<1m', '1–5m', '5–10m', '10m+'].map((bucket) => sessionsIn(element, bucket)),
    ).to.deep.equal(['3', '2', '0', '1']);
    expect(textOf($(element, '[data-bucket="<1m"] [data-column="share"]'))).to.equal('50%');
  });

  it('counts sessions by events per session', async () => {
    const element = await mount('events');
    expect(
      ['1–2', '3–5', '6–10', '10+'].map((bucket) => sessionsIn(element, bucket)),
    ).to.deep.equal(['3', '2', '0', '1']);
    expect(element.headingText).to.equal('Events per session');
  });

  it('is accessible in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      await expect(await mount('duration', theme)).to.be.accessible();
    }
  });
});
