/**
 * A @web/test-runner plugin that serves React to browser tests as ES modules. React's packages
 * ship CommonJS only, which a browser cannot import; in `serverStart` this plugin bundles
 * `react`, `react/jsx-runtime` and `react-dom/client` once with rollup (the development build,
 * so React's warnings show), as one build so the three share a single React, and then answers
 * imports of those names with the bundles.
 */
import { createRequire } from 'node:module';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { rollup } from 'rollup';

/** The served modules: the import specifier each answers, by file name. */
const ENTRIES = {
  react: 'react',
  'jsx-runtime': 'react/jsx-runtime',
  'jsx-dev-runtime': 'react/jsx-dev-runtime',
  'react-dom': 'react-dom',
  'react-dom-client': 'react-dom/client',
};
const PREFIX = '/__react-modules/';
const VIRTUAL = '\0react-entry:';

/**
 * An entry re-exporting a CommonJS module's names one by one: rollup only gives an entry chunk
 * the named exports its code names.
 */
function entryCode(specifier) {
  const names = Object.keys(createRequire(import.meta.url)(specifier)).filter(
    (name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name),
  );
  return `export { ${names.join(', ')} } from '${specifier}';\nimport all from '${specifier}';\nexport default all;\n`;
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function reactModulesPlugin() {
  /** @type {Map<string, string>} */
  const files = new Map();
  return {
    name: 'react-modules',
    async serverStart() {
      const bundle = await rollup({
        input: Object.fromEntries(
          Object.entries(ENTRIES).map(([file, specifier]) => [file, `${VIRTUAL}${specifier}`]),
        ),
        plugins: [
          {
            name: 'react-entries',
            resolveId: (id) => (id.startsWith(VIRTUAL) ? id : null),
            load: (id) => (id.startsWith(VIRTUAL) ? entryCode(id.slice(VIRTUAL.length)) : null),
          },
          replace({
            preventAssignment: true,
            values: { 'process.env.NODE_ENV': '"development"' },
          }),
          nodeResolve({ exportConditions: ['browser', 'development', 'default'] }),
          commonjs(),
        ],
      });
      const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name].js' });
      await bundle.close();
      for (const chunk of output) if (chunk.type === 'chunk') files.set(chunk.fileName, chunk.code);
    },
    resolveImport({ source }) {
      const file = Object.keys(ENTRIES).find((name) => ENTRIES[name] === source);
      return file === undefined ? undefined : `${PREFIX}${file}.js`;
    },
    serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const body = files.get(context.path.slice(PREFIX.length));
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
