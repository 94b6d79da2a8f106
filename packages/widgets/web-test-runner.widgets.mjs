// The widgets' browser tests on their own: `npx wtr --config packages/widgets/web-test-runner.widgets.mjs`
// from the repository root. The components declare their properties without decorators, so they
// compile the same under the root config's TypeScript settings, which this config keeps.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import rootConfig from '../../web-test-runner.config.mjs';

export default {
  ...rootConfig,
  // The building blocks; the composed pages (usage-tab, bot-analytics) have their own config.
  files: [
    'packages/widgets/src/**/*.test.ts',
    '!packages/widgets/src/usage-tab/**',
    '!packages/widgets/src/bot-analytics/**',
  ],
  testFramework: { config: { timeout: 60_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' })],
};
