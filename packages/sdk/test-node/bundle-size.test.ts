import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SIZE_BUDGET_GZIP, bundleSize } from '../scripts/bundle-size.mjs';

describe('the browser bundle', () => {
  it('keeps `import { createTracker } from "@tally/sdk"` within the size budget', async () => {
    // Measures the built package (dist/), as an app's bundler would see it, dependencies included.
    const { eager } = await bundleSize("export { createTracker } from '@tally/sdk';");
    assert.ok(
      eager.gzip <= SIZE_BUDGET_GZIP,
      `min+gzip ${eager.gzip} B is over the budget of ${SIZE_BUDGET_GZIP} B`,
    );
  });

  it('loads core only through the tracker for invalid events, not with the page', async () => {
    const { lazy } = await bundleSize("export { createTracker } from '@tally/sdk';");
    assert.deepEqual(
      lazy.map((chunk) => chunk.name),
      ['@tally/core'],
    );
  });
});
