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
        tokensPerEvent: 350 / 3,
        costNanos: 4500,
        costUsd: 4500 / 1e9,
        unpricedEvents: 0,
        credits: 6,
        creditsPerEvent: 2,
        averageLatencyMs: 2000,
        latencyEvents: 3,
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
        topModel: null,
      },
      {
        value: 'small',
        events: 1,
        sessions: 1,
        averageSessionDurationMs: 0,
        inputTokens: 10,
        outputTokens: 5,
        totalTokens: 15,
        tokensPerEvent: 15,
        costNanos: 0,
        costUsd: 0,
        unpricedEvents: 1,
        credits: 0.5,
        creditsPerEvent: 0.5,
        averageLatencyMs: 500,
        latencyEvents: 1,
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
        topModel: null,
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

  it("compares users with each one's top model and credits per prompt", async () => {
    const events = [
      makeEvent({ userId: 'ann', timestamp: T0, model: 'big', credits: 2, tokens: tokens(30, 10) }),
      makeEvent({ userId: 'ann', timestamp: T0 + MINUTE, model: 'small', credits: 0.5 }),
      makeEvent({ userId: 'ann', timestamp: T0 + 2 * MINUTE, model: 'small', credits: 0.5 }),
      makeEvent({ userId: 'bob', timestamp: T0, model: 'big', credits: 2 }),
      makeEvent({ userId: 'bob', timestamp: T0 + MINUTE, model: 'small', credits: 0.5 }),
      makeEvent({ userId: 'cy', timestamp: T0, credits: 1 }),
      makeEvent({ timestamp: T0, model: 'big', credits: 2 }), // no user
    ];
    const result = await comparison(contextOf(events), { range: RANGE, by: 'user' });
    expect(result.by).to.equal('user');
    expect(result.unassignedEvents).to.equal(1);
    expect(
      result.rows.map((row) => [
        row.value,
        row.events,
        row.credits,
        row.creditsPerEvent,
        row.topModel,
        row.tokensPerEvent,
      ]),
    ).to.deep.equal([
      // ann: 2 + 0.5 + 0.5 = 3 credits over 3 prompts; small twice, big once; 40 tokens / 3.
      ['ann', 3, 3, 1, 'small', 40 / 3],
      // bob: big once and small once: the tie goes to 'big' alphabetically; 2.5 / 2 = 1.25.
      ['bob', 2, 2.5, 1.25, 'big', 0],
      // cy names no model.
      ['cy', 1, 1, 1, null, 0],
    ]);
    expect(result.rows[0].sessions).to.equal(1);
    expect(result.rows[0].multiplier).to.equal(null);
  });

  it('gives users their roster names, and null for users not on the roster', async () => {
    const context = contextOf([
      makeEvent({ userId: 'ann', timestamp: T0 }),
      makeEvent({ userId: 'ann', timestamp: T0 + MINUTE }),
      makeEvent({ userId: 'zed', timestamp: T0 }),
    ]);
    (context.engine as ColumnarEngine).setRoster([
      { id: 'ann', name: 'Ann Lee', licensed: true, active: true },
    ]);
    const users = await comparison(context, { range: RANGE, by: 'user' });
    expect(users.rows.map((row) => [row.value, row.name])).to.deep.equal([
      ['ann', 'Ann Lee'],
      ['zed', null],
    ]);
    const agents = await comparison(context, { range: RANGE, by: 'agent' });
    expect(agents.rows.every((row) => !('name' in row))).to.equal(true);
  });

  it("names an agent's top model", async () => {
    const events = [
      makeEvent({ timestamp: T0, agent: 'writer', model: 'small' }),
      makeEvent({ timestamp: T0, agent: 'writer', model: 'big' }),
      makeEvent({ timestamp: T0, agent: 'writer', model: 'big' }),
    ];
    const result = await comparison(contextOf(events), { range: RANGE, by: 'agent' });
    expect(result.rows[0].topModel).to.equal('big');
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
