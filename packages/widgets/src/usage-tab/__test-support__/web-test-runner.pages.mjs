// The composed pages' browser tests, with the screenshot command they need:
// `npx wtr --config packages/widgets/src/usage-tab/__test-support__/web-test-runner.pages.mjs`
// from the repository root. The same plugin belongs in any config that runs these tests.
import widgets from '../../../web-test-runner.widgets.mjs';
import { screenshotPlugin } from './screenshot-plugin.mjs';

export default {
  ...widgets,
  files: [
    'packages/widgets/src/usage-tab/**/*.test.ts',
    'packages/widgets/src/bot-analytics/**/*.test.ts',
  ],
  plugins: [...widgets.plugins, screenshotPlugin()],
};
