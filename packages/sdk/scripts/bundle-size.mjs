/**
 * Bundles a browser entry with rollup (node-resolve with browser conditions, terser) and measures
 * it minified, gzipped (level 9) and brotli-compressed: the size-budget figure of the SDK.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The size target of `import { createTracker } from '@tally/sdk'`, in gzip bytes. */
export const SIZE_TARGET_GZIP = 8 * 1024;

/** What `npm test` enforces, in gzip bytes: the target itself (docs/decisions/0011). */
export const SIZE_BUDGET_GZIP = SIZE_TARGET_GZIP;

/**
 * Bundles `code` (an ES module source, resolved from the SDK package folder) for the browser, as an
 * app's bundler would: code loaded with `import()` becomes separate chunks. Returns the sizes in
 * bytes of what loads with the page (`eager`: the entry and its static imports, measured as one
 * text, also returned as `eagerCode`) and of everything (`total`, lazy chunks included), plus
 * each lazy chunk.
 *
 * @param {string} code
 */
export async function bundleSize(code) {
  const output = await build(code, false);
  const chunks = new Map(
    output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]),
  );
  const eager = new Set();
  const visit = (name) => {
    if (eager.has(name)) return;
    eager.add(name);
    for (const imported of chunks.get(name).imports) visit(imported);
  };
  visit([...chunks.values()].find((chunk) => chunk.isEntry).fileName);
  const join = (names) => [...names].map((name) => chunks.get(name).code).join('\n');
  const lazy = [...chunks.keys()].filter((name) => !eager.has(name));
  return {
    eager: measure(join(eager)),
    eagerCode: join(eager),
    total: measure(join(chunks.keys())),
    lazy: lazy.map((name) => ({
      name: describeChunk(chunks.get(name)),
      ...measure(chunks.get(name).code),
    })),
  };
}

/** Bundles `code` into one minified ES module (lazy imports inlined), e.g. to run in a page. */
export async function bundleScript(code) {
  const [chunk] = await build(code, true);
  return chunk.code;
}

async function build(code, inline) {
  const entry = '\0tally-size-entry';
  const bundle = await rollup({
    input: entry,
    logLevel: 'silent',
    plugins: [
      {
        name: 'tally-size-entry',
        resolveId: (id) => (id === entry ? entry : null),
        load: (id) => (id === entry ? code : null),
      },
      nodeResolve({
        exportConditions: ['browser', 'production', 'default'],
        rootDir: packageRoot,
      }),
    ],
  });
  const { output } = await bundle.generate({
    format: 'es',
    inlineDynamicImports: inline,
    plugins: [terser({ module: true, ecma: 2022, compress: { passes: 2 } })],
  });
  await bundle.close();
  return output;
}

function describeChunk(chunk) {
  const sources = Object.keys(chunk.modules).filter((id) => !id.startsWith('\0'));
  const packages = new Set(
    sources.map(
      (id) =>
        id.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ??
        id.match(/packages\/([^/]+)\//)?.[1].replace(/^/, '@tally/') ??
        id,
    ),
  );
  return [...packages].slice(0, 3).join(', ') + (packages.size > 3 ? ', ...' : '');
}

/** Minified, gzip (level 9) and brotli sizes of `text`, in bytes. */
export function measure(text) {
  const bytes = Buffer.from(text);
  return {
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length,
  };
}
