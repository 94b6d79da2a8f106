// Runs the command line from source, as `bin/tally-server.js` runs it from the build.
import { runCli } from '../cli/run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
