import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { initialConfig } from '../config/initial-config.js';
import { validateConfig } from '../config/validate-config.js';
import type { CliIo } from './cli-io.js';

/** Options of `tally-server init`. */
export interface InitOptions {
  config: string;
  force: boolean;
  tenant?: string;
  timezone?: string;
}

/**
 * `tally-server init`: writes a new config with one tenant, its keys and a token secret, and
 * prints the keys. Refuses to replace an existing file unless `--force`: it holds the keys.
 */
export async function initCommand(options: InitOptions, io: CliIo): Promise<number> {
  const path = resolve(io.cwd, options.config);
  const config = initialConfig({
    ...(options.tenant === undefined ? {} : { tenant: options.tenant }),
    ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
  });
  validateConfig(config);
  try {
    await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, {
      flag: options.force ? 'w' : 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      io.error(
        `tally-server: ${path} already exists; use --force to replace it (its keys stop working)`,
      );
      return 1;
    }
    throw error;
  }
  const [tenant] = config.tenants;
  io.out(`Wrote ${path} (keep it private: it holds the secret key and the token secret).`);
  io.out('');
  io.out(`tenant      ${tenant.id}`);
  io.out(`write key   ${tenant.writeKeys[0]}   (public: the SDK in browsers)`);
  io.out(`secret key  ${tenant.secretKeys[0]}   (server-side only)`);
  io.out('');
  io.out('Next: tally-server seed --demo, then tally-server start');
  return 0;
}
