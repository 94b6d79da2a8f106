// Browser bundles of the packages, built from the TypeScript output in each package's dist/.
// The per-package ESM (dist/*.js) is what npm consumers import; these bundles are for
// <script type="module"> use without a bundler and for size budgets.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const plugins = [nodeResolve({ exportConditions: ['browser', 'production', 'default'] })];

/** @param {string} name */
function bundle(name, { minify = true, inlineDynamicImports = false } = {}) {
  return {
    input: `packages/${name}/dist/index.js`,
    output: [
      {
        file: `packages/${name}/dist/browser/tally-${name}.js`,
        format: 'es',
        sourcemap: true,
        inlineDynamicImports,
      },
      ...(minify
        ? [
            {
              file: `packages/${name}/dist/browser/tally-${name}.min.js`,
              format: 'es',
              sourcemap: true,
              inlineDynamicImports,
              plugins: [terser({ module: true, ecma: 2022 })],
            },
          ]
        : []),
    ],
    plugins,
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY') return;
      warn(warning);
    },
  };
}

export default [
  bundle('core'),
  // One file per package for <script type="module">: the SDK's lazily loaded validator goes inline.
  bundle('sdk', { inlineDynamicImports: true }),
  bundle('widgets'),
];
