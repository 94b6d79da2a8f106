/**
 * Core's full validator, for an event the tracker's quick check refused. The tracker imports this
 * module lazily, not `@tally/core` itself: a bundler that keeps every export of a lazily imported
 * package (esbuild does) would otherwise pull all of core in with the page, since the tracker
 * also imports `TallyError` from core statically.
 */
export { validateEvent } from '@tally/core';
