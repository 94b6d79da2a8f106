/**
 * The page's `localStorage`, or `undefined` where there is none (Node, workers) or reading it
 * throws (sandboxed frames, blocked storage).
 */
export function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
