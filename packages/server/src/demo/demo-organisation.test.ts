import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateEvent } from '@tally/core';
import { demoOrganisation } from './demo-organisation.js';

const NOW = Date.UTC(2026, 5, 15, 12);

describe('demoOrganisation', () => {
  const organisation = demoOrganisation({ now: NOW, days: 60, users: 30 });
  const events = [...organisation.events()];

  it('gives the same organisation for the same seed, and another for another seed', () => {
    const again = [...demoOrganisation({ now: NOW, days: 60, users: 30 }).events()];
    assert.deepEqual(
      again.map(({ event }) => event.id),
      events.map(({ event }) => event.id),
    );
    const other = [...demoOrganisation({ now: NOW, days: 60, users: 30, seed: 2 }).events()];
    const times = (list: typeof events) => list.slice(0, 100).map(({ event }) => event.timestamp);
    assert.notDeepEqual(times(other), times(events));
  });

  it('produces only valid wire events, unique ids, all before now and within the days asked', () => {
    const ids = new Set<string>();
    for (const { event } of events) {
      const result = validateEvent(event);
      assert.ok(result.ok, JSON.stringify(result));
      ids.add(event.id);
      assert.ok((event.timestamp as number) < NOW);
      assert.ok((event.timestamp as number) >= NOW - 61 * 86_400_000);
    }
    assert.equal(ids.size, events.length);
  });

  it('has licensed users without activity, deactivated users, and system work', () => {
    const active = new Set(events.map(({ event }) => event.userId).filter(Boolean));
    const idle = organisation.roster.filter((user) => !active.has(user.id));
    assert.ok(idle.length >= 2 && idle.every((user) => user.licensed));
    assert.ok(organisation.roster.some((user) => !user.active));
    const system = events.filter(({ event }) => event.actor === 'system');
    assert.ok(
      system.length > 0 && system.every(({ event }) => event.userId === undefined && event.agent),
    );
  });

  it('covers the four categories, several agents, models, providers, errors, feedback and countries', () => {
    const distinct = (read: (event: Record<string, unknown>) => unknown) =>
      new Set(
        events
          .map(({ event }) => read(event as unknown as Record<string, unknown>))
          .filter((value) => value !== undefined),
      );
    assert.deepEqual([...distinct((event) => event.category)].sort(), [
      'chat',
      'documents',
      'flow',
      'research',
    ]);
    assert.ok(distinct((event) => event.agent).size >= 4);
    assert.ok(distinct((event) => event.model).size >= 8);
    assert.deepEqual([...distinct((event) => event.provider)].sort(), [
      'anthropic',
      'google',
      'openai',
    ]);
    assert.ok(events.some(({ event }) => event.status === 'error' && event.errorType));
    assert.ok(
      events.some(({ event }) => event.feedback === 1) &&
        events.some(({ event }) => event.feedback === -1),
    );
    assert.ok(new Set(events.map(({ location }) => location.country).filter(Boolean)).size >= 5);
    assert.ok(
      events.some(({ event }) => event.name === 'queue.depth' && typeof event.value === 'number'),
    );
  });
});
