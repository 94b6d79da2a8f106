// A node:test reporter that emits pass/fail counts as JSON (written to the destination file).
export default async function* countingReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    // Suites report too; count only leaf tests.
    if (event.type === 'test:pass' && event.data.details?.type !== 'suite') {
      if (event.data.skip || event.data.todo) counts.skipped += 1;
      else counts.passed += 1;
    } else if (event.type === 'test:fail' && event.data.details?.type !== 'suite') {
      counts.failed += 1;
    }
  }
  yield JSON.stringify(counts);
}
