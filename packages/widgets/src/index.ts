/**
 * @packageDocumentation
 * @tally/widgets. This package is a placeholder until its first release; see the project README.
 */

/** The version of this package. */
export const VERSION = '0.1.0';
