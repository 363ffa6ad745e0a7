// A node:test reporter that writes only counts, as JSON, so the root test command can print
// one closing "N passed, N failed" line for the whole monorepo.
export default async function* summaryReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type === 'test:pass') {
      // Suites report too; count leaves only (a suite's details.type is 'suite').
      if (event.data.details?.type === 'suite') continue;
      if (event.data.skip || event.data.todo) counts.skipped++;
      else counts.passed++;
    } else if (event.type === 'test:fail') {
      if (event.data.details?.type === 'suite') continue;
      counts.failed++;
      counts.failures.push(`${event.data.file ?? ''} › ${event.data.name}`);
    }
  }
  yield `${JSON.stringify(counts)}\n`;
}
