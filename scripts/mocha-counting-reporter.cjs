// Mocha's spec reporter, plus a JSON file of pass/fail counts for scripts/test.mjs to add up.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

const { EVENT_RUN_END } = Mocha.Runner.constants;

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.TALLY_MOCHA_COUNTS ?? '.test-results/node-mocha.json';
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const stats = runner.stats ?? {};
      fs.writeFileSync(
        file,
        JSON.stringify({
          passed: stats.passes ?? 0,
          failed: stats.failures ?? 0,
          skipped: stats.pending ?? 0,
        }),
      );
    });
  }
}

module.exports = CountingReporter;
