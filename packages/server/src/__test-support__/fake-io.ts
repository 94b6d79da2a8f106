import type { CliIo } from '../cli/cli-io.js';

/** A {@link CliIo} that records output and lets a test send signals. */
export interface FakeIo extends CliIo {
  lines: string[];
  errors: string[];
  /** Sends a signal to the registered listeners. */
  signal(name: string): void;
  /** Resolves with the first output line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<string>;
}

/** A fake terminal working in `cwd`. */
export function fakeIo(cwd: string): FakeIo {
  const listeners = new Set<(signal: string) => void>();
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const io: FakeIo = {
    lines: [],
    errors: [],
    cwd,
    out(line) {
      io.lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    },
    error(line) {
      io.errors.push(line);
    },
    onSignal(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signal(name) {
      for (const listener of listeners) listener(name);
    },
    waitFor(pattern) {
      const found = io.lines.find((line) => pattern.test(line));
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ pattern, resolve }));
    },
  };
  return io;
}
