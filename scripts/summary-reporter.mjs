// A node:test reporter that writes only counts, as JSON, so the root test command can print
// one closing "N passed, N failed" line for the whole monorepo. The file (SYNCOXIDE_TEST_SUMMARY)
// is rewritten synchronously after every result: `--test-force-exit` ends the process as soon as
// the last test is done, before an async reporter stream would have been flushed.
import { writeFileSync } from 'node:fs';

export default async function* summaryReporter(source) {
  const file = process.env.SYNCOXIDE_TEST_SUMMARY;
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const save = () => {
    if (file) writeFileSync(file, `${JSON.stringify(counts)}\n`);
  };
  save();
  for await (const event of source) {
    if (event.type === 'test:pass') {
      // Suites report too; count leaves only (a suite's details.type is 'suite').
      if (event.data.details?.type === 'suite') continue;
      if (event.data.skip || event.data.todo) counts.skipped++;
      else counts.passed++;
      save();
    } else if (event.type === 'test:fail') {
      if (event.data.details?.type === 'suite') continue;
      counts.failed++;
      counts.failures.push(`${event.data.file ?? ''} › ${event.data.name}`);
      save();
    }
  }
}
