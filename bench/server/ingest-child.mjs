/**
 * The server under load for the ingest benchmark, in its own process (so the clients' work does
 * not count as the server's): the built @tally/server over a DuckDB file, rate limits lifted.
 * Prints `listening <url>`; on SIGTERM closes gracefully and prints `cpu <ms>` (its CPU time).
 *
 *   node bench/server/ingest-child.mjs <db path>
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_KEYS, benchConfig } from './bench-config.mjs';

const [, , dbPath, distFolder] = process.argv;
const server = await import(pathToFileURL(join(distFolder, 'index.js')).href);
const store = await server.DuckDbStore.open(dbPath);
const tally = server.createTallyServer({
  store,
  config: benchConfig(),
  onError: (error) => console.error(error),
});
const listening = await server.listen(tally, { port: 0, host: '127.0.0.1' });
const cpuStart = process.cpuUsage();
console.log(`listening ${listening.url} ${BENCH_KEYS.secret}`);
process.once('SIGTERM', async () => {
  const cpu = process.cpuUsage(cpuStart);
  await listening.close();
  await store.close();
  console.log(`cpu ${(cpu.user + cpu.system) / 1000}`);
  process.exit(0);
});
