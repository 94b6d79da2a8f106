/**
 * The usage tab with arquero verbs over an in-memory table of the events (one column array per
 * field), plus the same JS shaping the other implementations do.
 */
import * as aq from 'arquero';
import { shapeBreakdown, shapeLeaderboard, shapeStats, shapeTimeline } from './usage-tab.mjs';

const { op } = aq;

/** Distinct non-null values: arquero's `distinct` counts null as one more value. */
const distinctValid = (column) => (figures) =>
  figures[`${column}Distinct`] - (figures[`${column}Valid`] < figures.events ? 1 : 0);

/** Creates the arquero table from `columns` (see columns.mjs). Returns `{ usageTab(ranges) }`. */
export function createArqueroPeer(columns, roster) {
  const table = aq.table(columns);

  function inRange(range) {
    return table
      .params({ from: range.from, to: range.to })
      .filter((d, $) => d.ts >= $.from && d.ts < $.to);
  }

  function leaderboard(events, range) {
    const users = events
      .filter((d) => d.actor === 'user' && d.user_id !== null)
      .groupby('user_id', 'category', 'name')
      .rollup({ count: op.count(), credits: op.sum('credits'), last: op.max('ts') });
    const system = events
      .filter((d) => d.actor === 'system')
      .groupby('category', 'agent')
      .rollup({ count: op.count(), credits: op.sum('credits') });
    return shapeLeaderboard(
      {
        userId: users.array('user_id'),
        category: users.array('category'),
        name: users.array('name'),
        count: users.array('count'),
        credits: users.array('credits'),
        last: users.array('last'),
      },
      {
        category: system.array('category'),
        agent: system.array('agent'),
        count: system.array('count'),
        credits: system.array('credits'),
      },
      roster,
      range,
    );
  }

  function stats(range, previous) {
    // Both periods in one pass: the previous period ends where the range starts.
    const figures = table
      .params({ from: previous.from, split: range.from, to: range.to })
      .filter((d, $) => d.ts >= $.from && d.ts < $.to)
      .derive({
        current: (d, $) => d.ts >= $.split,
        user: (d) => (d.actor === 'user' ? d.user_id : null),
        ok: (d) => (d.status === 'ok' ? 1 : 0),
        error: (d) => (d.status === 'error' ? 1 : 0),
      })
      .groupby('current')
      .rollup({
        events: op.count(),
        ipDistinct: op.distinct('ip'),
        ipValid: op.valid('ip'),
        conversationDistinct: op.distinct('conversation_id'),
        conversationValid: op.valid('conversation_id'),
        userDistinct: op.distinct('user'),
        userValid: op.valid('user'),
        input: op.sum('tokens_input'),
        output: op.sum('tokens_output'),
        tokens: op.sum('tokens_total'),
        ok: op.sum('ok'),
        errors: op.sum('error'),
        p50: op.quantile('latency_ms', 0.5),
        p95: op.quantile('latency_ms', 0.95),
        p99: op.quantile('latency_ms', 0.99),
        costNanos: op.sum('cost_nanos'),
        credits: op.sum('credits'),
      })
      .objects();
    const periods = { current: null, previous: null };
    for (const row of figures) {
      row.ips = distinctValid('ip')(row);
      row.conversations = distinctValid('conversation')(row);
      row.users = distinctValid('user')(row);
      periods[row.current ? 'current' : 'previous'] = row;
    }
    const empty = { events: 0, ips: 0, conversations: 0, users: 0, ok: 0, errors: 0 };
    return shapeStats(periods.current ?? empty, periods.previous ?? empty, range, previous);
  }

  function timeline(events, range) {
    const buckets = events
      .params({ from: range.from })
      .groupby({ bucket: (d, $) => op.floor((d.ts - $.from) / 3600000) })
      .count({ as: 'total' });
    const totals = [];
    const keys = buckets.array('bucket');
    const counts = buckets.array('total');
    for (let index = 0; index < keys.length; index += 1) totals[keys[index]] = counts[index];
    return shapeTimeline(range, totals);
  }

  function breakdown(events, range) {
    const slices = events.groupby('category').count({ as: 'total' });
    return shapeBreakdown(range, slices.array('category'), slices.array('total'));
  }

  return {
    rows: table.numRows(),
    usageTab({ range, previous }) {
      const events = inRange(range);
      return {
        leaderboard: leaderboard(events, range),
        stats: stats(range, previous),
        timeline: timeline(events, range),
        breakdown: breakdown(events, range),
      };
    },
  };
}
