// A @web/test-runner reporter that writes pass/fail counts for scripts/test.mjs to add up.
import { mkdirSync, writeFileSync } from 'node:fs';

function countSuite(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}

export function countingReporter(
  file = process.env.TALLY_WTR_COUNTS ?? '.test-results/browser.json',
) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, errors: 0 };
      for (const session of sessions) {
        if (session.testResults) countSuite(session.testResults, counts);
        // A file that fails to load or throws outside a test counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0)
          counts.errors += session.errors.length;
      }
      mkdirSync(new URL('.', `file://${process.cwd()}/${file}`), { recursive: true });
      writeFileSync(file, JSON.stringify(counts));
    },
  };
}
