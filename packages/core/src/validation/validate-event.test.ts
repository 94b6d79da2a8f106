import '../__test-support__/property-seed.js';
import { expect } from 'chai';
import fc from 'fast-check';
import { TallyError, type FieldIssue } from '../errors.js';
import type { NormalizedEvent } from '../event.js';
import { MAX_ISSUES } from './limits.js';
import { validateEvent, type ValidateEventOptions } from './validate-event.js';

const T0 = Date.UTC(2026, 0, 15, 9, 30);
const base = { id: 'evt-1', name: 'chat.message', timestamp: '2026-01-15T09:30:00Z' };

function eventOf(input: unknown, options?: ValidateEventOptions): NormalizedEvent {
  const result = validateEvent(input, options);
  if (!result.ok) throw new Error(`expected a valid event, got ${JSON.stringify(result.errors)}`);
  return result.event;
}

function errorsOf(input: unknown, options?: ValidateEventOptions): FieldIssue[] {
  const result = validateEvent(input, options);
  if (result.ok) throw new Error('expected the event to be refused');
  return result.errors;
}

function reasonAt(input: unknown, path: string): string | undefined {
  return errorsOf(input).find((issue) => issue.path === path)?.reason;
}

describe('validateEvent', () => {
  describe('normalisation', () => {
    it('gives a minimal event only its required fields, the actor and null tokens', () => {
      expect(eventOf(base)).to.deep.equal({
        id: 'evt-1',
        name: 'chat.message',
        timestamp: T0,
        actor: 'system',
        tokens: null,
      });
    });

    it('keeps every valid field of a complete event', () => {
      const input = {
        ...base,
        timestamp: '2026-01-15T10:30:00.250+01:00',
        userId: 'user-42',
        actor: 'user',
        agent: 'Research assistant',
        category: 'chat',
        source: 'widget',
        endpoint: '/v1/chat',
        sessionId: 's-1',
        conversationId: 'c-1',
        model: 'gpt-4o',
        provider: 'openai',
        tokens: { input: 1200, output: 300, cachedInput: 200 },
        costUsd: 0.0042,
        credits: 2,
        latencyMs: 812.5,
        status: 'error',
        errorType: 'timeout',
        feedback: -1,
        rating: 2,
        targetId: 'evt-0',
        value: -4.5,
        context: { page: 'https://app.example.com/chat', locale: 'en-GB' },
        properties: { plan: 'pro', seats: 3, trial: false, coupon: null },
      };
      expect(eventOf(input)).to.deep.equal({
        ...input,
        timestamp: T0 + 250,
        tokens: { input: 1200, output: 300, cachedInput: 200, cacheWrite: 0, reasoning: 0 },
      });
    });

    it('converts ISO timestamps with an offset and epoch milliseconds to the same instant', () => {
      expect(eventOf({ ...base, timestamp: '2026-01-15T04:30:00-05:00' }).timestamp).to.equal(T0);
      expect(eventOf({ ...base, timestamp: T0 }).timestamp).to.equal(T0);
      expect(eventOf({ ...base, timestamp: T0 + 0.7 }).timestamp).to.equal(T0);
    });

    it('defaults the actor to user when a userId is set, else to system', () => {
      expect(eventOf({ ...base, userId: 'u1' }).actor).to.equal('user');
      expect(eventOf(base).actor).to.equal('system');
    });

    it('keeps an explicit system actor even with a userId', () => {
      expect(eventOf({ ...base, userId: 'u1', actor: 'system' }).actor).to.equal('system');
    });

    it('leaves out fields given as undefined, like JSON does', () => {
      const event = eventOf({ ...base, userId: undefined, tokens: undefined, costUsd: undefined });
      expect(Object.keys(event)).to.deep.equal(['id', 'name', 'timestamp', 'actor', 'tokens']);
    });

    it('leaves out an empty context and empty properties', () => {
      const event = eventOf({ ...base, context: {}, properties: {} });
      expect(event).to.not.have.property('context');
      expect(event).to.not.have.property('properties');
    });

    it('does not share objects with the input', () => {
      const input = { ...base, context: { os: 'Linux' }, properties: { a: 1 } };
      const event = eventOf(input);
      expect(event.context).to.not.equal(input.context);
      expect(event.properties).to.not.equal(input.properties);
    });
  });

  describe('required fields', () => {
    it('reports every missing required field at once', () => {
      expect(errorsOf({})).to.deep.equal([
        { path: 'id', reason: 'is required' },
        { path: 'name', reason: 'is required' },
        { path: 'timestamp', reason: 'is required' },
      ]);
    });

    it('accepts ids of 1 to 64 characters of [A-Za-z0-9_.:-]', () => {
      expect(eventOf({ ...base, id: 'a' }).id).to.equal('a');
      const id = `AZaz09_.:-${'x'.repeat(54)}`;
      expect(eventOf({ ...base, id }).id).to.equal(id);
    });

    it('refuses ids that are too long, empty, not strings or use other characters', () => {
      expect(reasonAt({ ...base, id: 'x'.repeat(65) }, 'id')).to.equal(
        'must be at most 64 characters, got 65',
      );
      expect(reasonAt({ ...base, id: '' }, 'id')).to.equal('must not be empty');
      expect(reasonAt({ ...base, id: 7 }, 'id')).to.equal('must be a string, got 7');
      expect(reasonAt({ ...base, id: 'evt 1' }, 'id')).to.equal(
        'must use only letters, digits and _ . : -, got "evt 1"',
      );
      expect(reasonAt({ ...base, id: 'évt' }, 'id')).to.match(/^must use only letters/);
    });

    it('accepts names up to 128 characters, counting an emoji once', () => {
      expect(eventOf({ ...base, name: 'n'.repeat(128) }).name).to.have.length(128);
      expect(eventOf({ ...base, name: '😀'.repeat(128) }).name).to.have.length(256);
      expect(reasonAt({ ...base, name: 'n'.repeat(129) }, 'name')).to.equal(
        'must be at most 128 characters, got 129',
      );
      expect(reasonAt({ ...base, name: null }, 'name')).to.equal('must be a string, got null');
    });

    it('explains why a timestamp is refused', () => {
      expect(reasonAt({ ...base, timestamp: '2026-01-15T09:30:00' }, 'timestamp')).to.match(
        /^has no time zone, so the instant is ambiguous/,
      );
      expect(reasonAt({ ...base, timestamp: 'now' }, 'timestamp')).to.match(
        /^must be an ISO-8601 date-time like/,
      );
      expect(reasonAt({ ...base, timestamp: Number.NaN }, 'timestamp')).to.equal(
        'must be a finite number of epoch milliseconds, got NaN',
      );
      expect(reasonAt({ ...base, timestamp: -Infinity }, 'timestamp')).to.match(/got -Infinity$/);
      expect(reasonAt({ ...base, timestamp: -5 }, 'timestamp')).to.match(/^must not be before/);
    });
  });

  describe('future timestamps', () => {
    const options = { now: T0, maxFutureMs: 60_000 };

    it('accepts timestamps up to maxFutureMs after now', () => {
      expect(eventOf({ ...base, timestamp: T0 + 60_000 }, options).timestamp).to.equal(T0 + 60_000);
    });

    it('refuses timestamps further ahead, saying by how much', () => {
      expect(errorsOf({ ...base, timestamp: T0 + 60_001 }, options)).to.deep.equal([
        { path: 'timestamp', reason: 'must be at most 60000 ms in the future, got 60001 ms ahead' },
      ]);
    });

    it('checks nothing without both now and maxFutureMs', () => {
      expect(eventOf({ ...base, timestamp: T0 + 1e12 }, { now: T0 }).timestamp).to.equal(T0 + 1e12);
      expect(eventOf({ ...base, timestamp: T0 + 1e12 }, { maxFutureMs: 0 }).timestamp).to.equal(
        T0 + 1e12,
      );
    });

    it('throws a TallyError for invalid options', () => {
      expect(() => validateEvent(base, { now: Number.NaN })).to.throw(
        TallyError,
        'options.now: must be a non-negative finite number (got NaN)',
      );
      expect(() => validateEvent(base, { maxFutureMs: -1 })).to.throw(TallyError, /maxFutureMs/);
    });
  });

  describe('optional strings', () => {
    const limits: [string, number][] = [
      ['userId', 256],
      ['agent', 128],
      ['category', 64],
      ['source', 64],
      ['endpoint', 256],
      ['sessionId', 128],
      ['conversationId', 128],
      ['model', 128],
      ['provider', 128],
      ['errorType', 128],
    ];

    for (const [field, max] of limits) {
      it(`accepts ${field} up to ${max} characters and refuses ${max + 1}`, () => {
        expect(eventOf({ ...base, [field]: 'v'.repeat(max) })).to.have.property(field);
        expect(errorsOf({ ...base, [field]: 'v'.repeat(max + 1) })).to.deep.equal([
          { path: field, reason: `must be at most ${max} characters, got ${max + 1}` },
        ]);
      });
    }

    it('refuses empty strings, null and non-strings', () => {
      expect(errorsOf({ ...base, agent: '', model: null, source: 3 })).to.deep.equal([
        { path: 'agent', reason: 'must not be empty (omit the field when there is none)' },
        { path: 'source', reason: 'must be a string, got 3' },
        {
          path: 'model',
          reason: 'must be a string (omit the field when there is none), got null',
        },
      ]);
    });

    it('checks targetId like an event id', () => {
      expect(eventOf({ ...base, targetId: 'evt:0' }).targetId).to.equal('evt:0');
      expect(reasonAt({ ...base, targetId: 'a/b' }, 'targetId')).to.equal(
        'must use only letters, digits and _ . : -, got "a/b"',
      );
      expect(reasonAt({ ...base, targetId: 't'.repeat(65) }, 'targetId')).to.match(/at most 64/);
    });
  });

  describe('actor', () => {
    it('refuses actor user without a userId', () => {
      expect(errorsOf({ ...base, actor: 'user' })).to.deep.equal([
        { path: 'actor', reason: 'is user but the event has no userId' },
      ]);
    });

    it('reports only the userId when it is present but invalid', () => {
      expect(errorsOf({ ...base, actor: 'user', userId: 5 })).to.deep.equal([
        { path: 'userId', reason: 'must be a string, got 5' },
      ]);
    });

    it('refuses other actors', () => {
      expect(errorsOf({ ...base, actor: 'admin' })).to.deep.equal([
        { path: 'actor', reason: 'must be "user" or "system", got "admin"' },
      ]);
    });
  });

  describe('tokens', () => {
    it('reports an invalid count with its path, as in the design', () => {
      expect(errorsOf({ ...base, tokens: { input: -3 } })).to.deep.equal([
        { path: 'tokens.input', reason: 'must be a non-negative integer, got -3' },
      ]);
    });

    it('completes the buckets', () => {
      expect(eventOf({ ...base, tokens: { output: 50, reasoning: 20 } }).tokens).to.deep.equal({
        input: 0,
        output: 50,
        cachedInput: 0,
        cacheWrite: 0,
        reasoning: 20,
      });
    });

    it('refuses inconsistent buckets', () => {
      expect(
        reasonAt({ ...base, tokens: { input: 5, cachedInput: 6 } }, 'tokens.cachedInput'),
      ).to.match(/^cachedInput \(6\) must not exceed input \(5\)/);
      expect(reasonAt({ ...base, tokens: { cachedInput: 6 } }, 'tokens.cachedInput')).to.match(
        /^needs tokens.input too/,
      );
      expect(
        reasonAt({ ...base, tokens: { output: 1, reasoning: 2 } }, 'tokens.reasoning'),
      ).to.match(/^must not exceed output \(2 > 1\)/);
    });
  });

  describe('numbers and choices', () => {
    it('accepts zero and positive costs, credits and latencies', () => {
      const event = eventOf({ ...base, costUsd: 0, credits: 0.5, latencyMs: 0 });
      expect([event.costUsd, event.credits, event.latencyMs]).to.deep.equal([0, 0.5, 0]);
    });

    it('refuses negative, non-finite and non-numeric costs, credits and latencies', () => {
      expect(
        errorsOf({ ...base, costUsd: -0.01, credits: Infinity, latencyMs: '80' }),
      ).to.deep.equal([
        { path: 'costUsd', reason: 'must be a number from 0 to 1000000, got -0.01' },
        { path: 'credits', reason: 'must be a non-negative number, got Infinity' },
        { path: 'latencyMs', reason: 'must be a non-negative number, got "80"' },
      ]);
    });

    it('caps costUsd so it stays exact in nanodollars', () => {
      expect(eventOf({ ...base, costUsd: 1_000_000 }).costUsd).to.equal(1_000_000);
      expect(reasonAt({ ...base, costUsd: 1_000_001 }, 'costUsd')).to.match(/from 0 to 1000000/);
    });

    it('turns -0 into 0', () => {
      expect(Object.is(eventOf({ ...base, latencyMs: -0 }).latencyMs, 0)).to.equal(true);
    });

    it('accepts status ok or error and refuses anything else', () => {
      expect(eventOf({ ...base, status: 'ok' }).status).to.equal('ok');
      expect(eventOf({ ...base, status: 'error', errorType: 'rate_limit' }).errorType).to.equal(
        'rate_limit',
      );
      expect(reasonAt({ ...base, status: 'failed' }, 'status')).to.equal(
        'must be "ok" or "error", got "failed"',
      );
    });

    it('accepts feedback 1 or -1 only', () => {
      expect(eventOf({ ...base, feedback: 1 }).feedback).to.equal(1);
      expect(eventOf({ ...base, feedback: -1 }).feedback).to.equal(-1);
      for (const feedback of [0, 2, '1', true]) {
        expect(reasonAt({ ...base, feedback }, 'feedback')).to.match(/^must be 1 or -1, got/);
      }
    });

    it('accepts integer ratings from 1 to 5', () => {
      expect(eventOf({ ...base, rating: 1 }).rating).to.equal(1);
      expect(eventOf({ ...base, rating: 5 }).rating).to.equal(5);
      for (const rating of [0, 6, 3.5, '4']) {
        expect(reasonAt({ ...base, rating }, 'rating')).to.match(
          /^must be an integer from 1 to 5, got/,
        );
      }
    });

    it('accepts any finite gauge value', () => {
      expect(eventOf({ ...base, value: -12.5 }).value).to.equal(-12.5);
      expect(reasonAt({ ...base, value: Number.NaN }, 'value')).to.equal(
        'must be a finite number, got NaN',
      );
    });
  });

  describe('context and properties', () => {
    it('refuses the request fields the server sets', () => {
      expect(errorsOf({ ...base, context: { ip: '10.0.0.1' } })).to.deep.equal([
        {
          path: 'context.ip',
          reason: 'is set by the server from the request; the client must not send it',
        },
      ]);
    });

    it('refuses nested property values', () => {
      expect(errorsOf({ ...base, properties: { a: { b: 1 } } })[0].path).to.equal('properties.a');
    });
  });

  describe('unknown fields and shapes', () => {
    it('refuses unknown top-level fields, suggesting the intended one', () => {
      expect(errorsOf({ ...base, foo: 1, user_id: 'u1' })).to.deep.equal([
        { path: 'foo', reason: 'unknown field' },
        { path: 'user_id', reason: 'unknown field (did you mean userId?)' },
      ]);
    });

    it('refuses server-side fields sent by a client', () => {
      expect(
        errorsOf({ ...base, costNanos: 5, pricing: 'app' }).map((issue) => issue.path),
      ).to.deep.equal(['costNanos', 'pricing']);
    });

    it('refuses input that is not an object at the empty path', () => {
      for (const [input, got] of [
        [null, 'null'],
        [undefined, 'undefined'],
        ['event', '"event"'],
        [42, '42'],
        [[base], 'an array'],
      ] as const) {
        expect(errorsOf(input)).to.deep.equal([
          { path: '', reason: `must be an object, got ${got}` },
        ]);
      }
    });

    it('collects problems from every part of the event', () => {
      const errors = errorsOf({
        id: '',
        name: 'ok',
        timestamp: '2026-01-15',
        tokens: { input: -1 },
        context: { city: 'Paris' },
        properties: { nested: [] },
        extra: true,
      });
      expect(errors.map((issue) => issue.path)).to.deep.equal([
        'extra',
        'id',
        'timestamp',
        'tokens.input',
        'context.city',
        'properties.nested',
      ]);
    });
  });

  describe('hostile input', () => {
    it('refuses a 10 MB string quickly and names its length', () => {
      const huge = 'x'.repeat(10 * 1024 * 1024);
      const errors = errorsOf({ ...base, name: huge, id: huge, properties: { big: huge } });
      expect(errors).to.deep.equal([
        { path: 'id', reason: 'must be at most 64 characters, got 10485760' },
        { path: 'name', reason: 'must be at most 128 characters, got 10485760' },
        { path: 'properties.big', reason: 'must be at most 1024 bytes of UTF-8, got 10485760' },
      ]);
    });

    it('shortens a huge unknown key in the path', () => {
      const errors = errorsOf({ ...base, ['k'.repeat(1_000_000)]: 1 });
      expect(errors).to.deep.equal([{ path: `["${'k'.repeat(40)}…"]`, reason: 'unknown field' }]);
    });

    it('refuses a __proto__ key from JSON without polluting any prototype', () => {
      const input = JSON.parse(
        '{"id":"e1","name":"n","timestamp":0,"__proto__":{"polluted":1},"properties":{"__proto__":{"x":1}}}',
      ) as unknown;
      expect(errorsOf(input)).to.deep.equal([
        { path: '__proto__', reason: 'unknown field' },
        { path: 'properties.__proto__', reason: 'is a reserved key' },
      ]);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });

    it('ignores inherited fields, reading only what JSON.stringify would send', () => {
      const input = Object.assign(Object.create({ userId: 'inherited', foo: 1 }) as object, base);
      expect(eventOf(input)).to.not.have.property('userId');
    });

    it('reports getters that throw instead of throwing', () => {
      const input = {
        ...base,
        get name(): string {
          throw new Error('boom');
        },
        tokens: {
          get input(): number {
            throw new Error('boom');
          },
        },
        properties: {
          get secret(): string {
            throw new Error('boom');
          },
        },
      };
      expect(errorsOf(input)).to.deep.equal([
        { path: 'name', reason: 'could not be read: its getter threw an error' },
        { path: 'tokens.input', reason: 'could not be read: its getter threw an error' },
        { path: 'properties.secret', reason: 'could not be read: its getter threw an error' },
      ]);
    });

    it('reports proxies that throw on every operation', () => {
      const hostile = new Proxy(
        {},
        {
          get() {
            throw new Error('get');
          },
          ownKeys() {
            throw new Error('keys');
          },
          getPrototypeOf() {
            throw new Error('proto');
          },
        },
      );
      expect(errorsOf(hostile)).to.deep.equal([
        { path: '', reason: 'could not be read: inspecting it threw an error' },
      ]);
      expect(errorsOf({ ...base, tokens: hostile })).to.deep.equal([
        { path: 'tokens', reason: 'could not be read: inspecting it threw an error' },
      ]);
    });

    it('caps the problems reported for an object with thousands of unknown fields', () => {
      const input: Record<string, unknown> = { ...base };
      for (let index = 0; index < 10_000; index += 1) input[`f${index}`] = index;
      const errors = errorsOf(input);
      expect(errors).to.have.length(MAX_ISSUES + 1);
      expect(errors[MAX_ISSUES]).to.deep.equal({
        path: '',
        reason: `and ${10_000 - MAX_ISSUES} more problems not listed`,
      });
    });

    it('refuses strings with unpaired surrogates', () => {
      expect(reasonAt({ ...base, agent: 'bot\uD800' }, 'agent')).to.equal(
        'must be valid Unicode text (it has an unpaired surrogate)',
      );
    });

    it('never throws, whatever it is given', () => {
      fc.assert(
        fc.property(
          fc.anything({ withBigInt: true, withMap: true, withNullPrototype: true }),
          (input) => {
            const result = validateEvent(input);
            expect(result.ok).to.equal(false);
            if (!result.ok) expect(result.errors.length).to.be.greaterThan(0);
          },
        ),
      );
    });

    it('never throws on events with arbitrary values in every field', () => {
      const fields = ['id', 'name', 'timestamp', 'userId', 'actor', 'tokens', 'costUsd', 'rating'];
      const arbitrary = fc.record(
        Object.fromEntries(fields.map((field) => [field, fc.anything()])),
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(arbitrary, (input) => {
          const result = validateEvent(input);
          if (result.ok) expect(result.event.id).to.be.a('string');
          else expect(result.errors.length).to.be.greaterThan(0);
        }),
      );
    });
  });

  describe('valid events', () => {
    it('accepts and round-trips any well-formed event', () => {
      const tokenCounts = fc
        .record({
          cachedInput: fc.nat(1000),
          cacheWrite: fc.nat(1000),
          plainInput: fc.nat(1000),
          reasoning: fc.nat(1000),
          plainOutput: fc.nat(1000),
        })
        .map((counts) => ({
          input: counts.cachedInput + counts.cacheWrite + counts.plainInput,
          output: counts.reasoning + counts.plainOutput,
          cachedInput: counts.cachedInput,
          cacheWrite: counts.cacheWrite,
          reasoning: counts.reasoning,
        }));
      const arbitrary = fc.record({
        id: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/),
        name: fc.string({ minLength: 1, maxLength: 128, unit: 'grapheme-ascii' }),
        timestamp: fc.integer({ min: 0, max: 4_102_444_800_000 }),
        userId: fc.string({ minLength: 1, maxLength: 256 }),
        tokens: tokenCounts,
        credits: fc.double({ min: 0, max: 1e6, noNaN: true }),
      });
      fc.assert(
        fc.property(arbitrary, (input) => {
          const event = eventOf(input);
          expect(event).to.deep.equal({ ...input, credits: input.credits + 0, actor: 'user' });
        }),
      );
    });

    it('reads an ISO timestamp as the instant Date.parse gives', () => {
      fc.assert(
        fc.property(
          fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 0)), noInvalidDate: true }),
          (date) => {
            const iso = date.toISOString();
            expect(eventOf({ ...base, timestamp: iso }).timestamp).to.equal(Date.parse(iso));
          },
        ),
      );
    });
  });
});
