import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ColumnarEngine, TallyError, type StoredEvent } from '@tally/core';
import { readScopeOf, scopeEngine, scopeFilters } from './read-scope.js';

const stored = (id: string, userId: string): StoredEvent => ({
  id,
  name: 'chat.message',
  timestamp: 1000,
  userId,
  actor: 'user',
  tokens: null,
  costNanos: 0,
  pricing: 'none',
  credits: 1,
});

describe('read scope', () => {
  it('gives admins their whole tenant and members only themselves', () => {
    assert.deepEqual(readScopeOf({ kind: 'secret', tenant: 'a' }), { tenant: 'a', userId: null });
    assert.deepEqual(readScopeOf({ kind: 'token', tenant: 'a', role: 'admin' }), {
      tenant: 'a',
      userId: null,
    });
    assert.deepEqual(readScopeOf({ kind: 'token', tenant: 'a', role: 'member', userId: 'u1' }), {
      tenant: 'a',
      userId: 'u1',
    });
  });

  it('lets no write key read', () => {
    assert.throws(
      () => readScopeOf({ kind: 'write', tenant: 'a' }),
      (error: unknown) => TallyError.isInstance(error) && error.code === 'forbidden',
    );
  });

  it("replaces a member's users filter instead of merging it", () => {
    const member = { tenant: 'a', userId: 'u1' };
    assert.deepEqual(scopeFilters(member, { users: ['u2', 'u1'], category: 'chat' }), {
      users: ['u1'],
      category: 'chat',
    });
    assert.deepEqual(scopeFilters(member, undefined), { users: ['u1'] });
    assert.deepEqual(scopeFilters({ tenant: 'a', userId: null }, { users: ['u2'] }), {
      users: ['u2'],
    });
  });

  it("restricts every engine query and the roster to a member's own user", async () => {
    const engine = new ColumnarEngine();
    engine.append([stored('e1', 'u1'), stored('e2', 'u2'), stored('e3', 'u2')]);
    engine.setRoster([
      { id: 'u1', licensed: true, active: true },
      { id: 'u2', licensed: true, active: true },
    ]);
    const scoped = scopeEngine({ tenant: 'a', userId: 'u1' }, engine);
    const range = { from: 0, to: 10_000 };
    const rows = await scoped.rows({ range, filters: { userId: ['u2'] } });
    assert.equal(rows.total, 0);
    const all = await scoped.aggregate({ range, measures: [{ op: 'count' }] });
    assert.deepEqual(all.rows[0].values, [1]);
    assert.deepEqual(
      (await scoped.roster()).map((user) => user.id),
      ['u1'],
    );
    assert.equal((await scoped.sessions({ range, gapMs: 1000 })).length, 1);
  });
});
