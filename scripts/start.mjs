#!/usr/bin/env node
// `npm start`: the whole product on this machine from a fresh clone. Installs what is
// missing, starts the engines (fetched once, then cached), applies migrations, builds the
// dashboard when its sources changed, then runs the gateway, the workers and the dashboard
// in the foreground with prefixed logs. Ctrl-C stops the product; the engines keep running
// (`npm run engines -- down` stops them).
import { spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, ensureSystemTools } from './ensure.mjs';
import { PROCESSES } from './processes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const gatewayPort = process.env.SYNCOXIDE_GATEWAY_PORT ?? '4000';
const webPort = process.env.SYNCOXIDE_WEB_PORT ?? '3000';

function step(label, cmd, args) {
  console.log(`▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(1);
  }
}

ensureSystemTools(['start']);
ensureNodeModules();
step('engines up', 'npx', ['tsx', 'infra/src/cli.ts', 'up']);
step('migrations', 'npx', ['tsx', 'scripts/migrate.ts']);
step('dashboard build (cached when unchanged)', 'npx', [
  'turbo',
  'run',
  'build',
  '--filter=@syncoxide/web',
  '--output-logs=errors-only',
]);

const children = [];
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r))))).then(
    () => process.exit(code),
  );
}

for (const { name, cmd, args, cwd } of PROCESSES) {
  const child = spawn(cmd, args, {
    cwd: `${root}/${cwd}`,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `${name.padEnd(8)}│ `;
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`✖ ${name} exited (${signal ?? code}); stopping the product`);
    stopAll(1);
  });
  children.push(child);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function waitFor(url, label) {
  for (let i = 0; i < 600 && !stopping; i++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return true;
    } catch {}
    await sleep(500);
  }
  console.error(`✖ ${label} did not answer at ${url}`);
  return false;
}

if (
  (await waitFor(`http://127.0.0.1:${gatewayPort}/healthz`, 'gateway')) &&
  (await waitFor(`http://127.0.0.1:${webPort}/`, 'dashboard'))
) {
  console.log(`\n✔ syncoxide is running
   dashboard  http://localhost:${webPort}
   GraphQL    http://localhost:${gatewayPort}/graphql
   health     http://localhost:${gatewayPort}/healthz
   Ctrl-C stops it; \`npm run engines -- down\` stops the engines too.\n`);
}
