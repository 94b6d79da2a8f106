import type { Engine, EngineFilters, Interval } from '../query.js';

/**
 * Distinct users (non-null `userId`) with at least one matching event in each window. Windows
 * that overlap or touch share one query grouped by the windows' edges and by user, so the DAU,
 * WAU and MAU of two periods cost one or two passes, not six.
 */
export async function distinctUsersInWindows(
  engine: Engine,
  windows: readonly Interval[],
  filters: EngineFilters,
): Promise<number[]> {
  const counts = windows.map(() => 0);
  const order = windows
    .map((window, index) => ({ window, index }))
    .filter(({ window }) => window.from < window.to)
    .sort((a, b) => a.window.from - b.window.from);
  const spans: { range: Interval; members: typeof order }[] = [];
  for (const entry of order) {
    const span = spans[spans.length - 1];
    if (span !== undefined && entry.window.from <= span.range.to) {
      span.range.to = Math.max(span.range.to, entry.window.to);
      span.members.push(entry);
    } else {
      spans.push({ range: { ...entry.window }, members: [entry] });
    }
  }
  await Promise.all(
    spans.map(async ({ range, members }) => {
      const edges = new Set<number>();
      for (const { window } of members) {
        edges.add(window.from);
        if (window.to < range.to) edges.add(window.to);
      }
      const boundaries = [...edges].sort((a, b) => a - b);
      const result = await engine.aggregate({
        range,
        filters,
        groupBy: [{ boundaries }, 'userId'],
        measures: [{ op: 'count' }],
      });
      const usersByBucket = boundaries.map(() => new Set<string>());
      for (const { key } of result.rows) {
        const [bucket, userId] = key;
        if (typeof bucket === 'number' && typeof userId === 'string') {
          usersByBucket[bucket]?.add(userId);
        }
      }
      for (const { window, index } of members) {
        const users = new Set<string>();
        boundaries.forEach((start, bucket) => {
          if (start >= window.from && start < window.to) {
            for (const user of usersByBucket[bucket]) users.add(user);
          }
        });
        counts[index] = users.size;
      }
    }),
  );
  return counts;
}
