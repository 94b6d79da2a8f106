// Runs browser tests in Debian's headless Chromium (installed by scripts/ensure-chromium.mjs).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { tallyCollectorPlugin } from './packages/sdk/test-support/wtr-plugin.mjs';
import { screenshotPlugin } from './packages/widgets/src/usage-tab/__test-support__/screenshot-plugin.mjs';
import { reactModulesPlugin } from './examples/react/__test-support__/react-modules-plugin.mjs';
import { tallyServerPlugin } from './packages/widgets/src/data/__test-support__/tally-server-plugin.mjs';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  nodeResolve: { exportConditions: ['browser', 'production'] },
  rootDir: '.',
  files: [
    'packages/core/src/**/*.test.ts',
    'packages/sdk/src/**/*.test.ts',
    'packages/widgets/src/**/*.test.ts',
    'examples/react/src/**/*.test.tsx',
  ],
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 60_000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }),
    // The React example's TSX, with the automatic JSX runtime its tsconfig names.
    esbuildPlugin({ tsx: true, target: 'es2022', tsconfig: 'examples/react/tsconfig.json' }),
    reactModulesPlugin(),
    tallyCollectorPlugin(),
    screenshotPlugin(),
    tallyServerPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
  reporters: [
    process.env.CI ? summaryReporter({ flatten: false }) : defaultReporter(),
    countingReporter(),
  ],
};
