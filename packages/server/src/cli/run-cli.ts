import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TallyError } from '@tally/core';
import { processIo, type CliIo } from './cli-io.js';
import { initCommand } from './init-command.js';
import { seedCommand } from './seed-command.js';
import { startCommand } from './start-command.js';

const USAGE = `usage: tally-server <command> [options]

commands:
  init     write tally.config.json with a tenant, its keys and a token secret
           --config <path>   where to write it (default tally.config.json)
           --tenant <id>     the tenant's id (default "default")
           --timezone <tz>   the tenant's time zone (default UTC)
           --force           replace an existing file (its keys stop working)
  start    serve the API
           --db <path>       the DuckDB file (default ./tally.duckdb; :memory: for none)
           --port <n>        (default 8787)
           --host <addr>     (default 127.0.0.1; 0.0.0.0 to accept other machines)
           --config <path>   (default tally.config.json)
  seed     fill a tenant with data
           --demo            a synthetic organisation: roster, 180 days of events ending now
           --db, --config    as for start
           --tenant <id>     (default the first tenant)
           --days <n>        (default 180)   --users <n> (default 48)
           --scale <x>       activity multiplier (default 1)   --seed <n> (default 1)`;

/**
 * Runs the `tally-server` command line and returns its exit code: 0 done, 1 failed, 2 misused.
 * Errors are printed as one line, never as a stack trace: they name the field or file at fault.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'init') {
      const { values } = parse(rest, {
        config: { type: 'string', default: 'tally.config.json' },
        tenant: { type: 'string' },
        timezone: { type: 'string' },
        force: { type: 'boolean', default: false },
      });
      return await initCommand(
        {
          config: values.config as string,
          force: values.force as boolean,
          ...(values.tenant === undefined ? {} : { tenant: values.tenant as string }),
          ...(values.timezone === undefined ? {} : { timezone: values.timezone as string }),
        },
        io,
      );
    }
    if (command === 'start') {
      const { values } = parse(rest, {
        config: { type: 'string', default: 'tally.config.json' },
        db: { type: 'string', default: './tally.duckdb' },
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
      });
      return await startCommand(
        {
          config: values.config as string,
          db: values.db as string,
          port: readInteger(values.port, '--port', 0, 65_535),
          host: values.host as string,
        },
        io,
      );
    }
    if (command === 'seed') {
      const { values } = parse(rest, {
        config: { type: 'string', default: 'tally.config.json' },
        db: { type: 'string', default: './tally.duckdb' },
        demo: { type: 'boolean', default: false },
        tenant: { type: 'string' },
        days: { type: 'string', default: '180' },
        users: { type: 'string', default: '48' },
        scale: { type: 'string', default: '1' },
        seed: { type: 'string', default: '1' },
      });
      const scale = Number(values.scale);
      if (!(scale > 0 && scale <= 100))
        throw usage(`--scale: must be a number above 0, at most 100 (got ${values.scale})`);
      return await seedCommand(
        {
          config: values.config as string,
          db: values.db as string,
          demo: values.demo as boolean,
          days: readInteger(values.days, '--days', 1, 1830),
          users: readInteger(values.users, '--users', 1, 10_000),
          scale,
          seed: readInteger(values.seed, '--seed', 0, 2 ** 31),
          ...(values.tenant === undefined ? {} : { tenant: values.tenant as string }),
        },
        io,
      );
    }
    io.error(`tally-server: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
    return 2;
  } catch (error) {
    if (TallyError.isInstance(error)) {
      io.error(`tally-server: ${error.message}`);
      return error.code === 'invalid_usage' ? 2 : 1;
    }
    io.error(
      `tally-server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  }
}

function parse(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
  } catch (error) {
    throw usage((error as Error).message);
  }
}

function readInteger(value: unknown, flag: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw usage(`${flag}: must be a whole number from ${min} to ${max} (got ${String(value)})`);
  }
  return number;
}

function usage(message: string): TallyError {
  return new TallyError(message, { code: 'invalid_usage' });
}
