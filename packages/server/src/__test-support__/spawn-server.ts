import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./cli-entry.ts', import.meta.url));

/** A `tally-server start` in a child process. */
export interface ChildServer {
  child: ChildProcess;
  url: string;
  /** Everything the child printed. */
  output(): string;
  /** Resolves with the exit code or signal once the child has exited. */
  exited: Promise<number | string | null>;
}

/** Starts `tally-server start` with `args` in a child process and waits until it listens. */
export async function spawnServer(args: readonly string[]): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', entry, 'start', '--port', '0', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start:\n${output}`)),
      30_000,
    );
    const look = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        child.stdout?.off('data', look);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', look);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server exited before listening:\n${output}`));
    });
  });
  return { child, url, output: () => output, exited };
}
