import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { SIZE_BUDGET_GZIP, bundleSize } from '../scripts/bundle-size.mjs';

describe('the browser bundle', () => {
  let size: Awaited<ReturnType<typeof bundleSize>>;

  before(async () => {
    // Measures the built package (dist/), as an app's bundler would see it, dependencies included.
    size = await bundleSize("export { createTracker } from '@tally/sdk';");
  });

  it('keeps `import { createTracker } from "@tally/sdk"` within the size budget', () => {
    assert.ok(
      size.eager.gzip <= SIZE_BUDGET_GZIP,
      `min+gzip ${size.eager.gzip} B is over the budget of ${SIZE_BUDGET_GZIP} B`,
    );
  });

  it('loads ky (with the transport) and core in chunks of their own, not with the page', () => {
    assert.deepEqual(size.lazy.map((chunk) => chunk.name).sort(), [
      '@tally/core, @tally/sdk',
      'ky, @tally/sdk',
    ]);
  });

  it('keeps the queue and the page-close requests in the chunk that loads with the page', () => {
    // Events must be stored, and sent as the page goes away, without waiting for a lazy chunk.
    for (const needed of ['indexedDB', 'sendBeacon', 'keepalive']) {
      assert.ok(size.eagerCode.includes(needed), `the main chunk lacks ${needed}`);
    }
  });
});
