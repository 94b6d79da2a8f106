/**
 * The entries whose sizes the widgets bench reports, written as small modules beside the built
 * package (packages/widgets/dist), so rollup tree-shakes exactly what each page would ship.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../../packages/widgets/dist');

/** What each page entry imports. */
export const ENTRIES = {
  // The leaderboard tab and metrics tab of a usage page, over the server.
  'usage-tab': `
    import '${dist}/provider/provider.js';
    import '${dist}/date-range/date-range.js';
    import '${dist}/search/search.js';
    import '${dist}/user-filter/user-filter.js';
    import '${dist}/leaderboard/leaderboard.js';
    import '${dist}/stat-cards/stat-cards.js';
    import '${dist}/breakdown/breakdown.js';
    import '${dist}/table/table.js';
    export { HttpSource } from '${dist}/data/http-source.js';`,
  // A bot's analytics page, over the server.
  'bot-analytics': `
    import '${dist}/provider/provider.js';
    import '${dist}/date-range/date-range.js';
    import '${dist}/stat-cards/stat-cards.js';
    import '${dist}/timeline/timeline.js';
    import '${dist}/breakdown/breakdown.js';
    import '${dist}/table/table.js';
    export { HttpSource } from '${dist}/data/http-source.js';`,
  // Every element and both sources: the package as a whole.
  all: `export * from '${dist}/index.js';`,
  // Core's engine and views in the page, for LocalSource.
  'local-source': `export { LocalSource } from '${dist}/data/local-source.js';`,
};

/** Writes the entries into `folder` and returns their paths by name. */
export function writeEntries(folder) {
  mkdirSync(folder, { recursive: true });
  return Object.fromEntries(
    Object.entries(ENTRIES).map(([name, code]) => {
      const file = join(folder, `${name}.mjs`);
      writeFileSync(file, code);
      return [name, file];
    }),
  );
}
