import { safeLocalStorage } from './safe-local-storage.js';
import { uuidV7 } from './uuid-v7.js';

const KEY = 'tally:session';

/**
 * A session id that rolls over after `timeoutMs` without activity. In a browser it is kept in
 * `localStorage`, so reloads and other tabs of the origin continue the same session. Returns a
 * function that marks activity and gives the current id.
 */
export function createSession(timeoutMs: number): () => string {
  let id = '';
  let last = 0;
  let saved = 0;
  return () => {
    const now = Date.now();
    if (now - last > timeoutMs) {
      try {
        // Another tab (or the previous page) may have kept the session alive.
        const stored = JSON.parse(safeLocalStorage()?.getItem(KEY) ?? '0');
        if (stored && now - stored.last <= timeoutMs) ({ id, last } = stored);
      } catch {
        // Unreadable: start a new session.
      }
      if (now - last > timeoutMs) id = uuidV7(now);
    }
    last = now;
    // Writing on every event would cost more than a track call; once a second is enough.
    if (now - saved > 1000) {
      saved = now;
      try {
        safeLocalStorage()?.setItem(KEY, JSON.stringify({ id, last }));
      } catch {
        // Quota or blocked storage: the session still works within this page.
      }
    }
    return id;
  };
}
