import { expect } from 'chai';
import type { TallyError } from '@tally/core';
import { collector, waitFor } from './__test-support__/collector.js';
import { createTracker } from './create-tracker.js';
import type { TrackerOptions } from './options.js';
import type { Tracker } from './tracker.js';

describe('createTracker', () => {
  let tally: Tracker;
  let errors: TallyError[];

  async function start(options: Partial<TrackerOptions> = {}): Promise<Tracker> {
    const target = await collector.fresh();
    errors = [];
    tally = createTracker({
      ...target,
      persist: 'memory',
      flushIntervalMs: 60_000,
      onError: (error) => errors.push(error),
      ...options,
    });
    return tally;
  }

  afterEach(async () => {
    await tally?.shutdown({ timeoutMs: 1000 });
  });

  it('sends a tracked event with its id, name, time, session and page context', async () => {
    await start();
    const before = Date.now();
    const id = tally.track('chat.message', { category: 'chat', conversationId: 'c-1' });
    await tally.flush();
    const [event] = await collector.events();
    expect(event.id).to.equal(id);
    expect(event).to.include({ name: 'chat.message', category: 'chat', conversationId: 'c-1' });
    expect(event.timestamp).to.be.within(before, Date.now());
    expect(event.sessionId).to.be.a('string');
    expect(event.context).to.include({ page: location.href });
    expect((event.context as Record<string, string>).timezone).to.equal(
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    );
    expect(errors).to.deep.equal([]);
  });

  it('attributes events after identify to the user', async () => {
    await start();
    tally.identify('user-42', { name: 'Ada', email: 'ada@example.com' });
    tally.track('doc.open');
    await tally.flush();
    const [event] = await collector.events();
    expect(event.userId).to.equal('user-42');
    expect((await collector.stats()).users).to.deep.equal([
      { name: 'Ada', email: 'ada@example.com', id: 'user-42' },
    ]);
  });

  it('reports a bad event with its field and reason, and drops only that event', async () => {
    await start();
    const bad = tally.usage({ name: 'chat.completion', tokens: { input: -3 } });
    const good = tally.track('chat.message');
    expect(bad).to.equal(undefined);
    // The reason comes from core's validator, loaded for the refused event.
    await waitFor(() => errors.length > 0, 'the bad event was reported');
    expect(errors.map((error) => [error.code, error.field, error.message])).to.deep.equal([
      ['invalid_event', 'tokens.input', 'tokens.input: must be a non-negative integer, got -3'],
    ]);
    await tally.flush();
    expect((await collector.events()).map((event) => event.id)).to.deep.equal([good]);
  });

  it('attributes system calls to the agent, with actor system and no user or session', async () => {
    await start();
    tally.identify('user-42');
    tally.system('meeting-prep').track('flow.meeting_prep', { category: 'flow' });
    await tally.flush();
    const [event] = await collector.events();
    expect(event).to.include({ actor: 'system', agent: 'meeting-prep', category: 'flow' });
    expect(event).not.to.have.property('userId');
    expect(event).not.to.have.property('sessionId');
  });

  it('times work that succeeds, returning its value', async () => {
    await start();
    const value = await tally.time('doc.generate', async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return 'done';
    });
    expect(value).to.equal('done');
    await tally.flush();
    const [event] = await collector.events();
    expect(event).to.include({ name: 'doc.generate', status: 'ok' });
    expect(event.latencyMs).to.be.within(25, 1000);
  });

  it('times work that fails and rethrows the very same error', async () => {
    await start();
    const failure = new RangeError('model overloaded');
    let caught: unknown;
    try {
      await tally.time(
        'doc.generate',
        () => {
          throw failure;
        },
        { category: 'documents' },
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).to.equal(failure);
    await tally.flush();
    const [event] = await collector.events();
    expect(event).to.include({ status: 'error', errorType: 'RangeError', category: 'documents' });
  });

  it('records usage and feedback on it', async () => {
    await start();
    const target = tally.usage({
      name: 'chat.completion',
      model: 'gpt-4o',
      provider: 'openai',
      tokens: { input: 120, output: 30, cachedInput: 100 },
      latencyMs: 850,
      status: 'ok',
    });
    tally.feedback({ targetId: target, conversationId: 'c-1', value: -1, rating: 2 });
    await tally.flush();
    const [usage, feedback] = await collector.events();
    expect(usage.tokens).to.deep.equal({ input: 120, output: 30, cachedInput: 100 });
    expect(feedback).to.include({ name: 'feedback', targetId: target, feedback: -1, rating: 2 });
  });

  it('records a completion from a model client result', async () => {
    await start();
    await tally.recordCompletion(
      {
        id: 'msg_01',
        type: 'message',
        model: 'claude-sonnet-4-5',
        usage: {
          input_tokens: 10,
          output_tokens: 20,
          cache_read_input_tokens: 90,
          cache_creation_input_tokens: 0,
        },
      },
      { name: 'chat.completion', category: 'chat' },
    );
    await tally.flush();
    const [event] = await collector.events();
    expect(event).to.include({
      name: 'chat.completion',
      model: 'claude-sonnet-4-5',
      provider: 'anthropic',
    });
    expect(event.tokens).to.deep.equal({ input: 100, output: 20, cachedInput: 90, cacheWrite: 0 });
  });

  it('lets beforeSend redact an event or drop it', async () => {
    await start({
      beforeSend: (event) =>
        event.name === 'secret'
          ? null
          : { ...event, context: { ...event.context, page: '/redacted' } },
    });
    expect(tally.track('secret')).to.equal(undefined);
    tally.track('chat.message');
    await tally.flush();
    const events = await collector.events();
    expect(events.map((event) => event.name)).to.deep.equal(['chat.message']);
    expect((events[0].context as { page: string }).page).to.equal('/redacted');
  });

  it('tracks nothing after optOut, remembers it, and resumes after optIn', async () => {
    await start();
    tally.optOut();
    expect(tally.track('chat.message')).to.equal(undefined);
    const other = createTracker({
      endpoint: 'http://127.0.0.1:9',
      writeKey: 'wk',
      persist: 'memory',
    });
    expect(other.track('chat.message')).to.equal(undefined);
    await other.shutdown({ timeoutMs: 10 });
    tally.optIn();
    expect(tally.track('chat.message')).to.be.a('string');
    await tally.flush();
    expect((await collector.stats()).stored).to.equal(1);
  });

  it('reports bad options instead of throwing, and tracks nothing', async () => {
    const reported: TallyError[] = [];
    tally = createTracker({
      endpoint: '',
      writeKey: 'wk',
      onError: (error) => reported.push(error),
    });
    expect(tally.track('chat.message')).to.equal(undefined);
    expect(reported.map((error) => error.code)).to.deep.equal(['invalid_options']);
    expect(reported[0].message).to.match(/^options\.endpoint: /);
  });

  it('never throws into the host, even when onError itself throws', async () => {
    await start({
      onError: () => {
        throw new Error('host handler broken');
      },
      beforeSend: () => {
        throw new Error('redaction bug');
      },
    });
    expect(() => tally.track('chat.message')).not.to.throw();
    expect(() => tally.identify(42 as unknown as string)).not.to.throw();
    expect(() => tally.track(undefined as unknown as string)).not.to.throw();
  });

  it('refuses an event too large to send, naming its size', async () => {
    await start();
    const properties = Object.fromEntries(
      Array.from({ length: 40 }, (_, index) => [`field${index}`, 'é'.repeat(500)]),
    );
    expect(tally.track('big', { properties })).to.equal(undefined);
    expect(errors).to.have.length(1);
    const [, size] = /^event: must be at most 32768 bytes as JSON, got (\d+)$/.exec(
      errors[0].message,
    )!;
    // 40 values of 500 two-byte characters, plus their keys and the rest of the event.
    expect(Number(size)).to.be.within(40_000, 42_000);
  });

  it('starts a new session after the inactivity timeout', async () => {
    localStorage.removeItem('tally:session');
    await start({ sessionTimeoutMs: 150 });
    tally.track('a');
    tally.track('b');
    await new Promise((resolve) => setTimeout(resolve, 250));
    tally.track('c');
    await tally.flush();
    const [a, b, c] = (await collector.events()).map((event) => event.sessionId);
    expect(a).to.equal(b);
    expect(c).not.to.equal(a);
  });

  it('describes the browser and OS from the user agent', async () => {
    await start();
    tally.track('chat.message');
    await tally.flush();
    const [event] = await collector.events();
    const context = event.context as Record<string, string>;
    expect(context.browser).to.match(/^Chrome \d+$/);
    expect(context.os).to.equal('Linux');
    expect(context.locale).to.equal(navigator.language);
  });
});
