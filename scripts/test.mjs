#!/usr/bin/env node
// `npm test`: everything CI checks, from a fresh clone. Installs what is missing, starts the
// engines (warm when cached), then typecheck, lint and every workspace's tests through turbo,
// and closes with one "N passed, N failed" line over the whole monorepo.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, ensureSystemTools } from './ensure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const started = Date.now();

function run(cmd, cmdArgs, label) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

ensureSystemTools(['start', 'test']);
ensureNodeModules();

if (!run('npx', ['tsx', 'infra/src/cli.ts', 'up'], 'engines up')) {
  console.error('engines did not start; see the message above (npm run engines -- logs NAME)');
  process.exit(1);
}

const checks = [];
if (!args.includes('--no-static')) {
  // One program over every Node workspace, bench and scripts (tsconfig.json): each file is
  // checked once, where per-package runs re-check their dependencies' sources every time.
  checks.push([
    'typecheck',
    run('npx', ['tsc', '-p', 'tsconfig.json'], 'typecheck (workspaces, bench, scripts)'),
  ]);
  checks.push([
    'typecheck web',
    run('npm', ['run', 'typecheck', '-w', '@syncoxide/web', '--silent'], 'typecheck (dashboard)'),
  ]);
  checks.push(['lint', run('npx', ['biome', 'check', '.'], 'lint (biome)')]);
}
const filter = args.filter((a) => a.startsWith('--filter='));
checks.push([
  'tests',
  run(
    'npx',
    ['turbo', 'run', 'test', '--concurrency=2', '--continue', '--output-logs=full', ...filter],
    'tests (every workspace)',
  ),
]);

// Sum the per-package counts written by scripts/summary-reporter.mjs.
const workspaces = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).workspaces;
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
for (const ws of workspaces) {
  const file = `${root}/${ws}/.test-results/summary.json`;
  if (!existsSync(file)) continue;
  let s;
  try {
    s = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // A run cut short leaves no counts: that package failed as a whole.
    failures.push(`${ws}: test run did not finish`);
    failed++;
    continue;
  }
  passed += s.passed;
  failed += s.failed;
  skipped += s.skipped;
  failures.push(...s.failures.map((f) => `${ws}: ${f}`));
}
const badChecks = checks.filter(([, ok]) => !ok).map(([name]) => name);
console.log(`\n${'─'.repeat(60)}`);
for (const f of failures) console.log(`✖ ${f}`);
if (badChecks.length) console.log(`failed steps: ${badChecks.join(', ')}`);
console.log(`time: ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(badChecks.length === 0 && failed === 0 && passed > 0 ? 0 : 1);
