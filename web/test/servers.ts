// The real stack for the browser tests: a gateway with the pipeline (relay + indexer), a
// production build of the dashboard served by `next start` and pointed at that gateway, and
// headless Debian Chromium with a fresh profile.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@syncoxide/core';
import { OutboxRelay } from '@syncoxide/graph';
import { createKafka } from '@syncoxide/indexer';
import { freePort } from '@syncoxide/sync/testing';
import { type BrowserContext, chromium } from 'playwright-core';
import type { TestGateway } from '../../gateway/test/harness.js';

export const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));
const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');
export const CHROMIUM = process.env.SYNCOXIDE_CHROMIUM ?? '/usr/bin/chromium';

function run(args: string[], env: Record<string, string>, cwd = WEB_DIR): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, ...args], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** `next build` against this gateway (its URL is compiled into the rewrites). */
export async function buildDashboard(gatewayUrl: string, webDir = WEB_DIR): Promise<void> {
  // Types are checked by `npm run typecheck`; the test's build skips that half-minute. A copy
  // elsewhere builds with webpack: Turbopack refuses the copy's symlinked node_modules.
  const child = run(
    webDir === WEB_DIR ? ['build'] : ['build', '--webpack'],
    { GATEWAY_URL: gatewayUrl, SYNCOXIDE_SKIP_BUILD_TYPECHECK: '1' },
    webDir,
  );
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`next build failed (${code}):\n${output}`);
}

/** `next start` on a free port; resolves once it answers. */
export async function startDashboard(gatewayUrl: string, webDir = WEB_DIR) {
  const port = await freePort();
  const child = run(['start', '-p', String(port), '-H', '127.0.0.1'], { GATEWAY_URL: gatewayUrl }, webDir);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-8000);
  });
  child.stderr?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-8000);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${output}`);
    try {
      if ((await fetch(`${base}/sign-in`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`next start did not answer in 60 s: ${output}`);
    await sleep(200);
  }
  return {
    base,
    output: () => output,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * The dashboard built and started from a copy of web/ under the system temp folder, so a test
 * never touches web/.next (which the dashboard's own e2e test builds) and several can build at
 * once.
 */
export async function startDashboardCopy(gatewayUrl: string, label: string) {
  const repo = join(WEB_DIR, '..');
  const copy = await mkdtemp(join(tmpdir(), `sox-${label}-web-`));
  try {
    for (const f of ['app', 'lib', 'components', 'public', 'next.config.ts', 'package.json', 'tsconfig.json'])
      if (existsSync(join(WEB_DIR, f))) await cp(join(WEB_DIR, f), join(copy, 'web', f), { recursive: true });
    for (const f of ['tsconfig.base.json', 'package.json']) await cp(join(repo, f), join(copy, f));
    await symlink(join(repo, 'node_modules'), join(copy, 'node_modules'));
    await buildDashboard(gatewayUrl, join(copy, 'web'));
    const web = await startDashboard(gatewayUrl, join(copy, 'web'));
    return {
      ...web,
      async stop() {
        await web.stop();
        await rm(copy, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(copy, { recursive: true, force: true });
    throw err;
  }
}

/** Headless Chromium with its own throwaway profile. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'sox-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The harness relays graph changes only for users it signed up itself; a user who signs up in
 * the browser is followed here the same way (their outbox lane to the test's topics), and their
 * graph is removed again on stop.
 */
export function followOwner(gw: TestGateway, ownerId: string) {
  const logger = createLogger('web-e2e', { level: 'silent' });
  const kafka = createKafka({ brokers: gw.config.kafka.brokers, clientId: 'web-e2e', logger });
  const relay = new OutboxRelay({
    driver: gw.conn.neo4j,
    database: gw.config.neo4j.database,
    kafka,
    topicPrefix: `${gw.names.indexPrefix}.`,
    logger,
    partitions: 1,
    pollIntervalMs: 100,
    ownerIds: [ownerId],
  });
  relay.start();
  return {
    async stop() {
      await relay.stop();
      const session = gw.conn.neo4j.session({ database: gw.config.neo4j.database });
      try {
        for (const label of ['Node', 'Version', 'Share', 'LogicalFile', 'Remote', 'Device', 'Outbox', 'User'])
          await session.run(
            `MATCH (x:${label}) WHERE x.ownerId = $ownerId OR (x:User AND x.id = $ownerId)
             CALL (x) { DETACH DELETE x } IN TRANSACTIONS OF 5000 ROWS`,
            { ownerId },
          );
      } finally {
        await session.close();
      }
    },
  };
}
