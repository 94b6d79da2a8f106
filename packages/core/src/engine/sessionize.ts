import type { SessionRecord } from '../query.js';
import type { DictionaryColumn } from './dictionary-column.js';

/** Key spaces up to this size find a user's open session through a flat table. */
const DENSE_LIMIT = 1 << 22;

/**
 * Splits the events of each user (and partition) into sessions in one walk over time-ordered
 * rows: per (user, partition) the open session's start, last timestamp and count live in flat
 * arrays; a gap strictly greater than `gapMs` closes it. Rows without a user are skipped.
 * Returns the sessions sorted by user id, partition (absent last) and start.
 */
export function sessionize(
  rows: Int32Array,
  length: number,
  timestamps: Float64Array,
  users: DictionaryColumn,
  partitions: DictionaryColumn | null,
  gapMs: number,
): SessionRecord[] {
  const userCodes = users.codes;
  const partitionCodes = partitions === null ? null : partitions.codes;
  const radix = partitions === null ? 1 : partitions.size;
  const space = users.size * radix;
  const dense = space <= DENSE_LIMIT ? new Int32Array(space) : null;
  const sparse = dense === null ? new Map<number, number>() : null;

  // Open sessions, one slot per (user, partition) seen.
  let slotUser: Int32Array = new Int32Array(64);
  let slotPartition: Int32Array = new Int32Array(64);
  let slotStart: Float64Array = new Float64Array(64);
  let slotLast: Float64Array = new Float64Array(64);
  let slotEvents: Float64Array = new Float64Array(64);
  let slots = 0;
  // Closed sessions.
  const sessionUser: number[] = [];
  const sessionPartition: number[] = [];
  const sessionStart: number[] = [];
  const sessionEnd: number[] = [];
  const sessionEvents: number[] = [];

  for (let index = 0; index < length; index += 1) {
    const row = rows[index];
    const user = userCodes[row];
    if (user === 0) continue;
    const partition = partitionCodes === null ? 0 : partitionCodes[row];
    const key = user * radix + partition;
    let slot = dense !== null ? dense[key] - 1 : (sparse!.get(key) ?? -1);
    const timestamp = timestamps[row];
    if (slot < 0) {
      if (slots === slotUser.length) {
        const capacity = slots * 2;
        slotUser = grownInt(slotUser, capacity);
        slotPartition = grownInt(slotPartition, capacity);
        slotStart = grownFloat(slotStart, capacity);
        slotLast = grownFloat(slotLast, capacity);
        slotEvents = grownFloat(slotEvents, capacity);
      }
      slot = slots;
      slots += 1;
      if (dense !== null) dense[key] = slot + 1;
      else sparse!.set(key, slot);
      slotUser[slot] = user;
      slotPartition[slot] = partition;
      slotStart[slot] = timestamp;
      slotLast[slot] = timestamp;
      slotEvents[slot] = 1;
      continue;
    }
    if (timestamp - slotLast[slot] > gapMs) {
      sessionUser.push(user);
      sessionPartition.push(partition);
      sessionStart.push(slotStart[slot]);
      sessionEnd.push(slotLast[slot]);
      sessionEvents.push(slotEvents[slot]);
      slotStart[slot] = timestamp;
      slotEvents[slot] = 0;
    }
    slotLast[slot] = timestamp;
    slotEvents[slot] += 1;
  }
  for (let slot = 0; slot < slots; slot += 1) {
    sessionUser.push(slotUser[slot]);
    sessionPartition.push(slotPartition[slot]);
    sessionStart.push(slotStart[slot]);
    sessionEnd.push(slotLast[slot]);
    sessionEvents.push(slotEvents[slot]);
  }

  const userRanks = users.ranks();
  const partitionRanks = partitions === null ? null : partitions.ranks();
  const order = Array.from(sessionUser, (_, index) => index);
  order.sort(
    (a, b) =>
      userRanks[sessionUser[a]] - userRanks[sessionUser[b]] ||
      (partitionRanks === null
        ? 0
        : partitionRanks[sessionPartition[a]] - partitionRanks[sessionPartition[b]]) ||
      sessionStart[a] - sessionStart[b],
  );
  return order.map((index): SessionRecord => {
    const record: SessionRecord = {
      userId: users.valueOf(sessionUser[index]) as string,
      start: sessionStart[index],
      end: sessionEnd[index],
      events: sessionEvents[index],
    };
    if (partitions !== null) record.partition = partitions.valueOf(sessionPartition[index]);
    return record;
  });
}

function grownInt(array: Int32Array, capacity: number): Int32Array {
  const grown = new Int32Array(capacity);
  grown.set(array);
  return grown;
}

function grownFloat(array: Float64Array, capacity: number): Float64Array {
  const grown = new Float64Array(capacity);
  grown.set(array);
  return grown;
}
