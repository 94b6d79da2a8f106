import { resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { createTallyServer } from '../create-tally-server.js';
import { createMaxMindLookup } from '../geo/maxmind-lookup.js';
import { listen } from '../node/listen.js';
import type { CliIo } from './cli-io.js';
import { openStore } from './open-store.js';

/** Options of `tally-server start`. */
export interface StartOptions {
  config: string;
  db: string;
  port: number;
  host: string;
}

/**
 * `tally-server start`: serves the API over a DuckDB file until SIGTERM or SIGINT, then shuts
 * down gracefully: stops accepting, finishes the batches in flight, checkpoints, closes the
 * file. A second signal exits at once.
 */
export async function startCommand(options: StartOptions, io: CliIo): Promise<number> {
  const config = await loadConfig(resolve(io.cwd, options.config));
  // Opened before listening, so a bad database path fails the start rather than the first event.
  const geo =
    config.geoip === undefined ? undefined : await createMaxMindLookup(config.geoip.database);
  const dbPath = options.db === ':memory:' ? options.db : resolve(io.cwd, options.db);
  const store = await openStore(dbPath);
  let stopSignals = () => {};
  try {
    const tally = createTallyServer({ store, config, ...(geo === undefined ? {} : { geo }) });
    const server = await listen(tally, { port: options.port, host: options.host });
    io.out(`tally-server listening on ${server.url} (database ${dbPath})`);
    const signal = await new Promise<string>((done) => {
      let received = false;
      stopSignals = io.onSignal((name) => {
        if (received) {
          io.error(`tally-server: ${name} again, exiting without a clean shutdown`);
          process.exit(1);
        }
        received = true;
        done(name);
      });
    });
    io.out(`tally-server: ${signal}, shutting down (finishing requests in flight)`);
    await server.close();
  } finally {
    await store.close();
    stopSignals();
  }
  io.out('tally-server: stopped');
  return 0;
}
