import { expect } from 'chai';
import { makeEvent } from '../__test-support__/make-event.js';
import { ColumnarEngine } from '../engine/columnar-engine.js';
import type { StoredEvent } from '../event.js';
import type { TenantSettings } from '../settings.js';
import { creditReport } from './credit-report.js';
import type { ViewContext } from './types.js';

const NOW = Date.UTC(2026, 2, 15, 12);
const MULTIPLIERS = { p2: 2, s15: 1.5, e05: 0.5 };

function contextOf(events: StoredEvent[], settings: TenantSettings): ViewContext {
  const engine = new ColumnarEngine();
  engine.append(events);
  return { engine, now: NOW, settings };
}

function repeat(count: number, overrides: Partial<StoredEvent>): StoredEvent[] {
  return Array.from({ length: count }, () =>
    makeEvent({ timestamp: Date.UTC(2026, 2, 10), ...overrides }),
  );
}

const EVENTS = [
  ...repeat(3, { model: 'p2', credits: 2 }),
  ...repeat(2, { model: 's15', credits: 1.5 }),
  ...repeat(4, { model: 'e05', credits: 0.5 }),
  ...repeat(1, { credits: 1 }),
  makeEvent({ timestamp: Date.UTC(2026, 1, 27), model: 'p2', credits: 2 }), // last month
];

describe('creditReport', () => {
  it('reports this month by default, with credits per event', async () => {
    const report = await creditReport(contextOf(EVENTS, { credits: { multipliers: MULTIPLIERS } }));
    expect(report.range.from).to.equal(Date.UTC(2026, 2, 1));
    expect(report.creditsUsed).to.equal(12);
    expect(report.events).to.equal(10);
    expect(report.averageCreditsPerEvent).to.equal(1.2);
  });

  it('splits credits by multiplier tier, counting events without a model as 1×', async () => {
    const report = await creditReport(contextOf(EVENTS, { credits: { multipliers: MULTIPLIERS } }));
    expect(
      report.tiers.map((tier) => [tier.tier, tier.credits, tier.events, tier.share]),
    ).to.deep.equal([
      ['premium', 6, 3, 0.5],
      ['standard', 4, 3, 4 / 12],
      ['economy', 2, 4, 2 / 12],
    ]);
    expect(report.tiers[1].models).to.deep.equal([
      { model: 's15', multiplier: 1.5, events: 2, credits: 3 },
      { model: null, multiplier: 1, events: 1, credits: 1 },
    ]);
  });

  it('draws on plan credits first, then additional credits', async () => {
    const report = await creditReport(
      contextOf(EVENTS, {
        credits: { multipliers: MULTIPLIERS },
        planCredits: 10,
        additionalCredits: 50,
      }),
    );
    expect(report.planCredits).to.equal(10);
    expect(report.additionalCredits).to.equal(50);
    expect(report.planCreditsUsed).to.equal(10);
    expect(report.additionalCreditsUsed).to.equal(2);
    expect(report.remaining).to.equal(48);
  });

  it('goes negative once plan and additional credits are used up', async () => {
    const report = await creditReport(contextOf(EVENTS, { planCredits: 8, additionalCredits: 1 }));
    expect(report.planCreditsUsed).to.equal(8);
    expect(report.additionalCreditsUsed).to.equal(1);
    expect(report.remaining).to.equal(-3);
  });

  it('leaves plan figures empty without plan credits and handles a month without events', async () => {
    const report = await creditReport(contextOf([], {}), { range: { preset: 'month:2026-01' } });
    expect(report.creditsUsed).to.equal(0);
    expect(report.averageCreditsPerEvent).to.equal(null);
    expect(report.planCredits).to.equal(null);
    expect(report.remaining).to.equal(null);
    expect(report.tiers.map((tier) => [tier.credits, tier.share])).to.deep.equal([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });
});
