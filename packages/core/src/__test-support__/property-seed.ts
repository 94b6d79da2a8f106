import fc from 'fast-check';

/**
 * Property tests run from a fixed seed, so a run is repeatable and a failure can be replayed.
 * Set `TALLY_PROPERTY_SEED` (Node) to explore other random cases.
 */
const fromEnvironment = (globalThis as { process?: { env?: Record<string, string | undefined> } })
  .process?.env?.TALLY_PROPERTY_SEED;

fc.configureGlobal({ seed: fromEnvironment ? Number(fromEnvironment) : 20261123 });
