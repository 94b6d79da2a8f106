/** Bundles a browser entry with rollup (node-resolve, optionally terser) and measures its size. */
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { gzipSync } from 'node:zlib';

/**
 * @param {string} input an entry file
 * @param {{ external?: (id: string) => boolean, minify?: boolean }} [options]
 * @returns {Promise<{ code: string, bytes: number, gzip: number }>}
 */
export async function bundle(input, { external = () => false, minify = true } = {}) {
  const build = await rollup({
    input,
    external,
    plugins: [nodeResolve({ exportConditions: ['browser', 'production', 'default'] })],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  });
  const { output } = await build.generate({
    format: 'es',
    plugins: minify ? [terser({ module: true, ecma: 2022 })] : [],
  });
  await build.close();
  const code = output[0].code;
  return { code, bytes: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}
