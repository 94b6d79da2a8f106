import { readFile } from 'node:fs/promises';
import { TallyError } from '@tally/core';
import type { TallyConfig } from './config-types.js';
import { validateConfig } from './validate-config.js';

/**
 * Reads and validates a config file (`tally.config.json`) and returns it as written, ready for
 * `createTallyServer`. A missing file, JSON that does not parse and invalid settings all throw
 * a `TallyError` (`invalid_config`) that names the file.
 */
export async function loadConfig(path: string): Promise<TallyConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'does not exist; run `tally-server init` to write one'
        : `cannot be read (${(error as Error).message})`;
    throw new TallyError(`${path}: ${reason}`, {
      code: 'invalid_config',
      field: path,
      cause: error,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new TallyError(`${path}: is not valid JSON (${(error as Error).message})`, {
      code: 'invalid_config',
      field: path,
      cause: error,
    });
  }
  try {
    validateConfig(parsed);
    return parsed as TallyConfig;
  } catch (error) {
    if (TallyError.isInstance(error)) {
      throw new TallyError(`${path}: ${error.message}`, {
        code: error.code,
        field: error.field,
        issues: error.issues,
        cause: error,
      });
    }
    throw error;
  }
}
