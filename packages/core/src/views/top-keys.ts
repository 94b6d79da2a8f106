import { OTHER } from './dimension-keys.js';
import { compareText } from './sorted-rows.js';

/** The top keys by total and the ones folded into `other`. */
export interface TopKeys {
  /** At most `top` keys, largest total first (ties by key). */
  top: string[];
  /** Keys folded into `other`, in the same order. */
  rest: string[];
}

/**
 * Splits keys into the `top` largest by total and the rest. Keys whose total is 0 are dropped
 * unless `keepZeros`; a key literally named `other` always goes to the rest, so it never
 * appears twice.
 */
export function topKeys(
  totals: ReadonlyMap<string, number>,
  top: number,
  keepZeros = false,
): TopKeys {
  const ordered = [...totals.entries()]
    .filter(([, total]) => keepZeros || total !== 0)
    .sort(([a, totalA], [b, totalB]) => totalB - totalA || compareText(a, b))
    .map(([key]) => key);
  const candidates = ordered.filter((key) => key !== OTHER);
  const chosen = candidates.slice(0, top);
  const kept = new Set(chosen);
  return { top: chosen, rest: ordered.filter((key) => !kept.has(key)) };
}
