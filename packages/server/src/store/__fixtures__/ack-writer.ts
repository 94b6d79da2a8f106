// Child process for the durability test: inserts batches into the store at argv[2] forever,
// printing `ack <total>` after each insert resolves, until the parent kills it.
import type { StoredEvent } from '@tally/core';
import { DuckDbStore } from '../duckdb-store.js';

const BATCH = 50;
const path = process.argv[2];
const store = await DuckDbStore.open(path);
let total = 0;
for (let batch = 0; ; batch += 1) {
  const events: StoredEvent[] = Array.from({ length: BATCH }, (_, index) => ({
    id: `b${batch}-e${index}`,
    name: 'chat.message',
    timestamp: Date.UTC(2026, 0, 10) + batch * 1000 + index,
    actor: 'user',
    userId: `u${index % 7}`,
    tokens: null,
    costNanos: 0,
    pricing: 'none',
    credits: 1,
  }));
  const result = await store.insertEvents('acme', events);
  total += result.inserted;
  process.stdout.write(`ack ${total}\n`);
}
