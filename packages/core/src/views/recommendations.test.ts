import { expect } from 'chai';
import { makeEvent } from '../__test-support__/make-event.js';
import { ColumnarEngine } from '../engine/columnar-engine.js';
import type { StoredEvent } from '../event.js';
import type { TenantSettings } from '../settings.js';
import { recommendations } from './recommendations.js';
import type { ViewContext } from './types.js';

const RANGE = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 1, 1), tz: 'UTC' };
const SETTINGS: TenantSettings = {
  credits: { multipliers: { premium: 2, top: 3, mid: 1.5, cheap: 1, economy: 0.5 } },
};

function contextOf(events: StoredEvent[], settings = SETTINGS): ViewContext {
  const engine = new ColumnarEngine();
  engine.append(events);
  return { engine, now: Date.UTC(2026, 1, 10), settings };
}

/**
 * `count` events of `name` served by `model`: `errors` of them failed, the first ones carry
 * `ratings`, and each is charged `credits`.
 */
function served(
  name: string,
  model: string,
  options: { count: number; credits: number; errors?: number; ratings?: number[]; status?: false },
): StoredEvent[] {
  return Array.from({ length: options.count }, (_, index) =>
    makeEvent({
      name,
      model,
      timestamp: Date.UTC(2026, 0, 10),
      credits: options.credits,
      ...(options.status === false
        ? {}
        : { status: index < (options.errors ?? 0) ? ('error' as const) : ('ok' as const) }),
      ...(options.ratings?.[index] === undefined ? {} : { rating: options.ratings[index] }),
    }),
  );
}

describe('recommendations', () => {
  it('suggests a cheaper model exactly 2 points and 0.2 stars behind, with the credits saved', async () => {
    const events = [
      // Success 100 %, rating 4.5.
      ...served('email.reply', 'premium', { count: 10, credits: 2, ratings: [5, 4] }),
      // Success 98 % (49 of 50), rating 4.3.
      ...served('email.reply', 'cheap', {
        count: 50,
        credits: 1,
        errors: 1,
        ratings: [4, 4, 5, 4, 5, 4, 4, 4, 4, 5],
      }),
    ];
    const result = await recommendations(contextOf(events), { range: RANGE });
    expect(result.recommendations).to.have.length(1);
    const [suggestion] = result.recommendations;
    expect(suggestion.name).to.equal('email.reply');
    expect(suggestion.current).to.deep.equal({
      model: 'premium',
      multiplier: 2,
      events: 10,
      credits: 20,
      creditsPerEvent: 2,
      successRate: 1,
      averageRating: 4.5,
    });
    expect(suggestion.suggested.model).to.equal('cheap');
    expect(suggestion.suggested.successRate).to.equal(0.98);
    // 10 events × (2 − 1) credits.
    expect(suggestion.estimatedCreditsSaved).to.equal(10);
    expect(result.totalCreditsSaved).to.equal(10);
    expect(result.totalCredits).to.equal(70);
    expect(result.savingsShare).to.equal(10 / 70);
  });

  it('is not thrown off by rounding at exactly 2 points and 0.2 stars', async () => {
    // 0.2 − 0.02 and 2.1 − 0.2 both land a hair above 0.18 and 1.9 in floating point.
    const events = [
      ...served('x', 'premium', {
        count: 10,
        credits: 2,
        errors: 8,
        ratings: [2, 2, 2, 2, 2, 2, 2, 2, 2, 3],
      }),
      ...served('x', 'cheap', {
        count: 50,
        credits: 1,
        errors: 41,
        ratings: [2, 2, 2, 2, 2, 2, 2, 2, 2, 1],
      }),
    ];
    const result = await recommendations(contextOf(events), { range: RANGE });
    expect(result.recommendations.map((entry) => entry.suggested.model)).to.deep.equal(['cheap']);
  });

  it('does not suggest a model more than 2 points less successful or 0.2 stars worse', async () => {
    const events = [
      ...served('a', 'premium', { count: 100, credits: 2 }),
      ...served('a', 'cheap', { count: 100, credits: 1, errors: 3 }), // 97 %
      ...served('b', 'premium', { count: 2, credits: 2, ratings: [5, 4] }), // 4.5
      ...served('b', 'cheap', { count: 5, credits: 1, ratings: [4, 4, 4, 5, 4] }), // 4.2
    ];
    const result = await recommendations(contextOf(events), { range: RANGE });
    expect(result.recommendations).to.deep.equal([]);
    expect(result.totalCreditsSaved).to.equal(0);
  });

  it('compares ratings only when both models have them', async () => {
    const events = [
      ...served('doc.summarize', 'premium', { count: 4, credits: 2 }),
      ...served('doc.summarize', 'economy', { count: 2, credits: 0.5, ratings: [1] }),
    ];
    const result = await recommendations(contextOf(events), { range: RANGE });
    expect(result.recommendations.map((entry) => entry.estimatedCreditsSaved)).to.deep.equal([6]);
    expect(result.recommendations[0].current.averageRating).to.equal(null);
  });

  it('needs a success rate for both models', async () => {
    const events = [
      ...served('chat', 'premium', { count: 4, credits: 2 }),
      ...served('chat', 'cheap', { count: 4, credits: 1, status: false }),
    ];
    const result = await recommendations(contextOf(events), { range: RANGE });
    expect(result.recommendations).to.deep.equal([]);
  });

  it('ignores models below 2× and alternatives that are not cheaper', async () => {
    const events = [
      ...served('a', 'mid', { count: 10, credits: 1.5 }),
      ...served('a', 'economy', { count: 10, credits: 0.5 }),
      ...served('b', 'premium', { count: 10, credits: 2 }),
      ...served('b', 'top', { count: 10, credits: 3 }),
    ];
    const result = await recommendations(contextOf(events), { range: RANGE });
    // Only top (3×) → premium (2×) in b qualifies.
    expect(
      result.recommendations.map((entry) => [
        entry.name,
        entry.current.model,
        entry.suggested.model,
      ]),
    ).to.deep.equal([['b', 'top', 'premium']]);
  });

  it('picks the alternative saving the most and sorts suggestions by savings', async () => {
    const events = [
      ...served('small', 'premium', { count: 2, credits: 2 }),
      ...served('small', 'cheap', { count: 1, credits: 1 }),
      ...served('big', 'premium', { count: 10, credits: 2 }),
      ...served('big', 'mid', { count: 1, credits: 1.5 }),
      ...served('big', 'economy', { count: 1, credits: 0.5 }),
    ];
    const result = await recommendations(contextOf(events), { range: RANGE });
    expect(
      result.recommendations.map((entry) => [
        entry.name,
        entry.suggested.model,
        entry.estimatedCreditsSaved,
      ]),
    ).to.deep.equal([
      ['big', 'economy', 15],
      ['small', 'cheap', 2],
    ]);
    expect(result.totalCreditsSaved).to.equal(17);
  });

  it('ranks models by credits per successful event, sharing ranks on ties', async () => {
    const events = [
      ...served('a', 'premium', { count: 4, credits: 2, errors: 2 }), // 8 credits / 2 ok = 4
      ...served('a', 'cheap', { count: 4, credits: 1 }), // 4 / 4 = 1
      ...served('b', 'mid', { count: 2, credits: 1.5, errors: 1 }), // 3 / 1 = 3
      ...served('b', 'economy', { count: 3, credits: 0.5, errors: 3 }), // no successes
      ...served('c', 'top', { count: 1, credits: 3 }), // 3 / 1 = 3
    ];
    const result = await recommendations(contextOf(events), { range: RANGE });
    expect(
      result.efficiency.map((entry) => [entry.rank, entry.model, entry.creditsPerSuccess]),
    ).to.deep.equal([
      [1, 'cheap', 1],
      [2, 'mid', 3],
      [2, 'top', 3],
      [4, 'premium', 4],
      [null, 'economy', null],
    ]);
    expect(result.efficiency[0]).to.deep.equal({
      rank: 1,
      model: 'cheap',
      multiplier: 1,
      tier: 'standard',
      events: 4,
      successfulEvents: 4,
      credits: 4,
      creditsPerEvent: 1,
      creditsPerSuccess: 1,
    });
  });

  it('returns nothing over an empty range', async () => {
    const result = await recommendations(contextOf([]), { range: RANGE });
    expect(result.recommendations).to.deep.equal([]);
    expect(result.efficiency).to.deep.equal([]);
    expect(result.totalCredits).to.equal(0);
    expect(result.savingsShare).to.equal(null);
  });
});
