// The SDK's browser tests on their own: `npx wtr --config packages/sdk/web-test-runner.sdk.mjs`
// from the repository root. The root config runs them too and starts the test collector.
import rootConfig from '../../web-test-runner.config.mjs';

export default {
  ...rootConfig,
  files: ['packages/sdk/src/**/*.test.ts'],
  plugins: rootConfig.plugins,
};
