#!/usr/bin/env node
// Runs one workspace's tests with Node's own test runner (tsx loads TypeScript).
// Unit tests live beside the code as src/**/*.test.ts; integration tests in test/**/*.test.ts.
// Usage (from a package folder): node ../scripts/test-package.mjs [--unit|--integration] [filter...]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const only = args.includes('--unit') ? ['src'] : args.includes('--integration') ? ['test'] : ['src', 'test'];
const filters = args.filter((a) => !a.startsWith('--'));

function findTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const files = only
  .flatMap((d) => findTests(d))
  .map((f) => relative(process.cwd(), f))
  .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)))
  .sort();

rmSync('.test-results', { recursive: true, force: true });
if (files.length === 0) {
  console.log('no test files found in', process.cwd());
  process.exit(0);
}

const concurrency = process.env.SYNCOXIDE_TEST_CONCURRENCY ?? '2';
// Counts go to .test-results/summary.json for the root command's closing line.
mkdirSync('.test-results', { recursive: true });
const summaryFile = join(process.cwd(), '.test-results', 'summary.json');
const summaryReporter = new URL('./summary-reporter.mjs', import.meta.url).href;
// A hung test (an open handle, a server that never answers) must fail its package, not stall
// the whole run: each test has a timeout, the runner exits when its tests are done even if a
// handle is left open, and the package as a whole has a ceiling after which its process group
// is killed.
const testTimeoutMs = Number(process.env.SYNCOXIDE_TEST_TIMEOUT_MS ?? 10 * 60_000);
const packageTimeoutMs = Number(process.env.SYNCOXIDE_PACKAGE_TIMEOUT_MS ?? 30 * 60_000);
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    `--test-timeout=${testTimeoutMs}`,
    '--test-force-exit',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${summaryReporter}`,
    // The reporter writes summaryFile itself (synchronously); its stream output is empty.
    '--test-reporter-destination=.test-results/summary.stream',
    ...files,
  ],
  { stdio: 'inherit', detached: true, env: { ...process.env, SYNCOXIDE_TEST_SUMMARY: summaryFile } },
);
const ceiling = setTimeout(() => {
  console.error(
    `\n✖ ${relative(join(process.cwd(), '..'), process.cwd())}: tests still running after ${packageTimeoutMs / 60_000} min; stopping them`,
  );
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {}
}, packageTimeoutMs);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
    process.exit(1);
  });
}
child.on('exit', (code, signal) => {
  clearTimeout(ceiling);
  // Whatever the files left behind (servers, watchers) goes with the group.
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {}
  const status = signal ? 1 : (code ?? 1);
  // A run that failed without a failed test (a file that did not load, a kill) still fails.
  if (status !== 0) {
    let counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
    try {
      counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
    } catch {}
    if (counts.failed === 0) {
      counts.failed = 1;
      counts.failures.push(`test run ended with ${signal ?? `exit code ${code}`}`);
      writeFileSync(summaryFile, `${JSON.stringify(counts)}\n`);
    }
  }
  process.exit(status);
});
