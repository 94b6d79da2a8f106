import { expect } from 'chai';
import { makeEvent } from '../__test-support__/make-event.js';
import { ColumnarEngine } from '../engine/columnar-engine.js';
import { TallyError } from '../errors.js';
import type { StoredEvent } from '../event.js';
import type { TenantSettings } from '../settings.js';
import { comparison } from './comparison.js';
import type { ViewContext } from './types.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 15, 12);
const RANGE = { from: Date.UTC(2026, 0, 15), to: Date.UTC(2026, 0, 16), tz: 'UTC' };
const SETTINGS: TenantSettings = { credits: { multipliers: { big: 2, small: 0.5 } } };

function contextOf(events: StoredEvent[], settings: TenantSettings = SETTINGS): ViewContext {
  const engine = new ColumnarEngine();
  engine.append(events);
  return { engine, now: Date.UTC(2026, 0, 20), settings };
}

function tokens(input: number, output: number) {
  return { input, output, cachedInput: 0, cacheWrite: 0, reasoning: 0 };
}

describe('comparison', () => {
  it('compares models on volume, sessions, tokens, cost, credits, quality and pricing tier', async () => {
    const events = [
      makeEvent({
        userId: 'u1',
        timestamp: T0,
        model: 'big',
        provider: 'openai',
        status: 'ok',
        latencyMs: 1000,
        tokens: tokens(100, 50),
        costNanos: 1000,
        pricing: 'catalog',
        credits: 2,
        rating: 4,
        feedback: 1,
      }),
      makeEvent({
        userId: 'u1',
        timestamp: T0 + 10 * MINUTE,
        model: 'big',
        provider: 'openai',
        status: 'error',
        latencyMs: 3000,
        tokens: tokens(200, 0),
        costNanos: 2000,
        pricing: 'catalog',
        credits: 2,
        feedback: -1,
      }),
      makeEvent({
        userId: 'u1',
        timestamp: T0 + 20 * MINUTE,
        model: 'big',
        provider: 'openai',
        status: 'ok',
        latencyMs: 2000,
        costNanos: 1500,
        credits: 2,
        feedback: 1,
      }),
      makeEvent({
        userId: 'u2',
        timestamp: T0,
        model: 'small',
        provider: 'acme',
        status: 'ok',
        latencyMs: 500,
        tokens: tokens(10, 5),
        pricing: 'unpriced',
        credits: 0.5,
      }),
      makeEvent({ userId: 'u2', timestamp: T0 }),
    ];
    const result = await comparison(contextOf(events), { range: RANGE, by: 'model' });
    expect(result.by).to.equal('model');
    expect(result.range.from).to.equal(RANGE.from);
    expect(result.unassignedEvents).to.equal(1);
    expect(result.rows).to.deep.equal([
      {
        value: 'big',
        events: 3,
        sessions: 1,
        averageSessionDurationMs: 20 * MINUTE,
        inputTokens: 300,
        outputTokens: 50,
        totalTokens: 350,
        costNanos: 4500,
        costUsd: 4500 / 1e9,
        unpricedEvents: 0,
        credits: 6,
        creditsPerEvent: 2,
        averageLatencyMs: 2000,
        successRate: 2 / 3,
        errorRate: 1 / 3,
        averageRating: 4,
        ratings: 1,
        positiveFeedback: 2,
        negativeFeedback: 1,
        users: 1,
        provider: 'openai',
        multiplier: 2,
        tier: 'premium',
      },
      {
        value: 'small',
        events: 1,
        sessions: 1,
        averageSessionDurationMs: 0,
        inputTokens: 10,
        outputTokens: 5,
        totalTokens: 15,
        costNanos: 0,
        costUsd: 0,
        unpricedEvents: 1,
        credits: 0.5,
        creditsPerEvent: 0.5,
        averageLatencyMs: 500,
        successRate: 1,
        errorRate: 0,
        averageRating: null,
        ratings: 0,
        positiveFeedback: 0,
        negativeFeedback: 0,
        users: 1,
        provider: 'acme',
        multiplier: 0.5,
        tier: 'economy',
      },
    ]);
  });

  it('sessionises each agent separately and leaves model-only fields empty', async () => {
    const events = [
      makeEvent({ userId: 'u1', timestamp: T0, agent: 'writer' }),
      makeEvent({ userId: 'u1', timestamp: T0 + 5 * MINUTE, agent: 'helper' }),
      makeEvent({ userId: 'u1', timestamp: T0 + 10 * MINUTE, agent: 'writer' }),
      // No user: counted, but in no session.
      makeEvent({ timestamp: T0 + 15 * MINUTE, agent: 'helper' }),
    ];
    const result = await comparison(contextOf(events), { range: RANGE, by: 'agent' });
    expect(
      result.rows.map((row) => [row.value, row.events, row.sessions, row.averageSessionDurationMs]),
    ).to.deep.equal([
      ['helper', 2, 1, 0],
      ['writer', 2, 1, 10 * MINUTE],
    ]);
    expect(result.rows[0].provider).to.equal(null);
    expect(result.rows[0].multiplier).to.equal(null);
    expect(result.rows[0].tier).to.equal(null);
    expect(result.rows[0].successRate).to.equal(null);
    expect(result.rows[0].errorRate).to.equal(null);
    expect(result.rows[0].averageLatencyMs).to.equal(null);
    expect(result.unassignedEvents).to.equal(0);
  });

  it('sorts by events, highest first', async () => {
    const events = [
      makeEvent({ timestamp: T0, model: 'small' }),
      makeEvent({ timestamp: T0, model: 'other' }),
      makeEvent({ timestamp: T0, model: 'other' }),
    ];
    const result = await comparison(contextOf(events), { range: RANGE, by: 'model' });
    expect(result.rows.map((row) => row.value)).to.deep.equal(['other', 'small']);
    // Unconfigured models are 1× standard.
    expect(result.rows[0].multiplier).to.equal(1);
    expect(result.rows[0].tier).to.equal('standard');
  });

  it("names a model's main provider, breaking ties alphabetically", async () => {
    const events = [
      makeEvent({ timestamp: T0, model: 'm', provider: 'zeta' }),
      makeEvent({ timestamp: T0, model: 'm', provider: 'alpha' }),
      makeEvent({ timestamp: T0, model: 'm' }),
      makeEvent({ timestamp: T0, model: 'n', provider: 'zeta' }),
      makeEvent({ timestamp: T0, model: 'n', provider: 'zeta' }),
      makeEvent({ timestamp: T0, model: 'n', provider: 'alpha' }),
    ];
    const result = await comparison(contextOf(events), { range: RANGE, by: 'model' });
    expect(result.rows.map((row) => [row.value, row.provider])).to.deep.equal([
      ['m', 'alpha'],
      ['n', 'zeta'],
    ]);
  });

  it('returns no rows for an empty range', async () => {
    const result = await comparison(contextOf([]), { range: RANGE, by: 'agent' });
    expect(result.rows).to.deep.equal([]);
    expect(result.unassignedEvents).to.equal(0);
  });

  it('rejects an unknown comparison dimension', async () => {
    const error = await comparison(contextOf([]), {
      range: RANGE,
      by: 'category' as 'agent',
    }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(TallyError.isInstance(error)).to.equal(true);
    expect((error as TallyError).field).to.equal('by');
  });
});
