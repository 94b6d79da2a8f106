// Browser bundles of the packages, built from the TypeScript output in each package's dist/.
// The per-package ESM (dist/*.js) is what npm consumers import; these bundles are for
// <script type="module"> use without a bundler and for size budgets.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
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

/**
 * The React example (examples/react): its TypeScript, compiled by `tsc --build` into
 * build/tsc, bundled with React into build/app.js. React ships CommonJS that reads
 * `process.env.NODE_ENV`, hence the two plugins.
 */
const reactExample = {
  input: 'examples/react/build/tsc/main.js',
  output: {
    file: 'examples/react/build/app.js',
    format: 'es',
    sourcemap: true,
    plugins: [terser({ module: true, ecma: 2022 })],
  },
  plugins: [
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': '"production"' } }),
    nodeResolve({ exportConditions: ['browser', 'production', 'default'] }),
    commonjs(),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY') return;
    warn(warning);
  },
};

export default [
  bundle('core'),
  // One file per package for <script type="module">: the SDK's lazily loaded validator goes inline.
  bundle('sdk', { inlineDynamicImports: true }),
  bundle('widgets'),
  reactExample,
];
