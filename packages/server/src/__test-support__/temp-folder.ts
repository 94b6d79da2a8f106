import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the system's temp folder, and a function that removes it. */
export async function tempFolder(
  prefix: string,
): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `tally-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
