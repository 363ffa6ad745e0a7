// The public link pages in headless Chromium against the real stack, as an outsider: a
// password-protected share link (prompt, image preview, download compared byte for byte), a
// revoked link's page, and a file request taking an upload over tus through the dashboard's
// proxy. The links are made through GraphQL (the dashboard has no link UI yet). The dashboard is
// built in a copy of web/ under the system temp folder (webpack: Turbopack refuses a symlinked
// node_modules), so this test never touches web/.next, which the dashboard's e2e test builds.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '@syncoxide/sync/testing';
import type { Page } from 'playwright-core';
import { connectLocal } from '../../gateway/test/fixtures.js';
import { type Client, startTestGateway, type TestGateway } from '../../gateway/test/harness.js';
import { createLink, nodeId } from '../../gateway/test/links-helpers.js';
import { launchBrowser } from './servers.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const NEXT_BIN = join(REPO, 'node_modules/next/dist/bin/next');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let gw: TestGateway;
let alice: Client;
let root: string;
let copy: string;
let next: ChildProcess | undefined;
let web: string;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

function nextRun(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, ...args], {
    cwd: join(copy, 'web'),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function finished(child: ChildProcess): Promise<string> {
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-6000)));
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-6000)));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`next exited ${code}: ${out}`);
  return out;
}

before(async () => {
  gw = await startTestGateway();
  alice = await gw.user('alice');
  root = (await connectLocal(gw, alice, 'Pages', { 'pic.png': 'x', 'notes.txt': 'hello outsider\n' })).root;
  await writeFile(join(root, 'pic.png'), PNG);
  copy = await mkdtemp(join(tmpdir(), 'sox-links-web-'));
  for (const f of ['app', 'lib', 'components', 'next.config.ts', 'package.json', 'tsconfig.json'])
    await cp(join(REPO, 'web', f), join(copy, 'web', f), { recursive: true });
  for (const f of ['tsconfig.base.json', 'package.json']) await cp(join(REPO, f), join(copy, f));
  await symlink(join(REPO, 'node_modules'), join(copy, 'node_modules'));
  await finished(
    nextRun(['build', '--webpack'], { GATEWAY_URL: gw.base, SYNCOXIDE_SKIP_BUILD_TYPECHECK: '1' }),
  );
  const port = await freePort();
  next = nextRun(['start', '-p', String(port), '-H', '127.0.0.1'], { GATEWAY_URL: gw.base });
  web = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if ((await fetch(`${web}/r/x`).catch(() => null))?.ok) break;
    if (i > 300 || next.exitCode !== null) throw new Error('next start did not answer');
    await sleep(200);
  }
  browser = await launchBrowser();
  page = await browser.context.newPage();
});

after(async () => {
  await browser?.close();
  next?.kill('SIGTERM');
  await gw?.close();
  if (copy) await rm(copy, { recursive: true, force: true });
});

test('a password-protected share link: prompt, preview, download', async () => {
  const link = await createLink(alice, await nodeId(alice, 'pic.png'), {
    password: 'let me in',
    note: 'the logo',
  });
  await page.goto(`${web}/s/${link.token}`);
  await page.getByRole('heading', { name: 'This link is protected' }).waitFor();
  await page.getByLabel('Password').fill('wrong guess');
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('alert').waitFor();
  await page.getByLabel('Password').fill('let me in');
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('heading', { name: 'pic.png' }).waitFor();
  assert.ok(await page.getByText('the logo').isVisible());
  const img = page.getByRole('img', { name: 'pic.png' });
  await img.waitFor();
  await page.waitForFunction(
    () => (document.querySelector('img') as HTMLImageElement | null)?.naturalWidth === 1,
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download', exact: true }).click(),
  ]);
  assert.deepEqual(await readFile((await download.path())!), PNG);
});

test('a revoked link says so', async () => {
  const link = await createLink(alice, await nodeId(alice, 'notes.txt'));
  await alice.ok('mutation($id: ID!) { revokeShareLink(id: $id) { id } }', { id: link.id });
  await page.goto(`${web}/s/${link.token}`);
  await page.getByRole('heading', { name: 'This link no longer works' }).waitFor();
  assert.ok(await page.getByText('The owner has turned this link off.').isVisible());
});

test('a file request takes an upload from the page', async () => {
  const remoteId = (
    await alice.ok<{ remotes: { id: string; name: string }[] }>('query { remotes { id name } }')
  ).remotes.find((r) => r.name === 'Pages')!.id;
  const r = await alice.ok<{ createFileRequest: { token: string } }>(
    'mutation($d: ID!) { createFileRequest(title: "Your homework", description: "PDF or text", destination: $d) { token } }',
    { d: remoteId },
  );
  const body = Buffer.from(`homework ${Date.now()}\n`);
  const file = join(copy, 'homework.txt');
  await writeFile(file, body);
  await page.goto(`${web}/r/${r.createFileRequest.token}`);
  await page.getByRole('heading', { name: 'Your homework' }).waitFor();
  await page.locator('input[type=file][multiple]').setInputFiles(file);
  await page.getByText('Uploaded').waitFor({ timeout: 60_000 });
  assert.deepEqual(await readFile(join(root, 'homework.txt')), body);
});
