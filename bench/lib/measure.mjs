/** Timing and memory helpers shared by the benchmark parts. */

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs a full garbage collection when node runs with `--expose-gc` (run.mjs makes sure). */
export function collectGarbage() {
  if (typeof globalThis.gc === 'function') {
    // Two passes: the first can leave garbage reachable only from finalisers.
    globalThis.gc();
    globalThis.gc();
  }
}

/** Live JS heap plus ArrayBuffer bytes, after a full collection. */
export function retainedBytes() {
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * Times `task` (sync or async) `runs` times after `warmup` untimed runs. Returns the median
 * wall-clock time and every sample in milliseconds, and the median CPU time of this process
 * (all its threads) over the same runs, which a busy machine disturbs less. `setup` runs
 * untimed before each run (e.g. a fresh engine); its result is passed to `task`. The last
 * run's result is returned as `result`.
 */
export async function timeRuns(task, { runs, warmup = 0, setup, collect = false }) {
  const samples = [];
  const cpuSamples = [];
  let result;
  for (let index = 0; index < warmup + runs; index += 1) {
    const input = setup === undefined ? undefined : await setup();
    if (collect) collectGarbage();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    result = await task(input);
    const elapsed = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    if (index >= warmup) {
      samples.push(elapsed);
      cpuSamples.push((cpu.user + cpu.system) / 1000);
    }
  }
  return { median: median(samples), samples, cpuMedian: median(cpuSamples), result };
}

/** Rounds to a number of significant-looking decimals for display and the bench lines. */
export function round(value, decimals = 1) {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
