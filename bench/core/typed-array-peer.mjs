/**
 * A hand-written baseline: the usage tab in one tight pass over dictionary-coded typed arrays,
 * specialised to exactly this tab (no query model, no filters, UTC hours only). It shows what
 * a general engine gives up for generality; it is not something to ship.
 */
import { shapeBreakdown, shapeLeaderboard, shapeStats, shapeTimeline } from './usage-tab.mjs';

const HOUR = 3_600_000;

/** Dictionary-codes a string column: codes (0 = null) and the values by code. */
function encode(values) {
  const codes = new Int32Array(values.length);
  const dictionary = [null];
  const lookup = new Map();
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    if (value === null) continue;
    let code = lookup.get(value);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(value);
      lookup.set(value, code);
    }
    codes[index] = code;
  }
  return { codes, dictionary };
}

function numbers(values) {
  const array = new Float64Array(values.length);
  for (let index = 0; index < values.length; index += 1) {
    array[index] = values[index] === null ? NaN : values[index];
  }
  return array;
}

/** Index of the first element ≥ `value` in the sorted array. */
function lowerBound(sorted, value) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Moves the k-th smallest of `values[left..right]` to index k (Hoare quickselect). */
function select(values, k, left, right) {
  while (right > left) {
    const pivot = values[(left + right) >>> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i += 1;
      while (values[j] > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** Continuous quantiles (linear interpolation, like SQL quantile_cont), `qs` ascending. */
function quantiles(values, length, qs) {
  if (length === 0) return qs.map(() => null);
  let left = 0;
  return qs.map((q) => {
    const position = (length - 1) * q;
    const lower = Math.floor(position);
    select(values, lower, left, length - 1);
    const low = values[lower];
    left = lower;
    if (lower + 1 >= length || position === lower) return low;
    let next = Infinity;
    for (let index = lower + 1; index < length; index += 1) {
      if (values[index] < next) next = values[index];
    }
    return low + (next - low) * (position - lower);
  });
}

/** Loads `columns` (see columns.mjs) into typed arrays. Returns `{ usageTab(ranges) }`. */
export function createTypedArrayPeer(columns, roster) {
  const ts = numbers(columns.ts);
  const user = encode(columns.user_id);
  const category = encode(columns.category);
  const name = encode(columns.name);
  const agent = encode(columns.agent);
  const ip = encode(columns.ip);
  const conversation = encode(columns.conversation_id);
  const system = new Uint8Array(columns.actor.map((actor) => (actor === 'system' ? 1 : 0)));
  const status = new Uint8Array(
    columns.status.map((value) => (value === 'ok' ? 1 : value === 'error' ? 2 : 0)),
  );
  const latency = numbers(columns.latency_ms);
  const input = numbers(columns.tokens_input);
  const output = numbers(columns.tokens_output);
  const cost = numbers(columns.cost_nanos);
  const credits = numbers(columns.credits);
  const users = user.dictionary.length;
  const categories = category.dictionary.length;
  const names = name.dictionary.length;
  const agents = agent.dictionary.length;
  const latencies = new Float64Array(ts.length);

  function period(start, end) {
    const seenIp = new Uint8Array(ip.dictionary.length);
    const seenConversation = new Uint8Array(conversation.dictionary.length);
    const seenUser = new Uint8Array(users);
    const figures = {
      events: end - start,
      ips: 0,
      conversations: 0,
      users: 0,
      input: 0,
      output: 0,
      tokens: 0,
      ok: 0,
      errors: 0,
      costNanos: 0,
      credits: 0,
    };
    let latencyCount = 0;
    for (let row = start; row < end; row += 1) {
      const ipCode = ip.codes[row];
      if (ipCode !== 0 && seenIp[ipCode] === 0) {
        seenIp[ipCode] = 1;
        figures.ips += 1;
      }
      const conversationCode = conversation.codes[row];
      if (conversationCode !== 0 && seenConversation[conversationCode] === 0) {
        seenConversation[conversationCode] = 1;
        figures.conversations += 1;
      }
      const userCode = user.codes[row];
      if (system[row] === 0 && userCode !== 0 && seenUser[userCode] === 0) {
        seenUser[userCode] = 1;
        figures.users += 1;
      }
      const tokensIn = input[row];
      if (tokensIn === tokensIn) {
        figures.input += tokensIn;
        figures.output += output[row];
        figures.tokens += tokensIn + output[row];
      }
      const state = status[row];
      if (state === 1) figures.ok += 1;
      else if (state === 2) figures.errors += 1;
      const ms = latency[row];
      if (ms === ms) latencies[latencyCount++] = ms;
      figures.costNanos += cost[row];
      figures.credits += credits[row];
    }
    [figures.p50, figures.p95, figures.p99] = quantiles(latencies, latencyCount, [0.5, 0.95, 0.99]);
    return figures;
  }

  return {
    rows: ts.length,
    usageTab({ range, previous }) {
      const start = lowerBound(ts, range.from);
      const end = lowerBound(ts, range.to);
      const hours = Math.ceil((range.to - range.from) / HOUR);
      const perUser = new Float64Array(users * categories * names);
      const userCredits = new Float64Array(users * categories * names);
      const userLast = new Float64Array(users * categories * names);
      const perSystem = new Float64Array(categories * agents);
      const systemCredits = new Float64Array(categories * agents);
      const perHour = new Float64Array(hours);
      const perCategory = new Float64Array(categories);
      for (let row = start; row < end; row += 1) {
        const categoryCode = category.codes[row];
        if (system[row] === 1) {
          const cell = categoryCode * agents + agent.codes[row];
          perSystem[cell] += 1;
          systemCredits[cell] += credits[row];
        } else if (user.codes[row] !== 0) {
          const cell = (user.codes[row] * categories + categoryCode) * names + name.codes[row];
          perUser[cell] += 1;
          userCredits[cell] += credits[row];
          userLast[cell] = ts[row];
        }
        perHour[Math.floor((ts[row] - range.from) / HOUR)] += 1;
        perCategory[categoryCode] += 1;
      }

      const userGroups = { userId: [], category: [], name: [], count: [], credits: [], last: [] };
      for (let cell = 0; cell < perUser.length; cell += 1) {
        if (perUser[cell] === 0) continue;
        const nameCode = cell % names;
        const categoryCode = Math.floor(cell / names) % categories;
        userGroups.userId.push(user.dictionary[Math.floor(cell / (names * categories))]);
        userGroups.category.push(category.dictionary[categoryCode]);
        userGroups.name.push(name.dictionary[nameCode]);
        userGroups.count.push(perUser[cell]);
        userGroups.credits.push(userCredits[cell]);
        userGroups.last.push(userLast[cell]);
      }
      const systemGroups = { category: [], agent: [], count: [], credits: [] };
      for (let cell = 0; cell < perSystem.length; cell += 1) {
        if (perSystem[cell] === 0) continue;
        systemGroups.category.push(category.dictionary[Math.floor(cell / agents)]);
        systemGroups.agent.push(agent.dictionary[cell % agents]);
        systemGroups.count.push(perSystem[cell]);
        systemGroups.credits.push(systemCredits[cell]);
      }
      const slices = [...perCategory.keys()].filter((code) => perCategory[code] > 0);

      const previousStart = lowerBound(ts, previous.from);
      return {
        leaderboard: shapeLeaderboard(userGroups, systemGroups, roster, range),
        stats: shapeStats(period(start, end), period(previousStart, start), range, previous),
        timeline: shapeTimeline(range, perHour),
        breakdown: shapeBreakdown(
          range,
          slices.map((code) => category.dictionary[code]),
          slices.map((code) => perCategory[code]),
        ),
      };
    },
  };
}
