import type { StoredEvent } from '../event.js';

let counter = 0;

/**
 * A stored event for tests: defaults filled in, `overrides` win. Ids are unique per call.
 * `actor` defaults like the validator does: `user` when `userId` is set, else `system`.
 */
export function makeEvent(overrides: Partial<StoredEvent> = {}): StoredEvent {
  counter += 1;
  return {
    id: `evt-${counter.toString().padStart(8, '0')}`,
    name: 'chat.message',
    timestamp: Date.UTC(2026, 0, 15, 12),
    actor: overrides.actor ?? (overrides.userId === undefined ? 'system' : 'user'),
    tokens: null,
    costNanos: 0,
    pricing: 'none',
    credits: 1,
    ...overrides,
  };
}
