import type { Interval } from '../query.js';

/** An interval after clamping to a data floor. */
export interface ClampedInterval extends Interval {
  /** Whether the floor moved `from` later or emptied the interval. */
  clamped: boolean;
}

/**
 * Clamps an interval to a data floor: `from` moves up to the floor, and an interval that ends
 * at or before the floor becomes the empty `[floor, floor)`, which matches no events.
 *
 * @example
 * ```ts
 * clampToFloor({ from: 10, to: 50 }, 20); // { from: 20, to: 50, clamped: true }
 * clampToFloor({ from: 10, to: 15 }, 20); // { from: 20, to: 20, clamped: true }
 * ```
 */
export function clampToFloor(interval: Interval, floor: number | null): ClampedInterval {
  const { from, to } = interval;
  if (floor === null || from >= floor) return { from, to, clamped: false };
  if (to <= floor) return { from: floor, to: floor, clamped: true };
  return { from: floor, to, clamped: true };
}
