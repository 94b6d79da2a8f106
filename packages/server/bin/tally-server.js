#!/usr/bin/env node
// The `tally-server` command: `init`, `start`, `seed`. See `tally-server --help`.
import { runCli } from '../dist/cli/run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
