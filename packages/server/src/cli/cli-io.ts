/** Where the command line writes and where it runs: the process's by default, a fake in tests. */
export interface CliIo {
  out(line: string): void;
  error(line: string): void;
  /** The working directory, for relative paths. */
  cwd: string;
  /**
   * Registers what to do on SIGTERM / SIGINT; returns a function that unregisters it.
   * @default process signals
   */
  onSignal(listener: (signal: string) => void): () => void;
}

/** The process's own streams, directory and signals. */
export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
    onSignal(listener) {
      process.on('SIGTERM', listener);
      process.on('SIGINT', listener);
      return () => {
        process.off('SIGTERM', listener);
        process.off('SIGINT', listener);
      };
    },
  };
}
