import {
  validateBatch,
  type FieldIssue,
  type NormalizedEvent,
  type ServerContext,
  type StoredEvent,
} from '@tally/core';

/** How a batch's events are prepared for storage. */
export interface PrepareOptions {
  /** Whether the sender may attribute events to the system (secret key) or only to users. */
  allowSystem: boolean;
  /** The server's time the batch arrived, epoch ms. */
  now: number;
  /** Added to every timestamp: the client clock's correction (see `clockOffset`). */
  offset: number;
  /** Events later than `now + maxFutureMs` after correction are refused. */
  maxFutureMs: number;
  /** The request's IP and location, added to each event's context. */
  location: ServerContext;
  /** Prices and credits an event (core's `createEnricher` for the tenant). */
  enrich: (event: NormalizedEvent) => StoredEvent;
}

/** A batch ready to store, and what happened to each submitted index. */
export interface PreparedBatch {
  /** The events to store, in submitted order. */
  events: StoredEvent[];
  /** Events skipped because an earlier event of the same batch has their id. */
  duplicates: number;
  /** Refused events with every problem found, by submitted index. */
  rejected: { index: number; errors: FieldIssue[] }[];
}

const SYSTEM_REFUSED: FieldIssue = {
  path: 'actor',
  reason:
    'is system (set explicitly, or implied by a missing userId); system-attributed events need the secret key, a public write key sends user events only',
};

/**
 * Validates a batch with core (each invalid event refused with its field paths, the valid ones
 * kept), refuses system-attributed events from public keys, corrects the client's clock, adds
 * the server's context and prices each event at its corrected time.
 *
 * @throws {TallyError} `invalid_batch` when `batch` is not an array of at most 500 events.
 */
export function prepareEvents(batch: unknown, options: PrepareOptions): PreparedBatch {
  const validation = validateBatch(batch);
  const rejected = [...validation.rejected];
  const refusedIndex = new Map<number, FieldIssue>();
  const events: StoredEvent[] = [];
  const latest = options.now + options.maxFutureMs;
  validation.events.forEach((event, position) => {
    const index = validation.accepted[position];
    const issue = refusal(event, options, latest);
    if (issue !== undefined) {
      refusedIndex.set(index, issue);
      rejected.push({ index, errors: [issue] });
      return;
    }
    events.push(options.enrich(withServerFields(event, options)));
  });
  let duplicates = 0;
  for (const duplicate of validation.duplicates) {
    // A copy of a refused event is refused too: nothing of its id was stored.
    const issue = refusedIndex.get(duplicate.keptIndex);
    if (issue === undefined) duplicates += 1;
    else rejected.push({ index: duplicate.index, errors: [issue] });
  }
  rejected.sort((a, b) => a.index - b.index);
  return { events, duplicates, rejected };
}

function refusal(
  event: NormalizedEvent,
  options: PrepareOptions,
  latest: number,
): FieldIssue | undefined {
  if (event.actor === 'system' && !options.allowSystem) return SYSTEM_REFUSED;
  const corrected = event.timestamp + options.offset;
  if (corrected > latest) {
    const corrections = options.offset === 0 ? '' : ' after correcting the client clock';
    return {
      path: 'timestamp',
      reason: `must not be more than ${options.maxFutureMs} ms after the server's time${corrections} (got ${new Date(corrected).toISOString()})`,
    };
  }
  return undefined;
}

function withServerFields(event: NormalizedEvent, options: PrepareOptions): NormalizedEvent {
  // The event is the validator's fresh copy, so it is completed in place: one copy less per
  // event on the hottest path of the server.
  const { offset, location } = options;
  if (offset !== 0) event.timestamp += offset;
  const { ip, country, region, city } = location;
  if (ip !== undefined || country !== undefined || region !== undefined || city !== undefined) {
    event.context = { ...event.context, ...location };
  }
  return event;
}
