// The public link pages in headless Chromium against the real stack, as an outsider: a
// password-protected share link (prompt, image preview, download compared byte for byte), a
// revoked link's page, and a file request taking an upload over tus through the dashboard's
// proxy. The first tests make their links through GraphQL; the last one makes a link and a
// request in the dashboard's own dialogs as the signed-in owner (a second Chromium holding her
// session), uses both as the outsider, and sees the upload on the Links page. The dashboard is
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
let remoteId: string;
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
  ({ remoteId, root } = await connectLocal(gw, alice, 'Pages', {
    'pic.png': 'x',
    'notes.txt': 'hello outsider\n',
    'inbox/readme.txt': 'uploads land here\n',
  }));
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

test('the owner makes a link and a request in the dashboard; the outsider uses both', async () => {
  const owner = await launchBrowser();
  try {
    const [name, ...rest] = alice.cookie.split('=');
    await owner.context.addCookies([{ name: name!, value: rest.join('='), url: web }]);
    const me = await owner.context.newPage();
    await me.goto(`${web}/remote/${encodeURIComponent(remoteId)}`);
    const details = me.getByRole('complementary', { name: 'Details' });
    const openDetails = async (item: string) => {
      await me.locator(`[role=option][data-name="${item}"]`).click();
      await me
        .getByRole('toolbar', { name: 'Selected items' })
        .getByRole('button', { name: 'Details' })
        .click();
      await details.getByRole('heading', { name: item }).waitFor();
    };

    // A share link with a password, made in the dialog; a bad limit is refused with a message first.
    await openDetails('pic.png');
    await details.getByRole('button', { name: 'Share link…' }).click();
    const linkDialog = me.getByRole('dialog', { name: 'Share link for pic.png' });
    await linkDialog.getByLabel('Password (optional)').fill('owl and pussycat');
    await linkDialog.getByLabel('Note for the visitor (optional)').fill('made in the dashboard');
    await linkDialog.getByLabel('Download limit (optional)').fill('0');
    await linkDialog.getByRole('button', { name: 'Create link' }).click();
    assert.match((await linkDialog.getByRole('alert').textContent()) ?? '', /Download limit must be/);
    await linkDialog.getByLabel('Download limit (optional)').fill('');
    await linkDialog.getByRole('button', { name: 'Create link' }).click();
    const linkUrl = await linkDialog.getByLabel('Link', { exact: true }).inputValue();
    assert.match(linkUrl, new RegExp(`^${web}/s/[\\w-]{43}$`));
    assert.ok(await linkDialog.getByRole('link', { name: 'Download .torrent' }).isVisible());
    await linkDialog.getByRole('button', { name: 'Done' }).click();

    // A file request into the folder its details were opened on.
    await openDetails('inbox');
    await details.getByRole('button', { name: 'Request files…' }).click();
    const reqDialog = me.getByRole('dialog', { name: 'Request files into inbox' });
    await reqDialog.getByLabel('Title').fill('Send me your answer');
    await reqDialog.getByLabel('Description (optional)').fill('Text files please');
    await reqDialog.getByLabel('Allowed types', { exact: false }).fill('txt');
    await reqDialog.getByRole('button', { name: 'Create request' }).click();
    const requestUrl = await reqDialog.getByLabel('Request link').inputValue();
    assert.match(requestUrl, new RegExp(`^${web}/r/[\\w-]{43}$`));
    await reqDialog.getByRole('button', { name: 'Done' }).click();

    // The outsider (no session): password, preview, download compared byte for byte.
    assert.equal((await page.context().cookies(web)).length, 0);
    await page.goto(linkUrl);
    await page.getByRole('heading', { name: 'This link is protected' }).waitFor();
    await page.getByLabel('Password').fill('owl and pussycat');
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { name: 'pic.png' }).waitFor();
    assert.ok(await page.getByText('made in the dashboard').isVisible());
    await page.waitForFunction(
      () => (document.querySelector('img') as HTMLImageElement | null)?.naturalWidth === 1,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download', exact: true }).click(),
    ]);
    assert.deepEqual(await readFile((await download.path())!), PNG);

    // ...and uploads into the request; the bytes land in the folder.
    const body = Buffer.from(`my answer ${Date.now()}\n`);
    const file = join(copy, 'answer.txt');
    await writeFile(file, body);
    await page.goto(requestUrl);
    await page.getByRole('heading', { name: 'Send me your answer' }).waitFor();
    await page.locator('input[type=file][multiple]').setInputFiles(file);
    await page.getByText('Uploaded').waitFor({ timeout: 60_000 });
    assert.deepEqual(await readFile(join(root, 'inbox', 'answer.txt')), body);

    // The owner's Links page: the link's download counted, the upload listed; close the request.
    await me.getByRole('navigation').getByRole('link', { name: 'Links & requests' }).click();
    await me.getByRole('heading', { name: 'Links & requests' }).waitFor();
    const row = me.getByRole('row', { name: 'Link to pic.png' }).filter({ hasText: 'made in the dashboard' });
    const cell = (n: number) => row.getByRole('cell').nth(n);
    await cell(3).filter({ hasText: /^1$/ }).waitFor();
    assert.equal(await cell(1).textContent(), 'active');
    assert.equal(await cell(5).textContent(), 'password');
    const uploads = me.getByRole('table', { name: 'Uploads to Send me your answer' });
    await uploads.getByText('answer.txt').waitFor();
    const card = me.getByRole('listitem').filter({ hasText: 'Send me your answer' });
    await card.getByRole('button', { name: 'Close' }).click();
    await card.getByRole('button', { name: 'Reopen' }).waitFor();
    await page.goto(requestUrl);
    await page
      .getByText(/closed/i)
      .first()
      .waitFor();
  } finally {
    await owner.close();
  }
});
